"""The reminder the day before (SPEC §5): sent once per booking, never early, never late, never twice;
time is passed in, never slept."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from django.utils import timezone

from beian.filings import services as filing_services
from beian.inspections import reminders, services
from beian.inspections.models import Appointment
from beian.notifications.models import OutboxMessage
from tests.inspections import helpers
from tests.sponsors.helpers import make_reasons, reason_dicts

pytestmark = pytest.mark.django_db


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def booking(application, reviewer):
    appointment = helpers.booked(application, reviewer)
    return appointment, appointment.booked_slot


def _reminders():
    return OutboxMessage.objects.filter(template="inspection_reminder")


def test_the_reminder_goes_out_the_day_before_and_only_once(booking):
    appointment, slot = booking
    day_before = timezone.localdate(slot.starts_at) - datetime.timedelta(days=1)
    assert services.send_due_reminders(now=_at(day_before, 8, 59)) == 0  # not before 9:00
    assert services.send_due_reminders(now=_at(day_before - datetime.timedelta(days=1), 10)) == 0
    assert services.send_due_reminders(now=_at(day_before, 9, 5)) == 1
    assert services.send_due_reminders(now=_at(day_before, 9, 20)) == 0
    assert services.send_due_reminders(now=_at(day_before, 18)) == 0
    sms = _reminders().get()
    assert sms.to == appointment.application.owner.mobile
    assert slot.label in sms.text and helpers.PLACE in sms.text and "营业执照" in sms.text
    appointment.refresh_from_db()
    assert appointment.reminder_sent_at == _at(day_before, 9, 5)


def test_a_missed_run_still_reminds_before_the_start(booking):
    _appointment, slot = booking
    assert services.send_due_reminders(now=slot.starts_at - datetime.timedelta(hours=1)) == 1


def test_no_reminder_once_it_has_started(booking):
    _appointment, slot = booking
    assert services.send_due_reminders(now=slot.starts_at + datetime.timedelta(minutes=1)) == 0
    assert not _reminders().exists()


def test_no_reminder_for_a_booking_made_after_the_reminder_moment(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    slot = appointment.current_slots.first()
    late = reminders.reminder_moment(slot.starts_at) + datetime.timedelta(hours=2)
    services.pick_slot(actor=application.owner, appointment_id=appointment.pk, slot_id=slot.pk, now=late)
    assert services.send_due_reminders(now=late + datetime.timedelta(minutes=30)) == 0


def test_no_reminder_for_an_application_returned_meanwhile(booking, reviewer):
    appointment, slot = booking
    filing_services.return_application(actor=reviewer, application=appointment.application,
                                       reasons=reason_dicts(make_reasons()[2:]))
    assert services.send_due_reminders(now=slot.starts_at - datetime.timedelta(hours=3)) == 0


def test_no_reminder_for_unbooked_times(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    slot = appointment.current_slots.first()
    assert services.send_due_reminders(now=slot.starts_at - datetime.timedelta(hours=3)) == 0


def test_the_command_sends_due_reminders_once(booking):
    _appointment, slot = booking
    at = (slot.starts_at - datetime.timedelta(hours=3)).isoformat()
    out = StringIO()
    call_command("send_appointment_reminders", "--at", at, stdout=out)
    call_command("send_appointment_reminders", "--at", at, stdout=out)
    assert "1 sent" in out.getvalue() and "0 sent" in out.getvalue()
    assert _reminders().count() == 1


def test_the_command_refuses_a_malformed_time():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("send_appointment_reminders", "--at", "tomorrow")


def test_the_task_sends_due_reminders(booking):
    from beian.inspections.tasks import send_appointment_reminders

    _appointment, slot = booking
    # The task runs at the real "now": make the booking's reminder due by moving the slot close.
    Appointment.objects.filter(pk=slot.appointment_id).update(
        booked_at=timezone.now() - datetime.timedelta(days=2))
    type(slot).objects.filter(pk=slot.pk).update(starts_at=timezone.now() + datetime.timedelta(hours=2),
                                                 ends_at=timezone.now() + datetime.timedelta(hours=3))
    result = send_appointment_reminders.enqueue()
    assert result.return_value == 1 and _reminders().count() == 1


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_one_periodic_chain_is_kept(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.schedule(now=now) is True
        assert reminders.schedule(now=now + datetime.timedelta(seconds=10)) is False
    assert DBTaskResult.objects.filter(task_path__endswith="send_appointment_reminders").count() == 1
    later = now + datetime.timedelta(seconds=reminders.interval_seconds() + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.schedule(now=later) is True


def test_without_delayed_tasks_the_command_is_the_way():
    assert reminders.schedule() is False  # the immediate backend of the tests cannot delay
