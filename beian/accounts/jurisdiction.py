"""Which police agencies and divisions a staff account answers for (SPEC §1).

A reviewer's jurisdiction is their own agency (and its division); a supervisor's is their agency and
every agency below it. Agencies form a tree of at most three levels (province → prefecture → county,
see Agency.Level), so "every agency below" is reached with one query and two self-joins
(`parent`, `parent__parent`) — no recursion and no N+1, on SQLite and PostgreSQL alike. Codes are not
used for this because the agency code may differ from the division code (development zones).
"""

from django.db.models import Q, QuerySet

from beian.accounts.models import User
from beian.core.models import Agency, Division

# Levels below the top of a three-level tree: the descendants are at most two steps away.
_TREE_DEPTH_BELOW_TOP = len(Agency.Level) - 1


def _subtree_condition(root_pk) -> Q:
    condition = Q(pk=root_pk)
    lookup = "parent"
    for _step in range(_TREE_DEPTH_BELOW_TOP):
        condition |= Q(**{lookup: root_pk})
        lookup = f"parent__{lookup}"
    return condition


def agencies_in_scope(user) -> QuerySet[Agency]:
    """Agencies whose work the user may see: reviewer → own agency; supervisor → own and all below."""
    if not getattr(user, "is_authenticated", False) or user.agency_id is None:
        return Agency.objects.none()
    if user.role == User.Role.REVIEWER:
        return Agency.objects.filter(pk=user.agency_id)
    if user.role == User.Role.SUPERVISOR:
        return Agency.objects.filter(_subtree_condition(user.agency_id))
    return Agency.objects.none()


def divisions_in_scope(user) -> QuerySet[Division]:
    """Divisions whose filings the user reviews: the agency's division (and, for supervisors, every
    division below it, including groupings such as 市辖区 and retired codes kept for old records),
    plus the divisions of every agency in scope (a hand-added agency may sit on another division)."""
    agencies = agencies_in_scope(user)
    if user.role == User.Role.SUPERVISOR and user.agency_id is not None:
        own_division = user.agency.division_id
        return Division.objects.filter(
            _subtree_condition(own_division) | Q(pk__in=agencies.values("division_id"))).distinct()
    return Division.objects.filter(pk__in=agencies.values("division_id"))


def can_manage_accounts_of(user, agency: Agency | None) -> bool:
    """May `user` create or deactivate accounts that belong to `agency`?

    The security administrator manages accounts everywhere (also accounts without an agency);
    a supervisor manages accounts of their own agency and the agencies below it; nobody else.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.role == User.Role.SECURITY_ADMINISTRATOR:
        return True
    if user.role == User.Role.SUPERVISOR and agency is not None:
        return agencies_in_scope(user).filter(pk=agency.pk).exists()
    return False
