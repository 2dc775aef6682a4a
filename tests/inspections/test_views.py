"""Pages: the applicant books a time or asks for others on the application page; the reviewer asks,
offers other times and records the result in the workbench."""

import pytest
from django.urls import reverse
from django.utils import timezone

from beian.filings import services as filing_services
from beian.filings.models import WebsiteApplication
from beian.inspections import services
from beian.inspections.models import Appointment
from beian.review.kinds import handler_for
from beian.review.models import ReviewItem
from tests.factories import sign_in_verified
from tests.filings import helpers as filing_helpers
from tests.inspections import helpers
from tests.sponsors.helpers import make_reasons, reason_dicts

pytestmark = pytest.mark.django_db
Status = Appointment.Status
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _item(application) -> ReviewItem:
    return ReviewItem.objects.get(subject_id=application.pk, kind="new_website")


def _slot_data(prefix: str, slots) -> dict:
    data = {}
    for number, slot in enumerate(slots, start=1):
        starts, ends = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
        data[f"{prefix}-slot_{number}_0"] = f"{starts:%Y-%m-%d}"
        data[f"{prefix}-slot_{number}_1"] = f"{starts:%H:%M}"
        data[f"{prefix}-slot_{number}_2"] = f"{ends:%H:%M}"
    return data


def _available(application) -> list[str]:
    return [d.name for d in handler_for("new_website").available_decisions(_item(application))]


# --- the applicant --------------------------------------------------------------------------------

def test_the_application_page_shows_the_offer_and_books_a_time(client, application, reviewer):
    appointment = helpers.offered(application, reviewer)
    client.force_login(application.owner)
    url = reverse("filings:application", args=[application.pk])
    page = client.get(url, **EN).content.decode()
    assert "Face review" in page and helpers.PLACE in page
    slot = appointment.current_slots.last()
    assert slot.label in page and reverse("inspections:pick_slot", args=[appointment.pk]) in page
    response = client.post(reverse("inspections:pick_slot", args=[appointment.pk]), {"slot": slot.pk}, **EN)
    assert response.status_code == 302 and response["Location"] == url
    appointment.refresh_from_db()
    assert appointment.status == Status.BOOKED and appointment.booked_slot == slot
    page = client.get(url, **EN).content.decode()
    assert "Booked" in page and slot.label in page and "Book this time" not in page


def test_booking_without_a_choice_says_so(client, application, reviewer):
    appointment = helpers.offered(application, reviewer)
    client.force_login(application.owner)
    response = client.post(reverse("inspections:pick_slot", args=[appointment.pk]), {"slot": "x"},
                           follow=True, **EN)
    assert "Choose one of the times" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Status.OFFERED


def test_a_refused_booking_says_why(client, application, reviewer):
    appointment = helpers.booked(application, reviewer)
    client.force_login(application.owner)
    response = client.post(reverse("inspections:pick_slot", args=[appointment.pk]),
                           {"slot": appointment.current_slots.last().pk}, follow=True, **EN)
    assert response.status_code == 200 and "already booked" in response.content.decode()
    assert appointment.slots.filter(chosen=True).count() == 1


def test_asking_for_other_times_from_the_page(client, application, reviewer):
    appointment = helpers.offered(application, reviewer)
    client.force_login(application.owner)
    url = reverse("inspections:ask_for_other_slots", args=[appointment.pk])
    response = client.post(url, {"note": ""}, follow=True, **EN)
    assert "Say which days and times would suit you" in response.content.decode()
    response = client.post(url, {"note": "周三上午"}, follow=True, **EN)
    assert "other times" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.status == Status.OTHER_SLOTS_ASKED and appointment.applicant_note == "周三上午"


def test_giving_up_a_booked_time_from_the_page(client, application, reviewer):
    appointment = helpers.booked(application, reviewer)
    client.force_login(application.owner)
    url = reverse("filings:application", args=[application.pk])
    assert "I cannot come at the booked time" in client.get(url, **EN).content.decode()
    assert "无法按预约时间前来" in client.get(url).content.decode()
    response = client.post(reverse("inspections:ask_for_other_slots", args=[appointment.pk]),
                           {"note": "那天出差"}, follow=True, **EN)
    body = response.content.decode()
    assert "You asked for other times" in body and "I cannot come" not in body
    appointment.refresh_from_db()
    assert appointment.status == Status.OTHER_SLOTS_ASKED and appointment.booked_slot is None


def test_another_applicant_gets_404(client, application, reviewer):
    appointment = helpers.offered(application, reviewer)
    client.force_login(filing_helpers.approved_sponsor().owner)
    slot = appointment.current_slots.first()
    assert client.post(reverse("inspections:pick_slot", args=[appointment.pk]),
                       {"slot": slot.pk}).status_code == 404
    assert client.post(reverse("inspections:ask_for_other_slots", args=[appointment.pk]),
                       {"note": "x"}).status_code == 404
    appointment.refresh_from_db()
    assert appointment.status == Status.OFFERED


def test_police_cannot_book_for_the_applicant(client, application, reviewer):
    appointment = helpers.offered(application, reviewer)
    sign_in_verified(client, reviewer)
    assert client.post(reverse("inspections:pick_slot", args=[appointment.pk]),
                       {"slot": appointment.current_slots.first().pk}).status_code == 403


def test_get_is_not_allowed(client, application, reviewer):
    appointment = helpers.offered(application, reviewer)
    client.force_login(application.owner)
    assert client.get(reverse("inspections:pick_slot", args=[appointment.pk])).status_code == 405


# --- the workbench --------------------------------------------------------------------------------

def test_decisions_offered_in_each_state(application, reviewer):
    assert _available(application) == ["return", "face_review", "onsite_inspection"]
    appointment = helpers.offered(application, reviewer)
    assert _available(application) == ["return"]
    services.ask_for_other_slots(actor=application.owner, appointment_id=appointment.pk, note="下周")
    assert _available(application) == ["return", "other_slots"]
    services.offer_other_slots(actor=reviewer, application=application, slots=helpers.two_slots())
    services.pick_slot(actor=application.owner, appointment_id=appointment.pk,
                       slot_id=appointment.current_slots.first().pk)
    assert _available(application) == ["return", "other_slots"]  # a booked time may move
    helpers.begun(appointment)
    assert _available(application) == ["return", "other_slots", "inspection_result"]
    services.record_result(actor=reviewer, application=application, passed=True)
    assert _available(application) == ["approve", "return"]


def test_ask_for_a_face_review_through_the_workbench(client, application, reviewer):
    sign_in_verified(client, reviewer)
    item = _item(application)
    page = client.get(reverse("review:detail", args=[item.pk]), **EN).content.decode()
    assert "Ask for a face review" in page and "Ask for an on-site inspection" in page
    data = {"face-place": helpers.PLACE, "face-documents": helpers.DOCUMENTS,
            **_slot_data("face", helpers.two_slots())}
    response = client.post(reverse("review:decide", args=[item.pk, "face_review"]), data)
    assert response.status_code == 302
    appointment = Appointment.objects.get(application=application)
    assert appointment.mode == "face_review" and appointment.current_slots.count() == 2
    page = client.get(reverse("review:detail", args=[item.pk]), **EN).content.decode()
    assert helpers.PLACE in page and appointment.current_slots.first().label in page


def test_the_offer_form_explains_bad_times(client, application, reviewer):
    sign_in_verified(client, reviewer)
    item = _item(application)
    past = helpers.slot(helpers.working_day(-10))
    data = {"onsite-place": helpers.PLACE, "onsite-documents": helpers.DOCUMENTS,
            **_slot_data("onsite", [past]), "onsite-slot_2_0": "2030-01-02"}
    response = client.post(reverse("review:decide", args=[item.pk, "onsite_inspection"]), data, **EN)
    page = response.content.decode()
    assert response.status_code == 400
    assert "already passed" in page and "Give the date, the start time and the end time" in page
    assert not Appointment.objects.exists()
    response = client.post(reverse("review:decide", args=[item.pk, "onsite_inspection"]),
                           {"onsite-place": "x", "onsite-documents": "y"}, **EN)
    assert response.status_code == 400 and "This field is required" in response.content.decode()


def test_no_result_form_before_the_booked_time(client, application, reviewer):
    """The workbench offers the result only from the booked time on, and says so (issue 13)."""
    appointment = helpers.booked(application, reviewer)
    sign_in_verified(client, reviewer)
    item = _item(application)
    url = reverse("review:decide", args=[item.pk, "inspection_result"])
    page = client.get(reverse("review:detail", args=[item.pk]), **EN).content.decode()
    assert url not in page and "The result can be recorded once the booked time has begun." in page
    response = client.post(url, {"result-result": "passed"}, follow=True, **EN)
    assert "not possible any more" in response.content.decode()
    application.refresh_from_db()
    assert application.status == WebsiteApplication.Status.FACE_REVIEW
    helpers.begun(appointment)
    page = client.get(reverse("review:detail", args=[item.pk]), **EN).content.decode()
    assert url in page and "once the booked time has begun" not in page


def test_record_the_result_through_the_workbench(client, application, reviewer):
    helpers.begun(helpers.booked(application, reviewer))
    reason = make_reasons()[2]
    sign_in_verified(client, reviewer)
    item = _item(application)
    url = reverse("review:decide", args=[item.pk, "inspection_result"])
    response = client.post(url, {"result-result": "failed", "result-note": "x"}, **EN)
    assert response.status_code == 400 and "at least one reason" in response.content.decode()
    response = client.post(url, {"result-result": "failed", "result-reasons": [reason.pk],
                                 "result-note": "制度缺失"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == WebsiteApplication.Status.RETURNED
    assert application.return_reasons[0]["code"] == "website-only"


def test_a_decision_of_another_state_is_refused_politely(client, application, reviewer):
    sign_in_verified(client, reviewer)
    item = _item(application)
    response = client.post(reverse("review:decide", args=[item.pk, "inspection_result"]),
                           {"result-result": "passed"}, follow=True, **EN)
    assert response.status_code == 200 and "not possible any more" in response.content.decode()


def test_the_applicant_sees_a_result_only_while_it_matters(client, application, reviewer):
    helpers.begun(helpers.booked(application, reviewer))
    services.record_result(actor=reviewer, application=application, passed=False,
                           reasons=reason_dicts(make_reasons()[2:]), note="制度缺失")
    client.force_login(application.owner)
    url = reverse("filings:application", args=[application.pk])
    assert "Not passed" in client.get(url, **EN).content.decode()
    filing_services.submit_application(actor=application.owner, application=application)
    page = client.get(url, **EN).content.decode()
    assert "Not passed" not in page and "appointment-title" not in page
