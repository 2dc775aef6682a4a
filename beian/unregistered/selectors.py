"""Reads of unregistered websites, each scoped to the user who asks (deny by default)."""

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from beian.accounts.models import User
from beian.core.models import Agency
from beian.staff.jurisdiction import agencies_in_scope
from beian.unregistered.models import UnregisteredWebsite

WORKBENCH_ROLES = (User.Role.REVIEWER, User.Role.SUPERVISOR, User.Role.SYSTEM_ADMINISTRATOR)
IMPORT_ROLES = (User.Role.SUPERVISOR, User.Role.SYSTEM_ADMINISTRATOR)


def agencies_for(user) -> QuerySet[Agency]:
    """Reviewers and supervisors: their jurisdiction; the system administrator: every agency."""
    if getattr(user, "role", None) == User.Role.SYSTEM_ADMINISTRATOR:
        return Agency.objects.all()
    return agencies_in_scope(user)


def for_applicant(user) -> QuerySet[UnregisteredWebsite]:
    """The open websites pushed to this applicant (matched with their sponsor entity)."""
    return (UnregisteredWebsite.objects
            .filter(matched_entity__owner=user, status=UnregisteredWebsite.Status.OPEN)
            .order_by("deadline", "domain"))


def for_staff(user, *, overdue: bool = False, status: str = "", today=None) -> QuerySet[UnregisteredWebsite]:
    sites = UnregisteredWebsite.objects.filter(agency__in=agencies_for(user)).select_related("agency")
    if overdue:
        sites = sites.filter(status=UnregisteredWebsite.Status.OPEN,
                             deadline__lt=today or timezone.localdate())
    elif status in UnregisteredWebsite.Status.values:
        sites = sites.filter(status=status)
    return sites.order_by("deadline", "domain")


def get_for_staff(user, pk: int) -> UnregisteredWebsite:
    site = for_staff(user).select_related("certificate_type", "matched_entity").filter(pk=pk).first()
    if site is None:
        raise Http404
    return site
