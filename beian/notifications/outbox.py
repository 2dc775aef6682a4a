"""Delivery of the SMS outbox: claim, send, record the outcome; retries with backoff; the sweeper.

Guarantees (SPEC §9):
- never sent twice: a delivery first claims its row (created → sending) with a conditional UPDATE;
  a repeated or concurrent task finds nothing to claim and does nothing;
- never lost: a provider error puts the row back to created with a later `next_attempt_at`
  (1 min, doubling, at most 1 h between attempts) until SMS_GIVE_UP_AFTER_HOURS have passed since it
  was written; the sweeper re-queues rows whose task never ran and rows left in `sending` by a worker
  that died mid-send (the one case where a provider may see a message twice; it carries the same
  reference both times so a de-duplicating provider drops the copy).
- no network call inside a transaction: the claim and the outcome are two short transactions.

Retries are enqueued with `run_after` where the task backend supports it (the database backend); where
it does not (the immediate backend of the tests), the sweeper picks the row up once it is due, so
tests drive retries by moving the clock and calling `sweep()`.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_fsm import ConcurrentTransition

from beian.core.periodic import claim_next_run
from beian.notifications.backends import PermanentSmsError, Sms, get_sms_backend
from beian.notifications.models import OutboxMessage, SweepSchedule
from beian.notifications.tasks import deliver_sms, sweep_outbox_periodically

logger = logging.getLogger(__name__)
Status = OutboxMessage.Status


def retry_delay(attempts: int) -> datetime.timedelta:
    """Wait before the next attempt after `attempts` failed ones: doubling from the first delay."""
    first = settings.SMS_RETRY_FIRST_DELAY_SECONDS
    return datetime.timedelta(seconds=min(first * 2 ** max(attempts - 1, 0),
                                          settings.SMS_RETRY_MAX_DELAY_SECONDS))


def enqueue_delivery(message_id: int, *, run_after: datetime.datetime | None = None) -> None:
    task = deliver_sms
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # the sweeper sends it once it is due
        task = task.using(run_after=run_after)
    task.enqueue(message_id)


def _claim(message_id: int, now) -> OutboxMessage | None:
    with transaction.atomic():
        message = OutboxMessage.objects.filter(pk=message_id, status=Status.CREATED,
                                               next_attempt_at__lte=now).first()
        if message is None:
            return None
        message.start_sending(now=now)
        try:
            message.save()
        except ConcurrentTransition:
            return None  # another worker claimed it between our read and our update
    return message


def _save_outcome(message: OutboxMessage) -> None:
    try:
        with transaction.atomic():
            message.save()
    except ConcurrentTransition:
        # The sweeper judged this send stuck and re-queued it while we waited for the provider.
        logger.warning("SMS %s: outcome not recorded, the row was recovered by the sweeper", message.pk)


def deliver(message_id: int) -> str:
    """Send one outbox row if it is still waiting and due. Returns what happened (for logs and tests)."""
    message = _claim(message_id, timezone.now())
    if message is None:
        return "skipped"
    sms = Sms(to=message.to, template=message.template, text=message.text, language=message.language,
              reference=str(message.reference), created_at=message.created_at, params=message.params)
    try:
        provider_message_id = get_sms_backend().send(sms)
    except PermanentSmsError as exc:
        logger.error("SMS %s failed permanently: %s", message.pk, exc)
        message.give_up(error=str(exc), now=timezone.now())
        _save_outcome(message)
        return "failed"
    except Exception as exc:  # noqa: BLE001 - anything else may pass: retry rather than lose the message
        return _retry_or_give_up(message, f"{type(exc).__name__}: {exc}")
    message.mark_sent(provider_message_id=provider_message_id or "", now=timezone.now())
    _save_outcome(message)
    return "sent"


def _retry_or_give_up(message: OutboxMessage, error: str) -> str:
    now = timezone.now()
    next_attempt_at = now + retry_delay(message.attempts)
    deadline = message.created_at + datetime.timedelta(hours=settings.SMS_GIVE_UP_AFTER_HOURS)
    if next_attempt_at > deadline:
        logger.error("SMS %s failed after %s attempts: %s", message.pk, message.attempts, error)
        message.give_up(error=error, now=now)
        _save_outcome(message)
        return "failed"
    logger.warning("SMS %s attempt %s failed, next at %s: %s", message.pk, message.attempts,
                   next_attempt_at.isoformat(), error)
    message.retry_later(error=error, next_attempt_at=next_attempt_at, now=now)
    _save_outcome(message)
    transaction.on_commit(lambda: enqueue_delivery(message.pk, run_after=next_attempt_at), robust=True)
    return "retry"


def sweep(*, now: datetime.datetime | None = None) -> dict:
    """Recover rows stuck in `sending`, then queue every row that waits longer than it should."""
    now = now or timezone.now()
    recovered = 0
    stuck_before = now - datetime.timedelta(seconds=settings.SMS_OUTBOX_SENDING_TIMEOUT_SECONDS)
    for message in OutboxMessage.objects.filter(status=Status.SENDING, updated_at__lte=stuck_before):
        message.retry_later(error="the worker stopped while sending; sent again", next_attempt_at=now,
                            now=now)
        try:
            with transaction.atomic():
                message.save()
            recovered += 1
        except ConcurrentTransition:
            pass  # it finished meanwhile
    # A grace period leaves rows whose own (delayed) task is about to run to that task.
    overdue_before = now - datetime.timedelta(seconds=settings.SMS_OUTBOX_GRACE_SECONDS)
    overdue = OutboxMessage.objects.filter(status=Status.CREATED, next_attempt_at__lte=overdue_before)
    due_ids = list(overdue.order_by("next_attempt_at").values_list("id", flat=True)
                   [:settings.SMS_OUTBOX_SWEEP_BATCH])
    for message_id in due_ids:
        enqueue_delivery(message_id)
    return {"recovered": recovered, "queued": len(due_ids)}


def schedule_sweeps(*, now: datetime.datetime | None = None) -> bool:
    """Keep exactly one periodic sweeper chain: whoever claims the due slot enqueues the next sweep.

    Called by the sweep task itself, by `sweep_outbox --schedule` (run by `serve`) and after every
    delivery, so a chain lost with a wiped queue comes back with the next SMS. Duplicate chains die out:
    only one of them finds the slot due.
    """
    return claim_next_run(task=sweep_outbox_periodically, schedule_model=SweepSchedule,
                          interval=datetime.timedelta(seconds=settings.SMS_OUTBOX_SWEEP_SECONDS), now=now)
