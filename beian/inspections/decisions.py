"""The reviewer's decisions about face reviews and inspections, as the workbench shows them
(beian.review.kinds.Decision); this app adds them to the website kinds in its ready()."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from beian.filings.models import WebsiteApplication
from beian.inspections import services
from beian.inspections.forms import FaceReviewForm, OnsiteInspectionForm, OtherSlotsForm, ResultForm
from beian.inspections.models import Appointment
from beian.inspections.selectors import open_appointment_for_item
from beian.review.kinds import Decision


def _may_ask(item) -> bool:
    return item.is_open and item.status in WebsiteApplication.AWAITING_DECISION


def _open_in(item, *statuses: str) -> Appointment | None:
    """The item's open appointment when it is in one of `statuses`."""
    if not item.is_open or item.status not in services.IN_INSPECTION:
        return None
    appointment = open_appointment_for_item(item)
    return appointment if appointment is not None and appointment.status in statuses else None


def _may_offer_others(item) -> bool:
    return _open_in(item, Appointment.Status.OTHER_SLOTS_ASKED, Appointment.Status.BOOKED) is not None


def _may_record(item) -> bool:
    """Once the booked time has begun (the service refuses earlier too)."""
    appointment = _open_in(item, Appointment.Status.BOOKED)
    return appointment is not None and appointment.has_begun(timezone.now())


def _offer(mode):
    def perform(*, actor, item, form) -> None:
        data = form.cleaned_data
        services.offer_slots(actor=actor, application=item.subject, mode=mode, place=data["place"],
                             documents=data["documents"], slots=data["slots"])
    return perform


def _offer_others(*, actor, item, form) -> None:
    data = form.cleaned_data
    services.offer_other_slots(actor=actor, application=item.subject, slots=data["slots"],
                               place=data["place"], documents=data["documents"])


def _record(*, actor, item, form) -> None:
    services.record_result(actor=actor, application=item.subject, passed=form.passed,
                           reasons=[] if form.passed else form.reason_dicts(),
                           note=form.cleaned_data["note"])


INSPECTION_DECISIONS = (
    Decision("face_review", _("Ask for a face review"), FaceReviewForm, _offer(Appointment.Mode.FACE_REVIEW),
             _may_ask, style="secondary"),
    Decision("onsite_inspection", _("Ask for an on-site inspection"), OnsiteInspectionForm,
             _offer(Appointment.Mode.ONSITE_INSPECTION), _may_ask, style="secondary"),
    Decision("other_slots", _("Offer other times"), OtherSlotsForm, _offer_others, _may_offer_others),
    Decision("inspection_result", _("Record the result"), ResultForm, _record, _may_record),
)
