"""Read-only views for operators: the outbox is the SMS log, the inbox belongs to its account.

A live verification code is a password for a few minutes: the parameters named in
SMS_SECRET_PARAMETERS are masked in the parameters and in the text, for everyone (ADR 0030)."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from beian.notifications.models import OutboxMessage

MASK = "*"


def _secret_values(message: OutboxMessage) -> list[str]:
    params = message.params if isinstance(message.params, dict) else {}
    values = [str(params[name]) for name in settings.SMS_SECRET_PARAMETERS
              if params.get(name) not in (None, "")]
    return sorted(values, key=len, reverse=True)


def masked_params(message: OutboxMessage) -> dict:
    params = message.params if isinstance(message.params, dict) else {}
    return {name: MASK * len(str(value)) if name in settings.SMS_SECRET_PARAMETERS else value
            for name, value in params.items()}


def masked_text(message: OutboxMessage) -> str:
    text = message.text
    for value in _secret_values(message):
        text = text.replace(value, MASK * len(value))
    return text


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "template", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "template"]
    # The system-message twin is left out: its title is the beginning of the same text.
    readonly_fields = [name if name not in ("text", "params") else f"masked_{name}"
                       for name in (field.name for field in OutboxMessage._meta.fields)
                       if name != "system_message"]
    fields = readonly_fields  # the raw text and parameters are not even in the (read-only) form

    @admin.display(description=_("text"))
    def masked_text(self, message):
        return masked_text(message)

    @admin.display(description=_("template parameters"))
    def masked_params(self, message):
        return masked_params(message)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
