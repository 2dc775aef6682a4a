"""The appointment panels that the filings pages include: the data is read here, through the scoped
selectors, so that the filings views need not know about inspections."""

from django import template
from django.utils import timezone

from beian.filings.models import WebsiteApplication
from beian.inspections import selectors
from beian.inspections.forms import OtherSlotsRequestForm, PickSlotForm
from beian.inspections.models import Appointment

register = template.Library()
AppStatus = WebsiteApplication.Status
# The applicant sees an appointment while it matters: an open one while the application waits for it
# (one left behind by a return is not actionable), a result until the application moves on.
SHOWN_WHILE = {
    Appointment.Status.OFFERED: (AppStatus.FACE_REVIEW, AppStatus.ONSITE_INSPECTION),
    Appointment.Status.OTHER_SLOTS_ASKED: (AppStatus.FACE_REVIEW, AppStatus.ONSITE_INSPECTION),
    Appointment.Status.BOOKED: (AppStatus.FACE_REVIEW, AppStatus.ONSITE_INSPECTION),
    Appointment.Status.PASSED: (AppStatus.INSPECTION_PASSED, AppStatus.APPROVED),
    Appointment.Status.FAILED: (AppStatus.RETURNED,),
    Appointment.Status.CANCELLED: (),
}


@register.simple_tag(takes_context=True)
def applicant_appointment_panel(context, application) -> dict:
    """{"appointment", "pick_form", "others_form"} for the applicant's own application."""
    request = context.get("request")
    if request is None or application is None:
        return {}
    appointment = selectors.latest_for_applicant(request.user, application.pk)
    if appointment is None or application.status not in SHOWN_WHILE[appointment.status]:
        return {}
    panel = {"appointment": appointment, "slots": list(appointment.current_slots),
             "booked_slot": appointment.booked_slot}
    if appointment.status == Appointment.Status.OFFERED:
        panel["pick_form"] = PickSlotForm(appointment=appointment)
        panel["others_form"] = OtherSlotsRequestForm()
    booked = panel["booked_slot"]
    if appointment.status == Appointment.Status.BOOKED and booked and booked.starts_at > timezone.now():
        panel["others_form"] = OtherSlotsRequestForm()  # the booked time may still be moved
    return panel


@register.simple_tag(takes_context=True)
def reviewer_appointment_panel(context, application) -> dict:
    request = context.get("request")
    if request is None or application is None:
        return {}
    appointment = selectors.latest_for_police(request.user, application.pk)
    if appointment is None:
        return {}
    booked = appointment.booked_slot
    return {"appointment": appointment, "slots": list(appointment.current_slots), "booked_slot": booked,
            # the result form is offered only from the booked time on: say so until then
            "result_later": appointment.status == Appointment.Status.BOOKED and booked is not None
            and booked.starts_at > timezone.now()}
