"""Face reviews and on-site inspections (SPEC §5, ADR 0053): every transition allowed and refused."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation

from beian.core.models import AuditEntry
from beian.filings import services as filing_services
from beian.filings.models import Website, WebsiteApplication
from beian.inspections import services
from beian.inspections.models import Appointment
from beian.notifications.models import OutboxMessage, SystemMessage
from beian.review.models import ReviewItem
from beian.review.services import ReviewActionRefused
from tests.factories import make_reviewer, make_staff
from tests.filings import helpers as filing_helpers
from tests.inspections import helpers
from tests.sponsors.helpers import make_reasons, reason_dicts

pytestmark = pytest.mark.django_db
AppStatus = WebsiteApplication.Status
Status = Appointment.Status
Mode = Appointment.Mode


def _item(application) -> ReviewItem:
    return ReviewItem.objects.get(subject_id=application.pk, kind="new_website")


# --- asking ---------------------------------------------------------------------------------------

def test_asking_for_a_face_review_offers_the_slots_and_tells_the_applicant(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    application.refresh_from_db()
    assert application.status == AppStatus.FACE_REVIEW
    assert appointment.status == Status.OFFERED and appointment.reviewer == reviewer
    assert appointment.current_slots.count() == 2
    item = _item(application)
    assert item.status == "face_review" and item.is_open
    assert item.events.last().action == "face_review"
    sms = OutboxMessage.objects.get(template="inspection_offered")
    assert sms.to == application.owner.mobile and helpers.PLACE in sms.text and "营业执照" in sms.text
    assert sms.system_message is not None and sms.system_message.user == application.owner
    assert AuditEntry.objects.filter(action="inspection_offered").exists()


def test_asking_for_an_onsite_inspection(application, reviewer):
    helpers.offered(application, reviewer, mode=Mode.ONSITE_INSPECTION)
    application.refresh_from_db()
    assert application.status == AppStatus.ONSITE_INSPECTION
    assert _item(application).events.last().action == "onsite_inspection"


def test_asking_from_in_review(application, reviewer):
    WebsiteApplication.objects.filter(pk=application.pk).update(status=AppStatus.IN_REVIEW)
    helpers.offered(application, reviewer)
    application.refresh_from_db()
    assert application.status == AppStatus.FACE_REVIEW


def test_asking_twice_is_refused(application, reviewer):
    helpers.offered(application, reviewer)
    with pytest.raises(ReviewActionRefused), translation.override("en"):
        helpers.offered(application, reviewer, mode=Mode.ONSITE_INSPECTION)
    assert Appointment.objects.count() == 1


def test_asking_about_a_returned_application_is_refused(application, reviewer):
    filing_services.return_application(actor=reviewer, application=application,
                                       reasons=reason_dicts(make_reasons()[2:]))
    with pytest.raises(ReviewActionRefused, match="waits for a decision"), translation.override("en"):
        helpers.offered(application, reviewer)
    assert not Appointment.objects.exists()


def test_a_reviewer_outside_the_jurisdiction_may_not_ask(application):
    with pytest.raises(PermissionDenied):
        helpers.offered(application, make_reviewer("110108"))
    application.refresh_from_db()
    assert application.status == AppStatus.SUBMITTED and not Appointment.objects.exists()


def test_an_applicant_may_not_ask(application):
    with pytest.raises(PermissionDenied):
        helpers.offered(application, application.owner)


def test_a_supervisor_above_the_agency_may_ask(application):
    supervisor = make_staff("supervisor", "110000")
    helpers.offered(application, supervisor)
    application.refresh_from_db()
    assert application.status == AppStatus.FACE_REVIEW


# --- slots ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("slots", "message"), [
    (lambda: [], "at least one"),
    (lambda: [helpers.slot(helpers.working_day(), 9 + n % 8) for n in range(6)], "at most 5"),
    (lambda: [helpers.slot(timezone.localdate() - datetime.timedelta(days=2))], "passed"),
    (lambda: [helpers.slot(helpers.non_working_day())], "not a working day"),
    (lambda: [helpers.slot(helpers.working_day(), 10), helpers.slot(helpers.working_day(), 10)], "twice"),
    (lambda: [helpers.slot(helpers.working_day(), 10, hours=0)], "end time"),
])
def test_slots_are_validated(application, reviewer, slots, message):
    with pytest.raises(ReviewActionRefused, match=message), translation.override("en"):
        helpers.offered(application, reviewer, slots=slots())
    application.refresh_from_db()
    assert application.status == AppStatus.SUBMITTED and not Appointment.objects.exists()


def test_place_and_documents_are_needed(application, reviewer):
    with pytest.raises(ReviewActionRefused):
        services.offer_slots(actor=reviewer, application=application, mode=Mode.FACE_REVIEW, place=" ",
                             documents="x", slots=helpers.two_slots())


# --- the applicant --------------------------------------------------------------------------------

def test_picking_a_slot_books_it_and_tells_both(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    second = appointment.current_slots.last()
    appointment = services.pick_slot(actor=application.owner, appointment_id=appointment.pk,
                                     slot_id=second.pk)
    assert appointment.status == Status.BOOKED and appointment.booked_at is not None
    assert appointment.booked_slot == second
    sms = OutboxMessage.objects.get(template="inspection_booked")
    assert second.label in sms.text and helpers.PLACE in sms.text
    assert SystemMessage.objects.filter(user=application.owner, template="inspection_booked").exists()
    note = SystemMessage.objects.get(user=reviewer, template="inspection_slot_booked")
    assert second.label in note.body
    assert not OutboxMessage.objects.filter(user=reviewer).exists()  # the reviewer: a system message only


def test_picking_a_slot_of_another_appointment_is_refused(sponsor, application, reviewer):
    mine = helpers.offered(application, reviewer)
    other_application = helpers.interactive_application(filing_helpers.approved_sponsor())
    other = helpers.offered(other_application, reviewer)
    with pytest.raises(ReviewActionRefused, match="times offered"), translation.override("en"):
        services.pick_slot(actor=application.owner, appointment_id=mine.pk,
                           slot_id=other.current_slots.first().pk)
    mine.refresh_from_db()
    assert mine.status == Status.OFFERED


def test_another_applicant_cannot_pick(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    stranger = filing_helpers.approved_sponsor().owner
    with pytest.raises(Appointment.DoesNotExist):
        services.pick_slot(actor=stranger, appointment_id=appointment.pk,
                           slot_id=appointment.current_slots.first().pk)
    with pytest.raises(Appointment.DoesNotExist):
        services.ask_for_other_slots(actor=stranger, appointment_id=appointment.pk, note="下周")


def test_picking_after_booking_is_refused(application, reviewer):
    appointment = helpers.booked(application, reviewer)
    with pytest.raises(ReviewActionRefused, match="already booked"), translation.override("en"):
        services.pick_slot(actor=application.owner, appointment_id=appointment.pk,
                           slot_id=appointment.current_slots.last().pk)
    assert appointment.slots.filter(chosen=True).count() == 1


def test_a_slot_that_has_passed_cannot_be_picked(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    first = appointment.current_slots.first()
    with pytest.raises(ReviewActionRefused, match="passed"), translation.override("en"):
        services.pick_slot(actor=application.owner, appointment_id=appointment.pk, slot_id=first.pk,
                           now=first.starts_at + datetime.timedelta(minutes=1))


def test_asking_for_other_slots_tells_the_reviewer(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    appointment = services.ask_for_other_slots(actor=application.owner, appointment_id=appointment.pk,
                                               note="下周三上午方便")
    assert appointment.status == Status.OTHER_SLOTS_ASKED and appointment.applicant_note == "下周三上午方便"
    message = SystemMessage.objects.get(user=reviewer, template="inspection_other_slots_asked")
    assert "下周三上午方便" in message.body


def test_asking_for_other_slots_needs_a_note(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    with pytest.raises(ReviewActionRefused):
        services.ask_for_other_slots(actor=application.owner, appointment_id=appointment.pk, note="  ")


def test_no_booking_while_waiting_for_others_and_no_second_request(application, reviewer):
    waiting = helpers.offered(application, reviewer)
    services.ask_for_other_slots(actor=application.owner, appointment_id=waiting.pk, note="下周")
    with pytest.raises(ReviewActionRefused, match="wait for the reviewer"), translation.override("en"):
        services.pick_slot(actor=application.owner, appointment_id=waiting.pk,
                           slot_id=waiting.current_slots.first().pk)
    with pytest.raises(ReviewActionRefused, match="already asked"), translation.override("en"):
        services.ask_for_other_slots(actor=application.owner, appointment_id=waiting.pk, note="再下周")


def test_a_booked_time_is_given_up_and_booked_anew(application, reviewer):
    appointment = helpers.booked(application, reviewer)
    given_up = appointment.booked_slot
    Appointment.objects.filter(pk=appointment.pk).update(reminder_sent_at=timezone.now())
    with translation.override("en"):
        appointment = services.ask_for_other_slots(actor=application.owner, appointment_id=appointment.pk,
                                                   note="那天出差")
    assert appointment.status == Status.OTHER_SLOTS_ASKED and appointment.booked_slot is None
    assert appointment.booked_at is None and appointment.reminder_sent_at is None
    assert given_up.label in appointment.applicant_note and "那天出差" in appointment.applicant_note
    message = SystemMessage.objects.get(user=reviewer, template="inspection_other_slots_asked")
    assert "那天出差" in message.body
    new_day = helpers.working_day(12)
    appointment = services.offer_other_slots(actor=reviewer, application=application,
                                             slots=[helpers.slot(new_day, 10)])
    new_slot = appointment.current_slots.get()
    appointment = services.pick_slot(actor=application.owner, appointment_id=appointment.pk,
                                     slot_id=new_slot.pk)
    assert appointment.status == Status.BOOKED and appointment.booked_slot == new_slot
    assert appointment.slots.filter(chosen=True).count() == 1


def test_a_booked_time_that_has_begun_cannot_be_given_up(application, reviewer):
    appointment = helpers.booked(application, reviewer)
    started = appointment.booked_slot.starts_at
    with pytest.raises(ReviewActionRefused, match="has begun"), translation.override("en"):
        services.ask_for_other_slots(actor=application.owner, appointment_id=appointment.pk, note="迟到",
                                     now=started)
    appointment.refresh_from_db()
    assert appointment.status == Status.BOOKED and appointment.booked_slot is not None


def test_the_reviewer_moves_a_booked_time(application, reviewer):
    appointment = helpers.booked(application, reviewer)
    old_slot = appointment.booked_slot
    appointment = services.offer_other_slots(actor=reviewer, application=application,
                                             slots=[helpers.slot(helpers.working_day(9), 14)], place="新地点")
    assert appointment.status == Status.OFFERED and appointment.booked_slot is None
    assert appointment.booked_at is None and appointment.place == "新地点"
    old_slot.refresh_from_db()
    assert old_slot.withdrawn and not old_slot.chosen
    offers = OutboxMessage.objects.filter(template="inspection_offered", to=application.owner.mobile)
    assert offers.count() == 2
    with pytest.raises(ReviewActionRefused, match="not booked"), translation.override("en"):
        services.record_result(actor=reviewer, application=application, passed=True)


# --- other slots ----------------------------------------------------------------------------------

def test_other_slots_replace_the_earlier_ones(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    old_slot = appointment.current_slots.first()
    services.ask_for_other_slots(actor=application.owner, appointment_id=appointment.pk, note="下周")
    new_day = helpers.working_day(10)
    appointment = services.offer_other_slots(actor=reviewer, application=application,
                                             slots=[helpers.slot(new_day, 9)], place="新地点")
    assert appointment.status == Status.OFFERED and appointment.place == "新地点"
    assert appointment.documents == helpers.DOCUMENTS
    assert [slot.starts_at.date() for slot in appointment.current_slots] == [new_day]
    assert OutboxMessage.objects.filter(template="inspection_offered").count() == 2
    with pytest.raises(ReviewActionRefused):  # a withdrawn slot cannot be booked
        services.pick_slot(actor=application.owner, appointment_id=appointment.pk, slot_id=old_slot.pk)


def test_other_slots_only_when_asked_or_booked(application, reviewer):
    helpers.offered(application, reviewer)
    with pytest.raises(ReviewActionRefused, match="asked for them"), translation.override("en"):
        services.offer_other_slots(actor=reviewer, application=application, slots=helpers.two_slots())


def test_other_slots_need_an_appointment(application, reviewer):
    with pytest.raises(ReviewActionRefused):
        services.offer_other_slots(actor=reviewer, application=application, slots=helpers.two_slots())


# --- the result -----------------------------------------------------------------------------------

def test_no_result_before_booking(application, reviewer):
    helpers.offered(application, reviewer)
    with pytest.raises(ReviewActionRefused, match="not booked"), translation.override("en"):
        services.record_result(actor=reviewer, application=application, passed=True)
    application.refresh_from_db()
    assert application.status == AppStatus.FACE_REVIEW


def test_no_result_before_the_booked_time_begins(application, reviewer):
    """A result before the face review or inspection could not be true (issue 13)."""
    appointment = helpers.booked(application, reviewer)
    starts_at = appointment.booked_slot.starts_at
    with pytest.raises(ReviewActionRefused, match="booked for .*once that time has begun"), \
            translation.override("en"):
        services.record_result(actor=reviewer, application=application, passed=True,
                               now=starts_at - datetime.timedelta(minutes=1))
    with pytest.raises(ReviewActionRefused, match=appointment.booked_slot.label):
        services.record_result(actor=reviewer, application=application, passed=False,
                               reasons=reason_dicts(make_reasons()[2:]))  # now: days before the time
    application.refresh_from_db()
    appointment.refresh_from_db()
    assert application.status == AppStatus.FACE_REVIEW and appointment.status == Status.BOOKED
    assert not OutboxMessage.objects.filter(template__in=["inspection_passed", "inspection_failed"]).exists()
    appointment = services.record_result(actor=reviewer, application=application, passed=True, now=starts_at)
    assert appointment.status == Status.PASSED


def test_no_result_without_an_appointment(application, reviewer):
    with pytest.raises(ReviewActionRefused):
        services.record_result(actor=reviewer, application=application, passed=True)


def test_passed_then_approval_issues_the_record_number(application, reviewer):
    helpers.begun(helpers.booked(application, reviewer))
    appointment = services.record_result(actor=reviewer, application=application, passed=True, note="良好")
    application.refresh_from_db()
    assert appointment.status == Status.PASSED and application.status == AppStatus.INSPECTION_PASSED
    item = _item(application)
    assert item.status == "inspection_passed" and item.is_open
    assert OutboxMessage.objects.filter(template="inspection_passed").exists()
    website = filing_services.approve_application(actor=reviewer, application=application)
    assert website.record_number and Website.objects.get(application=application) == website


def test_approval_before_a_passed_inspection_is_refused(application, reviewer):
    helpers.booked(application, reviewer)
    with pytest.raises(ReviewActionRefused):
        filing_services.approve_application(actor=reviewer, application=application)
    assert not Website.objects.exists()


def test_result_twice_is_refused(application, reviewer):
    helpers.begun(helpers.booked(application, reviewer))
    services.record_result(actor=reviewer, application=application, passed=True)
    with pytest.raises(ReviewActionRefused), translation.override("en"):
        services.record_result(actor=reviewer, application=application, passed=False,
                               reasons=reason_dicts(make_reasons()[2:]))
    application.refresh_from_db()
    assert application.status == AppStatus.INSPECTION_PASSED


def test_a_reviewer_outside_the_jurisdiction_may_not_record(application, reviewer):
    helpers.booked(application, reviewer)
    with pytest.raises(PermissionDenied):
        services.record_result(actor=make_reviewer("110108"), application=application, passed=True)


def test_failed_returns_the_application_with_the_reasons(application, reviewer):
    helpers.begun(helpers.booked(application, reviewer))
    reasons = reason_dicts(make_reasons()[2:])
    version = WebsiteApplication.objects.get(pk=application.pk).version
    appointment = services.record_result(actor=reviewer, application=application, passed=False,
                                         reasons=reasons, note="安全制度不完整")
    application.refresh_from_db()
    assert appointment.status == Status.FAILED and appointment.result_reasons == reasons
    assert application.status == AppStatus.RETURNED
    assert application.return_reasons == reasons and application.return_note == "安全制度不完整"
    assert application.decided_at is not None and application.version == version + 1
    assert application.returned_snapshot["name"] == application.name
    item = _item(application)
    assert not item.is_open and item.events.last().action == "inspection_failed"
    sms = OutboxMessage.objects.get(template="inspection_failed")
    assert "仅用于网站" in sms.text and "安全制度不完整" in sms.text


def test_failed_needs_a_reason(application, reviewer):
    helpers.booked(application, reviewer)
    with pytest.raises(ReviewActionRefused):
        services.record_result(actor=reviewer, application=application, passed=False, reasons=[])


def test_after_a_failure_the_resubmitted_application_can_be_asked_again(application, reviewer):
    helpers.begun(helpers.booked(application, reviewer))
    services.record_result(actor=reviewer, application=application, passed=False,
                           reasons=reason_dicts(make_reasons()[2:]))
    filing_services.submit_application(actor=application.owner, application=application)
    application.refresh_from_db()
    second = helpers.offered(application, reviewer)
    assert second.status == Status.OFFERED
    assert list(Appointment.objects.filter(application=application).values_list("status", flat=True)
                ) == [Status.OFFERED, Status.FAILED]


def test_an_appointment_left_open_by_a_return_is_cancelled_at_the_next_ask(application, reviewer):
    stale = helpers.booked(application, reviewer)
    filing_services.return_application(actor=reviewer, application=application,
                                       reasons=reason_dicts(make_reasons()[2:]))
    filing_services.submit_application(actor=application.owner, application=application)
    application.refresh_from_db()
    helpers.offered(application, reviewer)
    stale.refresh_from_db()
    assert stale.status == Status.CANCELLED
    with pytest.raises(ReviewActionRefused):  # nothing to book in a cancelled appointment
        services.pick_slot(actor=application.owner, appointment_id=stale.pk,
                           slot_id=stale.slots.first().pk)


def test_the_state_field_is_protected(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    with pytest.raises(AttributeError):
        appointment.status = Status.PASSED
