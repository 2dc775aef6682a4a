"""The applicant's to-do items of unregistered websites (beian.accounts.to_do): a website found online
without a filing and pushed to the account's sponsor entity is filed by its deadline."""

from django.urls import reverse
from django.utils.translation import gettext as _

from beian.accounts.to_do import Task
from beian.unregistered.models import UnregisteredWebsite


def unregistered_tasks(user, today) -> list[Task]:
    sites = UnregisteredWebsite.objects.filter(matched_entity__owner=user,
                                               status=UnregisteredWebsite.Status.OPEN).order_by("deadline")
    return [Task(title=_("Website online without a filing: %(domain)s") % {"domain": site.domain},
                 url=reverse("unregistered:mine"), action=_("File it"), deadline=site.deadline)
            for site in sites]
