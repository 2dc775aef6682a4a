"""SMS gateway: the interface every backend implements, and the one configured in SMS_BACKEND.

A backend gets one `Sms` and returns the provider's message id, or raises:
- `RetryableSmsError` — the provider may accept it later (5xx, timeout, connection refused): the
  outbox tries again with backoff;
- `PermanentSmsError` — it never will (4xx, unknown template): the row becomes failed at once.
Any other exception is treated as retryable, so a bug never loses a message silently.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Sms:
    to: str
    template: str
    text: str
    language: str
    reference: str
    created_at: datetime.datetime
    params: dict = field(default_factory=dict)


class SmsError(Exception):
    """The provider did not accept the message."""


class RetryableSmsError(SmsError):
    pass


class PermanentSmsError(SmsError):
    pass


class SmsBackend:
    def send(self, sms: Sms) -> str:
        """Deliver one message; return the provider's message id."""
        raise NotImplementedError


def get_sms_backend() -> SmsBackend:
    return import_string(settings.SMS_BACKEND)()
