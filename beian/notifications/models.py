"""The SMS outbox and the per-account inbox of system messages.

An SMS is a row first (written in the transaction of the event it reports) and sent afterwards by a
task: created → sending → sent, or back to created for a retry, or failed. The state changes only
through the transitions below; ConcurrentTransitionMixin turns each save into
`UPDATE … WHERE status = <the state it was read in>`, so two workers can never both claim a row.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from beian.core.personal_data import Category, PersonalData, Protection, Reader, Retention


class SystemMessage(models.Model):
    """One message in an account's inbox (系统消息). Every SMS has one, with the full text."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE,
                             related_name="system_messages")
    template = models.CharField(_("template"), max_length=100, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    PERSONAL_DATA = {
        "user": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, (Reader.OWNER,), Retention.ACCOUNT),
        "subject": PersonalData(Category.MESSAGE, Protection.PLAIN, (Reader.OWNER,), Retention.ACCOUNT),
        "body": PersonalData(Category.MESSAGE, Protection.PLAIN, (Reader.OWNER,), Retention.ACCOUNT),
    }

    class Meta:
        verbose_name = _("system message")
        verbose_name_plural = _("system messages")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="system_message_unread")]

    def __str__(self):
        return self.subject

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class OutboxMessage(ConcurrentTransitionMixin, models.Model):
    """One SMS waiting for, in, or after delivery. Never deleted by the platform: it is the SMS log
    (its text and parameters are blanked after RETENTION_OUTBOX_TEXT_DAYS, ADR 0102)."""

    class Status(models.TextChoices):
        CREATED = "created", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    # Sent to the provider as the message's own reference, so a provider that de-duplicates can.
    reference = models.UUIDField(_("reference"), default=uuid.uuid4, unique=True, editable=False)
    to = models.CharField(_("mobile phone"), max_length=20)
    template = models.CharField(_("template"), max_length=100)
    params = models.JSONField(_("template parameters"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10)
    text = models.TextField(_("text"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("account"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    system_message = models.OneToOneField(SystemMessage, verbose_name=_("system message"), null=True,
                                          blank=True, on_delete=models.SET_NULL, related_name="sms")
    status = FSMField(_("status"), max_length=10, choices=Status.choices, default=Status.CREATED,
                      protected=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    provider_message_id = models.CharField(_("provider message id"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    # Read by nobody on the platform's pages: the worker sends it, the operator may inspect it.
    PERSONAL_DATA = {
        "to": PersonalData(Category.CONTACT, Protection.PLAIN, (Reader.SYSTEM_ADMINISTRATOR,),
                           Retention.OUTBOX),
        "params": PersonalData(Category.MESSAGE, Protection.PLAIN, (Reader.SYSTEM_ADMINISTRATOR,),
                               Retention.OUTBOX),
        "text": PersonalData(Category.MESSAGE, Protection.PLAIN, (Reader.SYSTEM_ADMINISTRATOR,),
                             Retention.OUTBOX),
        "user": PersonalData(Category.ACCOUNT_LINK, Protection.PLAIN, (Reader.SYSTEM_ADMINISTRATOR,),
                             Retention.OUTBOX),
    }

    class Meta:
        verbose_name = _("outgoing SMS")
        verbose_name_plural = _("outgoing SMS")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return f"{self.template} → {self.to} ({self.status})"

    @transition(field=status, source=Status.CREATED, target=Status.SENDING)
    def start_sending(self, *, now):
        self.attempts += 1
        self.updated_at = now

    @transition(field=status, source=Status.SENDING, target=Status.SENT)
    def mark_sent(self, *, provider_message_id: str, now):
        self.provider_message_id = provider_message_id[:100]
        self.sent_at = now
        self.updated_at = now
        self.last_error = ""

    @transition(field=status, source=Status.SENDING, target=Status.CREATED)
    def retry_later(self, *, error: str, next_attempt_at, now):
        """A retryable provider error, or a worker that died mid-send (found by the sweeper)."""
        self.last_error = error[:1000]
        self.next_attempt_at = next_attempt_at
        self.updated_at = now

    @transition(field=status, source=Status.SENDING, target=Status.FAILED)
    def give_up(self, *, error: str, now):
        self.last_error = error[:1000]
        self.updated_at = now


class SweepSchedule(models.Model):
    """The single row that keeps exactly one periodic sweeper chain alive (see outbox.schedule_sweeps)."""

    next_run_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outbox sweep schedule")
        verbose_name_plural = _("outbox sweep schedule")

    def __str__(self):
        return f"next sweep at {self.next_run_at}"
