"""Background tasks (django-tasks). Each is idempotent: running one twice does nothing more."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def deliver_sms(message_id: int) -> str:
    # Imported here: outbox imports this module to enqueue the task (a cycle at module level).
    from beian.notifications import outbox

    outcome = outbox.deliver(message_id)
    outbox.schedule_sweeps()
    return outcome


@task()
def sweep_outbox_periodically() -> dict:
    # Imported here: outbox imports this module to enqueue the task (a cycle at module level).
    from beian.notifications import outbox

    try:
        return outbox.sweep()
    finally:
        outbox.schedule_sweeps()


@task()
def send_email_message(to: str, subject: str, body: str) -> None:
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]).send()
    logger.info("E-mail to %s: %s", to, subject)
