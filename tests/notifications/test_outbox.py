"""The outbox state machine, idempotent delivery, retries with backoff, the sweeper."""

import datetime

import pytest
from django.test import override_settings
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from beian.notifications import outbox, services
from beian.notifications.backends import PermanentSmsError, RetryableSmsError, SmsBackend
from beian.notifications.models import OutboxMessage, SweepSchedule
from tests.notifications.helpers import VERIFICATION

pytestmark = pytest.mark.django_db
Status = OutboxMessage.Status

TRANSITIONS = {
    "start_sending": ({Status.CREATED}, Status.SENDING),
    "mark_sent": ({Status.SENDING}, Status.SENT),
    "retry_later": ({Status.SENDING}, Status.CREATED),
    "give_up": ({Status.SENDING}, Status.FAILED),
}


def _arguments(name, now):
    return {"start_sending": {"now": now},
            "mark_sent": {"provider_message_id": "p1", "now": now},
            "retry_later": {"error": "e", "next_attempt_at": now, "now": now},
            "give_up": {"error": "e", "now": now}}[name]


def _row_in(status) -> OutboxMessage:
    message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    OutboxMessage.objects.filter(pk=message.pk).update(status=status)  # test set-up only
    return OutboxMessage.objects.get(pk=message.pk)


@pytest.mark.parametrize("name", sorted(TRANSITIONS))
@pytest.mark.parametrize("state", list(Status))
def test_each_transition_from_each_state(name, state, clock):
    sources, target = TRANSITIONS[name]
    message = _row_in(state)
    transition = getattr(message, name)
    if state in sources:
        transition(**_arguments(name, clock.now))
        message.save()
        message.refresh_from_db()
        assert message.status == target
    else:
        with pytest.raises(TransitionNotAllowed):
            transition(**_arguments(name, clock.now))


def test_the_status_cannot_be_set_by_hand():
    message = _row_in(Status.CREATED)
    with pytest.raises(AttributeError):
        message.status = Status.SENT


def test_two_workers_cannot_both_claim_a_row(clock):
    first, second = _row_in(Status.CREATED), _row_in(Status.CREATED)
    second = OutboxMessage.objects.get(pk=first.pk)
    first.start_sending(now=clock.now)
    first.save()
    second.start_sending(now=clock.now)
    with pytest.raises(ConcurrentTransition):
        second.save()


class CountingBackend(SmsBackend):
    """Records every send; raises the queued errors first."""

    sent = []
    errors = []

    def send(self, sms):
        if CountingBackend.errors:
            raise CountingBackend.errors.pop(0)
        CountingBackend.sent.append(sms)
        return f"c{len(CountingBackend.sent)}"


@pytest.fixture
def counting(settings):
    settings.SMS_BACKEND = "tests.notifications.test_outbox.CountingBackend"
    CountingBackend.sent, CountingBackend.errors = [], []
    return CountingBackend


def test_a_repeated_task_never_sends_twice(counting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    assert outbox.deliver(message.pk) == "skipped"
    assert outbox.deliver(message.pk) == "skipped"
    assert len(counting.sent) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.SENT, 1)


def test_a_row_is_not_sent_before_its_next_attempt(counting, clock):
    message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    later = clock.now + datetime.timedelta(minutes=5)
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=later)
    assert outbox.deliver(message.pk) == "skipped"
    clock.advance(minutes=5)
    assert outbox.deliver(message.pk) == "sent"


def test_backoff_doubles_from_one_minute_up_to_one_hour():
    delays = [outbox.retry_delay(attempt).total_seconds() for attempt in range(1, 10)]
    assert delays == [60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]


def test_provider_errors_are_retried_with_backoff_until_sent(counting, clock):
    counting.errors = [RetryableSmsError("busy"), RetryableSmsError("busy"), ConnectionError("reset")]
    message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    assert outbox.deliver(message.pk) == "retry"
    message.refresh_from_db()
    assert message.status == Status.CREATED
    assert message.next_attempt_at == clock.now + datetime.timedelta(minutes=1)
    assert message.last_error == "RetryableSmsError: busy"
    assert outbox.deliver(message.pk) == "skipped", "not yet due"
    clock.advance(minutes=1)
    assert outbox.deliver(message.pk) == "retry"
    message.refresh_from_db()
    assert message.next_attempt_at == clock.now + datetime.timedelta(minutes=2)
    clock.advance(minutes=2)
    assert outbox.deliver(message.pk) == "retry"  # an unexpected exception is retried too
    clock.advance(minutes=4)
    assert outbox.deliver(message.pk) == "sent"
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 4, "")
    assert len(counting.sent) == 1


def test_after_about_twelve_hours_of_errors_the_row_fails(counting, clock):
    counting.errors = [RetryableSmsError("down")] * 100
    message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    outcomes = []
    while (outcome := outbox.deliver(message.pk)) != "failed":
        outcomes.append(outcome)
        clock.advance(hours=1)
    message.refresh_from_db()
    assert message.status == Status.FAILED
    assert 11 <= (clock.now - message.created_at).total_seconds() / 3600 <= 13
    assert message.last_error == "RetryableSmsError: down"
    assert counting.sent == []


def test_a_permanent_error_fails_at_once(counting):
    counting.errors = [PermanentSmsError("no such number")]
    message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    assert outbox.deliver(message.pk) == "failed"
    message.refresh_from_db()
    assert (message.status, message.attempts, message.last_error) == (Status.FAILED, 1, "no such number")


def test_the_sweeper_queues_rows_whose_task_never_ran(counting, clock, django_capture_on_commit_callbacks):
    message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    # No commit callback ran (the worker was down): the row waits in created.
    assert outbox.sweep() == {"recovered": 0, "queued": 0}, "within the grace period its own task may come"
    clock.advance(minutes=3)
    assert outbox.sweep() == {"recovered": 0, "queued": 1}
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert outbox.sweep() == {"recovered": 0, "queued": 0}
    assert len(counting.sent) == 1


def test_the_sweeper_recovers_rows_left_in_sending_by_a_dead_worker(counting, clock):
    message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    claimed = outbox._claim(message.pk, clock.now)  # the worker claimed it, then died
    assert claimed.status == Status.SENDING
    clock.advance(minutes=5)
    assert outbox.sweep()["recovered"] == 0, "a send in progress is left alone"
    clock.advance(minutes=6)
    assert outbox.sweep() == {"recovered": 1, "queued": 0}
    clock.advance(minutes=3)
    assert outbox.sweep() == {"recovered": 0, "queued": 1}
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Status.SENT, 2)


def test_the_sweep_command(counting, clock):
    from io import StringIO

    from django.core.management import call_command

    services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    clock.advance(minutes=3)
    out = StringIO()
    call_command("sweep_outbox", "--schedule", stdout=out)
    assert "1 queued" in out.getvalue()
    assert len(counting.sent) == 1


def test_the_immediate_backend_has_no_periodic_sweep():
    assert outbox.schedule_sweeps() is False


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
                   SMS_OUTBOX_SWEEP_SECONDS=60)
def test_exactly_one_periodic_sweep_is_scheduled(clock, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.schedule_sweeps() is True
        assert outbox.schedule_sweeps() is False, "the slot is taken until it is due"
        clock.advance(seconds=30)
        assert outbox.schedule_sweeps() is False
        clock.advance(seconds=31)
        assert outbox.schedule_sweeps() is True, "the next sweep claims the next slot"
    queued = DBTaskResult.objects.filter(task_path__endswith="sweep_outbox_periodically")
    assert queued.count() == 2
    assert queued.order_by("run_after").last().run_after == clock.now + datetime.timedelta(seconds=60)
    assert SweepSchedule.objects.get().next_run_at == clock.now + datetime.timedelta(seconds=60)


def test_the_periodic_sweep_task_sweeps(counting, clock):
    from beian.notifications.tasks import sweep_outbox_periodically

    services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    clock.advance(minutes=3)
    assert sweep_outbox_periodically.call() == {"recovered": 0, "queued": 1}
    assert len(counting.sent) == 1


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_with_the_database_backend_a_retry_is_queued_for_later(counting, clock,
                                                               django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    counting.errors = [RetryableSmsError("busy")]
    message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.deliver(message.pk) == "retry"
    retry = DBTaskResult.objects.get(task_path__endswith="deliver_sms")
    assert retry.args_kwargs["args"] == [message.pk]
    assert retry.run_after == clock.now + datetime.timedelta(minutes=1)
