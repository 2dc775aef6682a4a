"""SMS verification codes (SPEC §8): issue and verify, for every feature that needs one.

A code is 6 digits from the operating system's CSPRNG, valid 10 minutes, single use, bound to one
phone number and one purpose, and dies after 5 wrong tries. Only an HMAC of it (keyed with
SECRET_KEY) is stored, so a database dump does not reveal live codes. Sending is limited per phone
number, per client address and by a daily budget (beian.accounts.sms_limits).

    issued = issue_code(phone=..., purpose=VerificationCode.Purpose.CANCELLATION, client_address=...)
    check = verify_code(phone=..., purpose=..., code=...)   # check.ok, check.message

verify_code commits the attempt counter in its own transaction: call it before (not inside) a
transaction that may roll back, or a wrong guess would not be counted.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext

from beian.accounts import messaging, sms_limits
from beian.accounts.models import VerificationCode
from beian.accounts.sms_limits import CodeNotSent, HumanCheckNeeded

__all__ = ["CodeNotSent", "HumanCheckNeeded", "issue_code", "verify_code"]

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=10)
MAX_ATTEMPTS = 5


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


def purpose_text(purpose: str) -> str:
    """The short text the SMS shows ("your verification code for <registration> is …"), translated."""
    return str(VerificationCode.Purpose(purpose).label)


def issue_code(*, phone: str, purpose: str, client_address: str | None, now=None, user=None,
               language: str | None = None, human_checked: bool = False, deliver: bool = True) -> IssuedCode:
    """Create a code and queue its SMS (sent after commit). A newer code replaces the older ones of
    the same phone and purpose. Raises CodeNotSent (HumanCheckNeeded when the person only has to
    answer the human check: pass human_checked=True when this request answered one).

    deliver=False creates the code and counts it against every limit but sends nothing: the caller
    sends another SMS to the number instead (registration with a number that has an account), and
    the code that nobody knows behaves on the code page exactly like one that was sent."""
    now = now or timezone.now()
    sms_limits.reserve(phone=phone, client_address=client_address, human_checked=human_checked, now=now)
    code = f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"
    with transaction.atomic():
        VerificationCode.objects.filter(phone=phone, purpose=purpose, used_at__isnull=True,
                                        expires_at__gt=now).update(expires_at=now)
        record = VerificationCode.objects.create(
            phone=phone, purpose=purpose, code_hash=_hash(code, phone, purpose), created_at=now,
            expires_at=now + CODE_LIFETIME)
        if deliver:
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

