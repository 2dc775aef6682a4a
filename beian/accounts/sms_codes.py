"""SMS verification codes (SPEC §8): issue and verify, for every feature that needs one.

A code is 6 digits from the operating system's CSPRNG, valid 10 minutes, single use, bound to one
phone number and one purpose, and dies after 5 wrong tries. Only an HMAC of it (keyed with
SECRET_KEY) is stored, so a database dump does not reveal live codes. Sending is limited per phone
number and per client address (settings.SMS_CODE_RATE_LIMITS) through Django's cache.

    issued = issue_code(phone=..., purpose=VerificationCode.Purpose.CANCELLATION, client_address=...)
    check = verify_code(phone=..., purpose=..., code=...)   # check.ok, check.message

verify_code commits the attempt counter in its own transaction: call it before (not inside) a
transaction that may roll back, or a wrong guess would not be counted.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext, ngettext

from beian.accounts import messaging
from beian.accounts.models import VerificationCode
from beian.core.ratelimit import Limit, hit_each

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=10)
MAX_ATTEMPTS = 5


class CodeNotSent(Exception):  # noqa: N818 - reads as what happened
    """Sending was refused by a rate limit; `message` says when the next code can be requested."""

    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        self.message = wait_message(retry_after)
        super().__init__(self.message)


def wait_message(seconds: int) -> str:
    if seconds < 120:
        return ngettext(
            "A code was sent a moment ago. You can request a new code in %(count)d second.",
            "A code was sent a moment ago. You can request a new code in %(count)d seconds.",
            seconds) % {"count": seconds}
    minutes = -(-seconds // 60)
    return ngettext(
        "Too many codes were requested. You can request a new code in %(count)d minute.",
        "Too many codes were requested. You can request a new code in %(count)d minutes.",
        minutes) % {"count": minutes}


@dataclass(frozen=True)
class IssuedCode:
    id: int
    phone: str
    expires_at: object


@dataclass(frozen=True)
class CodeCheck:
    ok: bool
    reason: str = ""  # "", "missing", "expired", "used", "too_many_attempts", "wrong"

    @property
    def message(self) -> str:
        return {
            "": "",
            "missing": gettext("No code was sent for this purpose to this number. Request a code first."),
            "expired": gettext("This code has expired (codes are valid for 10 minutes). "
                               "Request a new code."),
            "used": gettext("This code has already been used. Request a new code."),
            "too_many_attempts": gettext("Too many wrong tries for this code. Request a new code."),
            "wrong": gettext("The code is not correct. Check the SMS and type the 6 digits again."),
        }[self.reason]


def _hash(code: str, phone: str, purpose: str) -> str:
    return salted_hmac("beian.accounts.sms_codes", f"{phone}|{purpose}|{code}",
                       algorithm="sha256").hexdigest()


def _rate_limits() -> list[Limit]:
    return [Limit(count, seconds) for count, seconds in settings.SMS_CODE_RATE_LIMITS]


def purpose_text(purpose: str) -> str:
    """The short text the SMS shows ("your verification code for <registration> is …"), translated."""
    return str(VerificationCode.Purpose(purpose).label)


def issue_code(*, phone: str, purpose: str, client_address: str | None, now=None, user=None,
               language: str | None = None) -> IssuedCode:
    """Create a code and queue its SMS (sent after commit). Raises CodeNotSent when rate limited.
    A newer code replaces the older ones of the same phone and purpose."""
    now = now or timezone.now()
    keys = [f"sms:phone:{phone}"] + ([f"sms:client:{client_address}"] if client_address else [])
    verdict = hit_each(keys, _rate_limits(), now=now)
    if not verdict.allowed:
        raise CodeNotSent(verdict.retry_after)
    code = f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"
    with transaction.atomic():
        VerificationCode.objects.filter(phone=phone, purpose=purpose, used_at__isnull=True,
                                        expires_at__gt=now).update(expires_at=now)
        record = VerificationCode.objects.create(
            phone=phone, purpose=purpose, code_hash=_hash(code, phone, purpose), created_at=now,
            expires_at=now + CODE_LIFETIME)
        messaging.send_code_sms(phone=phone, code=code, purpose_text=purpose_text(purpose),
                                minutes=int(CODE_LIFETIME.total_seconds() // 60), user=user,
                                language=language)
    return IssuedCode(record.id, phone, record.expires_at)


def verify_code(*, phone: str, purpose: str, code: str, now=None) -> CodeCheck:
    """Check a code typed by a person; a correct code is used up. Never raises for a bad code."""
    now = now or timezone.now()
    code = (code or "").strip()
    with transaction.atomic():
        record = (VerificationCode.objects.select_for_update()
                  .filter(phone=phone, purpose=purpose).order_by("-created_at", "-id").first())
        if record is None:
            return CodeCheck(False, "missing")
        if record.used_at is not None:
            return CodeCheck(False, "used")
        if record.attempts >= MAX_ATTEMPTS:
            return CodeCheck(False, "too_many_attempts")
        if record.expires_at <= now:
            return CodeCheck(False, "expired")
        record.attempts += 1
        if not constant_time_compare(record.code_hash, _hash(code, phone, purpose)):
            record.save(update_fields=["attempts"])
            return CodeCheck(False, "wrong")
        record.used_at = now
        record.save(update_fields=["attempts", "used_at"])
    return CodeCheck(True)

