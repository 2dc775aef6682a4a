"""How many SMS a visitor may make the platform send (SPEC §8, ADR 0095), kept in Django's cache.

- Per phone number, whatever the purpose: strict (settings.SMS_CODE_PHONE_LIMITS, 1 a minute, 5 an
  hour, 10 a day) — this is what protects a person from being flooded with texts.
- Per client address: generous (settings.SMS_CODE_ADDRESS_LIMITS), because an office, a campus or a
  carrier's NAT puts many people behind one address; past a lower threshold
  (SMS_CODE_ADDRESS_HUMAN_CHECK_AFTER) every further SMS needs the human check answered again.
- Platform-wide: a daily budget (SMS_DAILY_BUDGET); administrators are told once a day when its
  warning share is used and once when it is spent (beian.accounts.sms_budget).

Every refusal says why in words that never claim an SMS went to a number that did not get one.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beian.accounts import sms_budget
from beian.core.ratelimit import Limit, check, hit_many


class CodeNotSent(Exception):  # noqa: N818 - reads as what happened
    """Sending was refused; `message` says why and what to do, `retry_after` when (0: unknown)."""

    def __init__(self, message: str, retry_after: int = 0):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


class HumanCheckNeeded(CodeNotSent):
    """Many SMS were asked for from this client address: answer the human check, then ask again."""


def _minutes(seconds: int) -> int:
    return max(1, -(-seconds // 60))


def phone_wait_message(seconds: int) -> str:
    """The per-phone limit refused: an SMS did go to this number (the count is per number)."""
    if seconds < 120:
        return ngettext(
            "An SMS was sent to this number a moment ago. You can request a new code in %(count)d second.",
            "An SMS was sent to this number a moment ago. You can request a new code in %(count)d seconds.",
            seconds) % {"count": seconds}
    minutes = _minutes(seconds)
    return ngettext(
        "Too many codes were requested for this number. You can request a new code in %(count)d minute.",
        "Too many codes were requested for this number. You can request a new code in %(count)d minutes.",
        minutes) % {"count": minutes}


def address_wait_message(seconds: int) -> str:
    minutes = _minutes(seconds)
    return ngettext(
        "Very many codes were requested from your network. No code was sent; you can request one "
        "in %(count)d minute.",
        "Very many codes were requested from your network. No code was sent; you can request one "
        "in %(count)d minutes.",
        minutes) % {"count": minutes}


def human_check_message() -> str:
    return _("Many codes were requested from your network. No code was sent yet: answer the check, "
             "then send the code.")


def budget_spent_message() -> str:
    return _("The platform has sent all the text messages it may send today, so no code was sent. "
             "Please try again tomorrow; the administrators have been told.")


def _limits(pairs) -> list[Limit]:
    return [Limit(count, seconds) for count, seconds in pairs]


def _keys(phone: str, client_address: str | None) -> tuple[str, str | None]:
    return f"sms:phone:{phone}", (f"sms:client:{client_address}" if client_address else None)


def reserve(*, phone: str, client_address: str | None, human_checked: bool, now) -> None:
    """Count one SMS to `phone` asked for from `client_address`, or raise CodeNotSent (subclass
    HumanCheckNeeded when the person only has to answer the human check). Nothing is counted
    when it refuses."""
    phone_key, address_key = _keys(phone, client_address)
    phone_limits = _limits(settings.SMS_CODE_PHONE_LIMITS)
    address_limits = _limits(settings.SMS_CODE_ADDRESS_LIMITS)
    verdict = check(phone_key, phone_limits, now=now)
    if not verdict.allowed:
        raise CodeNotSent(phone_wait_message(verdict.retry_after), verdict.retry_after)
    if address_key is not None:
        verdict = check(address_key, address_limits, now=now)
        if not verdict.allowed:
            raise CodeNotSent(address_wait_message(verdict.retry_after), verdict.retry_after)
        threshold = _limits([settings.SMS_CODE_ADDRESS_HUMAN_CHECK_AFTER])
        if not human_checked and not check(address_key, threshold, now=now).allowed:
            raise HumanCheckNeeded(human_check_message())
    if not sms_budget.spend(now=now):
        raise CodeNotSent(budget_spent_message())
    limits_by_key = {phone_key: phone_limits}
    if address_key is not None:
        limits_by_key[address_key] = address_limits
    verdict = hit_many(limits_by_key, now=now)
    if not verdict.allowed:  # another request got there between the check and the count
        sms_budget.give_back(now=now)
        message = (phone_wait_message if verdict.limit in phone_limits else address_wait_message)(
            verdict.retry_after)
        raise CodeNotSent(message, verdict.retry_after)
