"""The applicant's to-do items of website filings (beian.accounts.to_do): a returned application to
correct, a draft not yet submitted."""

from django.urls import reverse
from django.utils.translation import gettext as _

from beian.accounts.to_do import Task, returned_details
from beian.filings.models import WebsiteApplication
from beian.filings.progress import returned_steps

Status = WebsiteApplication.Status


def _correction_url(application) -> str:
    steps = [step for step in ("basic", "leaders", "prompt") if step in returned_steps(application)]
    if steps:
        return reverse("filings:step", args=[application.pk, steps[0]])
    return reverse("filings:check", args=[application.pk])


def _name(application) -> str:
    return application.name or _("(no name yet)")


def filing_tasks(user, today) -> list[Task]:
    applications = WebsiteApplication.objects.filter(owner=user, status__in=[Status.RETURNED, Status.DRAFT])
    tasks = []
    for application in applications.order_by("-updated_at"):
        if application.status == Status.RETURNED:
            tasks.append(Task(title=_("Returned for correction: %(name)s") % {"name": _name(application)},
                              url=_correction_url(application), action=_("Correct and resubmit"),
                              details=returned_details(application)))
        else:
            tasks.append(Task(title=_("Draft not submitted yet: %(name)s") % {"name": _name(application)},
                              url=reverse("filings:check", args=[application.pk]), action=_("Continue")))
    return tasks
