"""Sign-in with username or mobile number, and the lock-out after failures in a row (SPEC §8).

Two locks are kept in the cache (beian.core.ratelimit.FailureLock): one per account (or per typed
name when no account matches, so a lock does not reveal whether a name exists) and one per client
address. Either one refuses sign-in without even checking the password. A success clears both.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beian.accounts import selectors
from beian.accounts.models import User
from beian.core import audit
from beian.core.http import client_address
from beian.core.ratelimit import FailureLock

AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"


def account_lock() -> FailureLock:
    return FailureLock("sign-in:account", settings.SIGN_IN_MAX_FAILURES, settings.SIGN_IN_LOCK_MINUTES * 60)


def address_lock() -> FailureLock:
    return FailureLock("sign-in:address", settings.SIGN_IN_MAX_FAILURES, settings.SIGN_IN_LOCK_MINUTES * 60)


def locked_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many failed sign-ins in a row. Sign-in is locked for %(count)d more minute; try again "
        "then, or reset your password with a code sent to your mobile.",
        "Too many failed sign-ins in a row. Sign-in is locked for %(count)d more minutes; try again "
        "then, or reset your password with a code sent to your mobile.",
        minutes) % {"count": minutes}


@dataclass(frozen=True)
class SignInOutcome:
    user: User | None = None  # signed in
    pending: User | None = None  # right password, but the mobile number was never confirmed
    error: str = ""


def _account_key(login: str, user: User | None) -> str:
    return f"user:{user.pk}" if user is not None else f"name:{login.strip().lower()}"


def sign_in(request, *, login: str, password: str, now=None) -> SignInOutcome:
    address = client_address(request)
    user = selectors.account_for_sign_in(login)
    account_key, address_key = _account_key(login, user), address or "unknown"
    locks = account_lock(), address_lock()
    locked = max(locks[0].locked_for(account_key, now=now), locks[1].locked_for(address_key, now=now))
    if locked:
        audit.record(actor=None, action="sign_in_failed", target=user, client_address=address,
                     details={"login": _login_label(login, user), "reason": "locked"})
        return SignInOutcome(error=locked_message(locked))

    password_ok = user is not None and user.check_password(password)
    if password_ok and user.is_active:
        locks[0].succeed(account_key)
        locks[1].succeed(address_key)
        auth_login(request, user, backend=AUTH_BACKEND)
        audit.record(actor=user, action="sign_in", target=user, client_address=address)
        return SignInOutcome(user=user)
    if password_ok and selectors.pending_registrations().filter(pk=user.pk).exists():
        return SignInOutcome(pending=user)

    audit.record(actor=None, action="sign_in_failed", target=user, client_address=address,
                 details={"login": _login_label(login, user), "reason": "credentials"})
    newly_locked = [scope for lock, key, scope in ((locks[0], account_key, "account"),
                                                   (locks[1], address_key, "address"))
                    if lock.fail(key, now=now)]
    if newly_locked:
        audit.record(actor=None, action="locked_out", target=user, client_address=address,
                     details={"login": _login_label(login, user), "scopes": newly_locked,
                              "minutes": settings.SIGN_IN_LOCK_MINUTES})
        return SignInOutcome(error=locked_message(settings.SIGN_IN_LOCK_MINUTES * 60))
    return SignInOutcome(error=_("The username or password is not correct. Check both and try again; "
                                 "both are case-sensitive."))


def _login_label(login: str, user: User | None) -> str:
    """What was typed, for the audit log — but never a mobile number in clear."""
    if user is not None:
        return user.username
    typed = login.strip()[:150]
    return "(mobile number)" if any(char.isdigit() for char in typed) and len(typed) >= 11 else typed
