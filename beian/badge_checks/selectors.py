"""Reads of badge checks, scoped: police see their jurisdiction (beian.accounts.jurisdiction), the
sponsor sees the check of their own website."""

from django.db.models import Count, Q, QuerySet

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.badge_checks.models import FAILURES, BadgeCheck, BadgeCheckRun
from beian.core.models import Agency

WORKBENCH_ROLES = (User.Role.REVIEWER, User.Role.SUPERVISOR)


def agencies_for(user) -> QuerySet[Agency]:
    return agencies_in_scope(user)


def recent_runs(user, *, limit: int = 5) -> list[BadgeCheckRun]:
    """The latest runs over agencies of the user's jurisdiction, with their progress and result."""
    return list(BadgeCheckRun.objects.filter(agency__in=agencies_in_scope(user)).select_related("agency")
                [:limit])


def checks_in_scope(user) -> QuerySet[BadgeCheck]:
    return BadgeCheck.objects.filter(agency__in=agencies_in_scope(user))


def failures(user, *, agency: Agency | None = None, outcome: str = "", q: str = "") -> QuerySet[BadgeCheck]:
    """`q` searches the website's domains, its sponsor's name and its record number."""
    checks = checks_in_scope(user).filter(outcome__in=[outcome] if outcome else FAILURES)
    if agency is not None:
        checks = checks.filter(agency=agency)
    query = (q or "").strip()
    if query:
        checks = checks.filter(Q(website__domains__icontains=query) | Q(url__icontains=query)
                               | Q(website__sponsor__name__icontains=query)
                               | Q(website__record_number__icontains=query))
    return checks.select_related("website", "agency").order_by("agency__code", "-checked_at", "-id")


def failure_counts(user) -> list[dict]:
    """Per agency of the jurisdiction: websites checked, and failures by outcome."""
    rows = {}
    counted = (checks_in_scope(user).values("agency_id", "agency__code", "agency__name_zh", "agency__name_en",
                                            "outcome").annotate(count=Count("id")).order_by())
    for row in counted:
        entry = rows.setdefault(row["agency_id"], {
            "code": row["agency__code"], "name_zh": row["agency__name_zh"], "name_en": row["agency__name_en"],
            "checked": 0, "failed": 0, "by_outcome": {}})
        entry["checked"] += row["count"]
        entry["by_outcome"][row["outcome"]] = row["count"]
        if row["outcome"] in FAILURES:
            entry["failed"] += row["count"]
    return sorted(rows.values(), key=lambda entry: entry["code"])


def latest_for_website(website) -> BadgeCheck | None:
    return BadgeCheck.objects.filter(website=website).first()
