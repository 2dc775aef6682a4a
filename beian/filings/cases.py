"""The applicant's filings as cases (beian.accounts.cases): submitted → in review → face review or
on-site inspection (when asked for) → filed, each step with its date once reached. Two queries for any
number of applications (the appointments come prefetched)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from beian.accounts.cases import Case, CaseStep
from beian.filings.models import WebsiteApplication

Status = WebsiteApplication.Status
INSPECTING = (Status.FACE_REVIEW, Status.ONSITE_INSPECTION, Status.INSPECTION_PASSED)
# How far each status has come: the index of the step now current (the last step when all are done).
REACHED = {Status.SUBMITTED: 1, Status.IN_REVIEW: 1, Status.FACE_REVIEW: 2, Status.ONSITE_INSPECTION: 2,
           Status.INSPECTION_PASSED: 3, Status.APPROVED: 4}


def _date(moment):
    return timezone.localtime(moment).date() if moment else None


def _inspection_step(application, appointments) -> CaseStep | None:
    if not appointments and application.status not in INSPECTING:
        return None
    appointment = appointments[-1] if appointments else None
    onsite = application.status == Status.ONSITE_INSPECTION or (
        appointment is not None and appointment.mode == "onsite_inspection")
    label = pgettext("case step", "On-site inspection") if onsite else pgettext("case step", "Face review")
    chosen = [slot for slot in appointment.slots.all() if slot.chosen] if appointment else []
    return CaseStep(label=label, state="to_come", on=_date(chosen[0].starts_at) if chosen else None)


def _with_states(steps: list[CaseStep], application) -> tuple[CaseStep, ...]:
    if application.status in (Status.RETURNED, Status.WITHDRAWN):
        stopped = (pgettext("case step", "Returned for correction") if application.status == Status.RETURNED
                   else pgettext("case step", "Withdrawn"))
        done = [CaseStep(step.label, "done", step.on) for step in steps[:1]]
        return (*done, CaseStep(stopped, "stopped", _date(application.decided_at or application.updated_at)))
    reached = REACHED[application.status]
    result = []
    for index, step in enumerate(steps):
        state = "done" if index < reached or application.status == Status.APPROVED else (
            "current" if index == reached else "to_come")
        result.append(CaseStep(step.label, state, step.on))
    return tuple(result)


def filing_cases(user) -> list[Case]:
    applications = (WebsiteApplication.objects.filter(owner=user).exclude(status=Status.DRAFT)
                    .prefetch_related("appointments__slots").order_by("-updated_at"))
    cases = []
    for application in applications:
        appointments = sorted(application.appointments.all(), key=lambda row: row.created_at)
        steps = [CaseStep(pgettext("case step", "Submitted"), "done", _date(application.submitted_at)),
                 CaseStep(pgettext("case step", "In review"), "to_come")]
        inspection = _inspection_step(application, appointments)
        if inspection is not None:
            steps.append(inspection)
        filed_on = _date(application.decided_at) if application.status == Status.APPROVED else None
        steps.append(CaseStep(pgettext("case step", "Filed"), "to_come", filed_on))
        cases.append(Case(title=application.name or _("(no name yet)"), kind=application.get_kind_display(),
                          url=reverse("filings:application", args=[application.pk]),
                          status=application.get_status_display(), steps=_with_states(steps, application),
                          updated=application.updated_at))
    return cases
