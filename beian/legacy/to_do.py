"""The applicant's to-do items of offline filings (beian.accounts.to_do): a record filed offline and
matched to the account's sponsor entity waits to be claimed by its deadline."""

from django.urls import reverse
from django.utils.translation import gettext as _

from beian.accounts.to_do import Task
from beian.legacy.models import LegacyRecord


def claim_tasks(user, today) -> list[Task]:
    records = LegacyRecord.objects.filter(matched_entity__owner=user,
                                          status=LegacyRecord.Status.OPEN).order_by("deadline")
    return [Task(title=_("Website filed offline, to be claimed: %(domain)s") % {"domain": record.domain},
                 url=reverse("claims:mine"), action=_("Claim it"), deadline=record.deadline)
            for record in records]
