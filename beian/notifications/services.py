"""Notifications that other apps send: SMS (through the outbox), system messages, e-mail.

Call these INSIDE the transaction of the business action they report: the rows are written in that
transaction (a rollback leaves no trace) and delivery starts only after commit.

Templates (any app may ship its own, under beian/<app>/templates/; write them with
{% load i18n %}{% blocktranslate %}… so they exist in Chinese and English):
- `sms/<template>.txt` — the SMS text (lines are stripped and joined);
- `messages/<template>.txt` — a system message: first non-empty line the subject, the rest the body;
- `email/<template>.txt` — an e-mail: first non-empty line the subject, the rest the body.
`context` holds plain values (text, numbers, dates, lazy translations): it is stored as JSON with the
SMS, because an HTTP provider receives the template id and its parameters. Texts are rendered once,
when the notification is created, in `language` (default: the active language, Chinese unless the
request chose English) and stored as sent.

The system-message twin of an SMS has the SMS text as its body and its first sentence as subject:
every SMS states its decision in that sentence ("… was returned for correction"), which a subject cut
at a fixed length lost behind a long website name (issue 18).
"""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from beian.notifications import outbox, rendering
from beian.notifications.models import OutboxMessage, SystemMessage
from beian.notifications.tasks import send_email_message

SUBJECT_LENGTH = SystemMessage._meta.get_field("subject").max_length
# The end of a sentence: a Chinese full stop, or ". " / "! " / "? " in English (not the dot of a domain).
_SENTENCE_END = re.compile(r"[。！？]|[.!?](?=\s)")


def send_sms(*, to: str, template: str, context: dict, user=None,
             language: str | None = None) -> OutboxMessage:
    """Write an SMS to the outbox (and its system-message twin when `user` is given); send after commit."""
    language = rendering.language_for(user, language)
    text = rendering.render_sms(template, context, language)
    now = timezone.now()
    with transaction.atomic():
        twin = None
        if user is not None:
            twin = SystemMessage.objects.create(
                user=user, template=template, body=text, created_at=now,
                subject=twin_subject(text))
        message = OutboxMessage.objects.create(
            to=to, template=template, params=rendering.plain_params(context, language), language=language,
            text=text, user=user, system_message=twin, created_at=now, updated_at=now, next_attempt_at=now)
        transaction.on_commit(lambda: outbox.enqueue_delivery(message.pk), robust=True)
    return message


def twin_subject(text: str) -> str:
    """The first sentence of an SMS, whole (cut only beyond what the column holds)."""
    end = _SENTENCE_END.search(text)
    sentence = text[: end.end()] if end else text
    return Truncator(sentence.strip()).chars(SUBJECT_LENGTH)


def post_system_message(*, user, template: str, context: dict,
                        language: str | None = None) -> SystemMessage:
    """A system message without SMS, from `messages/<template>.txt` (first line the subject)."""
    language = rendering.language_for(user, language)
    subject, body = rendering.render_subject_and_body(f"messages/{template}.txt", context, language)
    return SystemMessage.objects.create(user=user, template=template,
                                        subject=Truncator(subject).chars(SUBJECT_LENGTH), body=body)


def send_email(*, to: str, template: str, context: dict, language: str | None = None) -> None:
    """An e-mail from `email/<template>.txt` (first line the subject), sent by a task after commit."""
    language = rendering.resolve_language(language)
    subject, body = rendering.render_subject_and_body(f"email/{template}.txt", context, language)
    transaction.on_commit(lambda: send_email_message.enqueue(to, subject, body), robust=True)


def notify_account(*, user, template: str, context: dict,
                   language: str | None = None) -> OutboxMessage | None:
    """Tell an account holder about a decision or a finding: an SMS to their mobile (with its
    system-message twin) and, once their e-mail address is confirmed, a copy by e-mail (SPEC §9)."""
    message = None
    language = rendering.language_for(user, language)
    if user.mobile:
        message = send_sms(to=user.mobile, template=template, context=context, user=user, language=language)
    if user.email and user.email_verified_at:
        text = message.text if message else rendering.render_sms(template, context, language)
        send_email(to=user.email, template="notice_copy", context={"text": text}, language=language)
    return message


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return SystemMessage.objects.filter(user=user, read_at__isnull=True).count()


def mark_read(*, user, message: SystemMessage) -> None:
    """Mark one of the user's own messages as read (the first reading counts; later ones change nothing)."""
    SystemMessage.objects.filter(pk=message.pk, user=user, read_at__isnull=True).update(
        read_at=timezone.now())


def mark_all_read(*, user) -> int:
    return SystemMessage.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
