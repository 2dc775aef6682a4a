"""The applicant's to-do items of badge checks (beian.accounts.to_do): a filed website whose home page
does not show its record number correctly."""

from django.urls import reverse
from django.utils.translation import gettext as _

from beian.accounts.to_do import Task
from beian.badge_checks.models import FAILURES, BadgeCheck
from beian.filings.models import Website


def badge_tasks(user, today) -> list[Task]:
    failed = (BadgeCheck.objects.filter(website__sponsor__owner=user, website__status=Website.Status.FILED,
                                        outcome__in=FAILURES)
              .select_related("website").order_by("checked_at"))
    return [Task(title=_("The record number is not shown correctly: %(name)s") % {"name": check.website.name},
                 url=reverse("filings:website", args=[check.website_id]), action=_("See what to fix"),
                 details=(check.get_outcome_display(),))
            for check in failed]
