"""Reads of unregistered websites, each scoped to the user who asks (deny by default).

An applicant sees the websites pushed to their sponsor entity and — only by an exact search for a
domain — an open website imported without a certificate, which no sponsor entity can ever match.
Staff see their jurisdiction."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from beian.imports.selectors import IMPORT_ROLES, WORKBENCH_ROLES, agencies_for, searched
from beian.rules import normalize_domain
from beian.unregistered.models import UnregisteredWebsite

__all__ = ["IMPORT_ROLES", "WORKBENCH_ROLES", "agencies_for", "find_by_domain", "findable", "for_applicant",
           "for_staff", "get_for_staff"]


def for_applicant(user) -> QuerySet[UnregisteredWebsite]:
    """The open websites pushed to this applicant (matched with their sponsor entity)."""
    return (UnregisteredWebsite.objects
            .filter(matched_entity__owner=user, status=UnregisteredWebsite.Status.OPEN)
            .order_by("deadline", "domain"))


def findable() -> QuerySet[UnregisteredWebsite]:
    """Open websites imported without a certificate: they are pushed to nobody, so their sponsor
    finds them by their domain (as a legacy record can be found for a claim)."""
    return UnregisteredWebsite.objects.filter(status=UnregisteredWebsite.Status.OPEN, certificate_hash="",
                                              matched_entity__isnull=True)


def find_by_domain(query: str) -> QuerySet[UnregisteredWebsite]:
    """Exact match only, never a browse: the query must be a whole domain (any spelling of it: upper
    case, Unicode or A-label). An empty or unparsable query finds nothing."""
    domain = normalize_domain(query or "")
    if domain is None:
        return UnregisteredWebsite.objects.none()
    return findable().filter(domain=domain).select_related("agency")


def for_staff(user, *, overdue: bool = False, status: str = "", unmatched: bool = False, q: str = "",
              agency=None, today=None) -> QuerySet[UnregisteredWebsite]:
    """`unmatched`: open websites no sponsor entity matches (no certificate, or one that no
    applicant's sponsor entity carries yet) — nobody has been told to file them. `q` searches the
    domain and the sponsor's name; `agency` is one agency of the user's jurisdiction."""
    sites = UnregisteredWebsite.objects.filter(agency__in=agencies_for(user)).select_related("agency")
    if agency is not None:
        sites = sites.filter(agency=agency)
    sites = searched(sites, q, fields=("domain", "sponsor_name"))
    if overdue:
        sites = sites.filter(status=UnregisteredWebsite.Status.OPEN,
                             deadline__lt=today or timezone.localdate())
    elif status in UnregisteredWebsite.Status.values:
        sites = sites.filter(status=status)
    if unmatched:
        sites = sites.filter(status=UnregisteredWebsite.Status.OPEN, matched_entity__isnull=True)
    return sites.order_by("deadline", "domain")


def get_for_staff(user, pk: int) -> UnregisteredWebsite:
    site = for_staff(user).select_related("certificate_type", "matched_entity").filter(pk=pk).first()
    if site is None:
        raise Http404
    return site
