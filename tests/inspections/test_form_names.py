"""The two forms of the appointment panel on the applicant's application page have names of their
own, so a screen reader's list of forms tells them apart (issue 18, item 8b)."""

import re

import pytest
from django.urls import reverse

from beian.inspections.models import Appointment
from tests.inspections import helpers

pytestmark = pytest.mark.django_db


def _form_names(page: str) -> list[str]:
    return re.findall(r'<form method="post" action="/inspections/\d+/[^"]+"[^>]*aria-label="([^"]+)"', page)


@pytest.mark.parametrize(("mode", "book", "others"), [
    (Appointment.Mode.FACE_REVIEW, "Book a time for the face review", "Ask for other face review times"),
    (Appointment.Mode.ONSITE_INSPECTION, "Book a time for the on-site inspection",
     "Ask for other on-site inspection times"),
])
def test_the_booking_forms_are_named_after_the_appointment_and_the_website(client, application, reviewer,
                                                                          mode, book, others):
    helpers.offered(application, reviewer, mode=mode)
    client.force_login(application.owner)
    page = client.get(reverse("filings:application", args=[application.pk]), HTTP_ACCEPT_LANGUAGE="en")
    names = _form_names(page.content.decode())
    assert names == [f"{book}: {application.name}", f"{others}: {application.name}"]


def test_the_names_are_translated(client, application, reviewer):
    helpers.offered(application, reviewer)
    client.force_login(application.owner)
    page = client.get(reverse("filings:application", args=[application.pk]), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert _form_names(page.content.decode()) == [f"预约面审时间：{application.name}",
                                                  f"申请其他面审时间：{application.name}"]
