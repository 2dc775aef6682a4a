"""Every change of a face review or on-site inspection, one function per business action (SPEC §5,
ADR 0053).

Each function: keyword-only arguments with an explicit actor, one transaction with the application
locked (select_for_update) so that a decision and an applicant's choice never cross, the transitions
of the appointment and of the application, the workbench row and history (beian.review.services), an
audit entry, and notifications written to the outbox in the same transaction.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed

from beian.core import audit
from beian.core.agency_contacts import contact_context
from beian.core.audit_actions import AuditAction
from beian.filings import services as filing_services
from beian.filings.models import WebsiteApplication
from beian.inspections import reminders
from beian.inspections.models import Appointment, Slot
from beian.inspections.slots import ProposedSlot, slots_problem
from beian.notifications.services import notify_account, post_system_message
from beian.review.decisions import deciding, joined_reasons
from beian.review.models import Action
from beian.review.services import ReviewActionRefused, record_decision

AppStatus = WebsiteApplication.Status
Mode = Appointment.Mode
IN_INSPECTION = (AppStatus.FACE_REVIEW, AppStatus.ONSITE_INSPECTION)
ACTION_OF_MODE = {Mode.FACE_REVIEW: Action.FACE_REVIEW, Mode.ONSITE_INSPECTION: Action.ONSITE_INSPECTION}


class InspectionRefused(ReviewActionRefused):
    """The action is not possible now; the message says why and what to do, in the user's language."""


# --- locking and scope ----------------------------------------------------------------------------
# A reviewer's action locks the application and checks the reviewer's jurisdiction through
# beian.review.decisions.deciding; the application moves through beian.filings.services.

def _locked_for_applicant(actor, appointment_id: int) -> tuple[WebsiteApplication, Appointment]:
    """The applicant's own appointment, or Appointment.DoesNotExist (404: not theirs to know of)."""
    application_id = (Appointment.objects.filter(pk=appointment_id, application__owner=actor)
                      .values_list("application_id", flat=True).first())
    if application_id is None:
        raise Appointment.DoesNotExist
    application = WebsiteApplication.objects.select_for_update().get(pk=application_id, owner=actor)
    appointment = Appointment.objects.select_for_update().get(pk=appointment_id)
    return application, appointment


def _open_appointment(application: WebsiteApplication) -> Appointment | None:
    return (Appointment.objects.select_for_update()
            .filter(application=application, status__in=Appointment.OPEN).first())


def _awaiting_decision(application: WebsiteApplication) -> bool:
    return application.status in WebsiteApplication.AWAITING_DECISION


def _moved_on() -> InspectionRefused:
    return InspectionRefused(_("A face review or an inspection can be asked for only while the "
                               "application waits for a decision; it has moved on since."))


def _changed_meanwhile() -> InspectionRefused:
    return InspectionRefused(_("This application was decided a moment ago by someone else. "
                               "Here is its current state."))


# --- the reviewer ---------------------------------------------------------------------------------

def _check_slots(slots: list[ProposedSlot], now) -> None:
    problem = slots_problem(slots, now=now)
    if problem:
        raise InspectionRefused(problem)


def _create_slots(appointment: Appointment, slots: list[ProposedSlot]) -> list[Slot]:
    return Slot.objects.bulk_create([Slot(appointment=appointment, starts_at=slot.starts_at,
                                          ends_at=slot.ends_at) for slot in sorted(
        slots, key=lambda slot: slot.starts_at)])


def _slot_texts(slots) -> str:
    return "；".join(slot.label for slot in slots)


@transaction.atomic
def offer_slots(*, actor, application: WebsiteApplication, mode: str, place: str, documents: str,
                slots: list[ProposedSlot], now=None) -> Appointment:
    """Ask for a face review or an on-site inspection: the application leaves the preliminary review
    and waits for the applicant to book one of the offered times."""
    now = now or timezone.now()
    _check_slots(slots, now)
    if mode not in Mode.values:
        raise InspectionRefused(_("Choose a face review or an on-site inspection."))
    if not place.strip() or not documents.strip():
        raise InspectionRefused(_("Give the place and the documents to bring."))
    with deciding(WebsiteApplication, application.pk, actor=actor, decidable=_awaiting_decision,
                  refusal=_moved_on) as application:
        # An appointment left open when the application was returned another way has no meaning any more.
        stale = _open_appointment(application)
        if stale is not None:
            stale.cancel()
            stale.save()
        appointment = Appointment.objects.create(application=application, mode=mode, reviewer=actor,
                                                 place=place.strip(), documents=documents.strip())
        created = _create_slots(appointment, slots)
        filing_services.send_to_inspection(actor=actor, application=application,
                                           onsite=mode == Mode.ONSITE_INSPECTION, note=_slot_texts(created))
    audit.record(actor=actor, action=AuditAction.INSPECTION_OFFERED, target=appointment,
                 details={"application": application.pk, "mode": mode, "slots": len(created)})
    _notify_applicant(appointment, "inspection_offered", slots=_slot_texts(created))
    return appointment


@transaction.atomic
def offer_other_slots(*, actor, application: WebsiteApplication, slots: list[ProposedSlot],
                      place: str = "", documents: str = "", now=None) -> Appointment:
    """The applicant asked for other times, or a booked time has to move: withdraw the earlier times
    (and the booking) and offer new ones (the place and the documents may change too)."""
    now = now or timezone.now()
    _check_slots(slots, now)
    with deciding(WebsiteApplication, application.pk, actor=actor) as application:
        appointment = _open_appointment(application)
    if application.status not in IN_INSPECTION or appointment is None:
        raise _changed_meanwhile()
    try:
        appointment.offer_again()
    except TransitionNotAllowed as refused:
        raise InspectionRefused(_("Other times can be offered only when the applicant has asked for "
                                  "them or has booked a time.")) from refused
    appointment.slots.filter(withdrawn=False).update(withdrawn=True)
    appointment.place = place.strip() or appointment.place
    appointment.documents = documents.strip() or appointment.documents
    appointment.reviewer = actor
    appointment.save()
    created = _create_slots(appointment, slots)
    record_decision(subject=application, actor=actor, action=ACTION_OF_MODE[appointment.mode],
                    to_status=application.status, note=_slot_texts(created), closes=False)
    audit.record(actor=actor, action=AuditAction.INSPECTION_SLOTS_OFFERED_AGAIN, target=appointment,
                 details={"application": application.pk, "slots": len(created)})
    _notify_applicant(appointment, "inspection_offered", slots=_slot_texts(created))
    return appointment


@transaction.atomic
def record_result(*, actor, application: WebsiteApplication, passed: bool, reasons: list[dict] = (),
                  note: str = "", now=None) -> Appointment:
    """Passed: the application waits for approval (inspection_passed). Failed: it is returned with the
    reasons, as a return for correction is, so that the applicant corrects and resubmits."""
    now = now or timezone.now()
    reasons = list(reasons)
    if not passed and not reasons:
        raise InspectionRefused(_("Choose at least one reason why it failed."))
    with deciding(WebsiteApplication, application.pk, actor=actor) as application:
        appointment = _open_appointment(application)
    if application.status not in IN_INSPECTION or appointment is None:
        raise InspectionRefused(_("There is no face review or inspection waiting for a result: the "
                                  "result was recorded already or the application has moved on."))
    if appointment.status == Appointment.Status.BOOKED and not appointment.has_begun(now):
        raise InspectionRefused(_("The face review or inspection is booked for %(time)s: its result can "
                                  "be recorded once that time has begun.")
                                % {"time": appointment.booked_slot.label})
    try:
        if passed:
            appointment.pass_()
        else:
            appointment.fail()
    except TransitionNotAllowed as refused:
        raise InspectionRefused(_("The applicant has not booked a time yet: the result can be recorded "
                                  "after the face review or inspection.")) from refused
    appointment.result_reasons, appointment.result_note = ([] if passed else reasons), note
    appointment.decided_at = now
    appointment.save()
    if passed:
        filing_services.pass_inspection(actor=actor, application=application, note=note)
    else:
        filing_services.return_after_inspection(actor=actor, application=application, reasons=reasons,
                                                note=note, now=now)
    audit.record(actor=actor,
                 action=AuditAction.INSPECTION_PASSED if passed else AuditAction.INSPECTION_FAILED,
                 target=appointment, details={"application": application.pk,
                                              "reasons": [reason.get("code") for reason in reasons]})
    if passed:
        _notify_applicant(appointment, "inspection_passed")
    else:
        _notify_applicant(appointment, "inspection_failed", reasons=joined_reasons(reasons), note=note)
    return appointment


# --- the applicant --------------------------------------------------------------------------------

def _applicant_may_act(application: WebsiteApplication, appointment: Appointment) -> None:
    if application.status not in IN_INSPECTION or not appointment.is_open:
        raise InspectionRefused(_("This face review or inspection is not open any more. Here is the "
                                  "current state of your application."))


@transaction.atomic
def pick_slot(*, actor, appointment_id: int, slot_id: int, now=None) -> Appointment:
    """Book one of the offered times. Raises Appointment.DoesNotExist for someone else's appointment."""
    now = now or timezone.now()
    application, appointment = _locked_for_applicant(actor, appointment_id)
    _applicant_may_act(application, appointment)
    if appointment.status == Appointment.Status.BOOKED:
        raise InspectionRefused(_("You have already booked a time: %(slot)s.") % {
            "slot": appointment.booked_slot.label})
    if appointment.status != Appointment.Status.OFFERED:
        raise InspectionRefused(_("You asked for other times: wait for the reviewer to offer them."))
    slot = appointment.slots.filter(pk=slot_id, withdrawn=False).first()
    if slot is None:
        raise InspectionRefused(_("Choose one of the times offered for this face review or inspection."))
    if slot.starts_at <= now:
        raise InspectionRefused(_("This time has already passed: choose another one or ask for other "
                                  "times."))
    appointment.book()
    appointment.booked_at = now
    appointment.save()
    slot.chosen = True
    slot.save(update_fields=["chosen"])
    audit.record(actor=actor, action=AuditAction.INSPECTION_SLOT_BOOKED, target=appointment,
                 details={"application": application.pk, "slot": slot.pk})
    _notify_applicant(appointment, "inspection_booked", slot=slot.label)
    _tell_reviewer(appointment, "inspection_slot_booked", slot=slot.label)
    # The periodic reminder run starts with the first booking (and after a wiped task queue).
    transaction.on_commit(reminders.schedule, robust=True)
    return appointment


@transaction.atomic
def ask_for_other_slots(*, actor, appointment_id: int, note: str, now=None) -> Appointment:
    """None of the times suits the applicant, or the booked one no longer does (before it begins): the
    reviewer is told (with the note) and offers others."""
    note = (note or "").strip()
    if not note:
        raise InspectionRefused(_("Say which days and times would suit you, so that the reviewer can "
                                  "offer them."))
    application, appointment = _locked_for_applicant(actor, appointment_id)
    _applicant_may_act(application, appointment)
    booked = appointment.booked_slot
    if booked is not None and booked.starts_at <= (now or timezone.now()):
        raise InspectionRefused(_("The booked time has begun: the reviewer records the result now."))
    if booked is not None:  # the reviewer learns which time is given up
        note = _("Instead of %(slot)s: %(note)s") % {"slot": booked.label, "note": note}
    try:
        appointment.ask_for_other_slots()
    except TransitionNotAllowed as refused:
        raise InspectionRefused(_("You have already asked for other times: wait for the reviewer to "
                                  "offer them.")) from refused
    appointment.applicant_note = note[:500]
    appointment.save()
    audit.record(actor=actor, action=AuditAction.INSPECTION_OTHER_SLOTS_ASKED, target=appointment,
                 details={"application": application.pk})
    _tell_reviewer(appointment, "inspection_other_slots_asked", note=appointment.applicant_note)
    return appointment


# --- reminders ------------------------------------------------------------------------------------

def send_due_reminders(*, now=None) -> int:
    """Send the reminder of every booking whose reminder moment (the day before) has come. Each is
    claimed with a conditional UPDATE in the transaction that writes its SMS, so a reminder goes out
    once per booking however often (and however concurrently) this runs. Returns how many were sent."""
    now = now or timezone.now()
    horizon = now + datetime.timedelta(days=2)
    candidates = (Slot.objects.filter(chosen=True, starts_at__gt=now, starts_at__lte=horizon,
                                      appointment__status=Appointment.Status.BOOKED,
                                      appointment__reminder_sent_at__isnull=True,
                                      appointment__application__status__in=IN_INSPECTION)
                  .select_related("appointment"))
    sent = 0
    for slot in candidates:
        moment = reminders.reminder_moment(slot.starts_at)
        appointment = slot.appointment
        # Booked after the moment: the booking SMS has just told the details; a reminder would repeat it.
        if now < moment or appointment.booked_at >= moment:
            continue
        with transaction.atomic():
            claimed = Appointment.objects.filter(pk=appointment.pk, reminder_sent_at__isnull=True,
                                                 status=Appointment.Status.BOOKED).update(reminder_sent_at=now)
            if claimed:
                _notify_applicant(appointment, "inspection_reminder", slot=slot.label)
                sent += 1
    return sent


# --- notifications --------------------------------------------------------------------------------

def _notify_applicant(appointment: Appointment, template: str, **extra) -> None:
    application = appointment.application
    context = {"name": application.name, "mode": appointment.mode, "place": appointment.place,
               "documents": appointment.documents, **contact_context(application.agency), **extra}
    # The applicant reads in Chinese whatever language the reviewer's page is in.
    notify_account(user=application.owner, template=template, context=context,
                   language=settings.LANGUAGE_CODE)


def _tell_reviewer(appointment: Appointment, template: str, **extra) -> None:
    application = appointment.application
    post_system_message(user=appointment.reviewer, template=template, context={
        "name": application.name, "mode": appointment.mode, "place": appointment.place, **extra},
        language=settings.LANGUAGE_CODE)
