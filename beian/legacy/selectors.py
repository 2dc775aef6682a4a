"""Reads of legacy records, each scoped to the user who asks (deny by default).

An applicant sees the records pushed to their sponsor entity, their own claims, and — only by an
exact search for a domain, an ICP number or a legacy record number — an open record nobody else's
sponsor entity matches. Staff see their jurisdiction."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from beian.imports.selectors import IMPORT_ROLES, WORKBENCH_ROLES, agencies_for, searched
from beian.legacy.models import LegacyRecord
from beian.legacy.validation import icp_key
from beian.rules import normalize_domain, parse_record_number

__all__ = ["IMPORT_ROLES", "WORKBENCH_ROLES", "claimable_by", "find_for_claim", "for_applicant",
           "for_staff", "get_for_staff"]
SEARCH_RESULTS = 10


def for_applicant(user) -> QuerySet[LegacyRecord]:
    """The records pushed to this applicant's sponsor entity and the records they are claiming or
    have claimed."""
    return (LegacyRecord.objects
            .filter(Q(matched_entity__owner=user) | Q(application__owner=user))
            .select_related("application", "website", "agency")
            .order_by("-status", "deadline", "record_number"))  # open ("open" > "claimed") first


def claimable_by(user) -> QuerySet[LegacyRecord]:
    """Open records this applicant may claim: not matched to another applicant's sponsor entity."""
    return (LegacyRecord.objects.filter(status=LegacyRecord.Status.OPEN)
            .filter(Q(matched_entity__isnull=True) | Q(matched_entity__owner=user)))


def find_for_claim(user, query: str) -> QuerySet[LegacyRecord]:
    """Exact match only, never a browse: the query must be a whole legacy record number, ICP number
    or domain. An empty or unparsable query finds nothing."""
    query = (query or "").strip()
    if not query:
        return LegacyRecord.objects.none()
    records = claimable_by(user).select_related("agency")
    number = parse_record_number(query)
    if number is not None:
        return records.filter(record_number=number)[:SEARCH_RESULTS]
    key = icp_key(query)
    if key:
        return records.filter(icp_key=key)[:SEARCH_RESULTS]
    domain = normalize_domain(query)
    if domain is not None:
        return records.filter(domain=domain)[:SEARCH_RESULTS]
    return LegacyRecord.objects.none()


def for_staff(user, *, overdue: bool = False, status: str = "", q: str = "", agency=None,
              today=None) -> QuerySet[LegacyRecord]:
    """`q` searches the domain, the sponsor's name, the legacy record number and the ICP number;
    `agency` is one agency of the user's jurisdiction."""
    records = LegacyRecord.objects.filter(agency__in=agencies_for(user)).select_related("agency")
    if agency is not None:
        records = records.filter(agency=agency)
    records = searched(records, q, fields=("domain", "sponsor_name", "record_number", "icp_number"))
    if overdue:
        records = records.filter(status=LegacyRecord.Status.OPEN, deadline__lt=today or timezone.localdate())
    elif status in LegacyRecord.Status.values:
        records = records.filter(status=status)
    return records.order_by("deadline", "record_number")


def get_for_staff(user, pk: int) -> LegacyRecord:
    record = (for_staff(user).select_related("certificate_type", "matched_entity", "application", "website")
              .filter(pk=pk).first())
    if record is None:
        raise Http404
    return record
