"""Shared bits of the inspection tests: an interactive application waiting for a decision, future
working-day slots, an offered or booked appointment."""

import datetime

from django.utils import timezone

from beian.core.calendar import is_working_day
from beian.inspections import services
from beian.inspections.models import Appointment, Slot
from beian.inspections.slots import ProposedSlot, combine
from tests.filings import helpers as filing_helpers

PLACE = "北京市朝阳区公安分局网安大队（朝阳路 1 号）"
DOCUMENTS = "营业执照原件；网站安全负责人身份证原件"


def working_day(after_days: int = 3) -> datetime.date:
    """A working day at least `after_days` days from today (local)."""
    day = timezone.localdate() + datetime.timedelta(days=after_days)
    while not is_working_day(day)[0]:
        day += datetime.timedelta(days=1)
    return day


def non_working_day(after_days: int = 3) -> datetime.date:
    day = timezone.localdate() + datetime.timedelta(days=after_days)
    while is_working_day(day)[0]:
        day += datetime.timedelta(days=1)
    return day


def slot(day: datetime.date, hour: int = 10, hours: int = 1) -> ProposedSlot:
    return combine(day, datetime.time(hour), datetime.time(hour + hours))


def two_slots() -> list[ProposedSlot]:
    day = working_day()
    return [slot(day, 10), slot(day, 14)]


def interactive_application(sponsor=None):
    return filing_helpers.submitted_application(sponsor, interactive=True, interactive_services=["comments"])


def offered(application, reviewer, mode=Appointment.Mode.FACE_REVIEW, slots=None) -> Appointment:
    return services.offer_slots(actor=reviewer, application=application, mode=mode, place=PLACE,
                                documents=DOCUMENTS, slots=two_slots() if slots is None else slots)


def booked(application, reviewer, **kwargs) -> Appointment:
    appointment = offered(application, reviewer, **kwargs)
    first = appointment.current_slots.first()
    return services.pick_slot(actor=application.owner, appointment_id=appointment.pk, slot_id=first.pk)


def begun(appointment: Appointment) -> Appointment:
    """The booked time has come: its slot now started an hour ago. (Times are offered in the future
    only, so the clock is moved by moving the slot.)"""
    now = timezone.now()
    Slot.objects.filter(appointment=appointment, chosen=True).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now)
    return appointment
