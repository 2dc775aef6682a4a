"""Sign-in with username or mobile number, its limits, and sign-in with an SMS code (SPEC §8, ADR 0095).

Two limits are kept in the cache (beian.core.ratelimit):
- per account, `FailureLock`: 5 failures in a row lock it for 5 minutes; the owner's success ends the
  series. When no account matches, the typed name is the key, so a lock does not reveal whether a
  name exists.
- per client address, `FailureWindowLock`: SIGN_IN_ADDRESS_MAX_FAILURES failures within a sliding
  window lock the address. A success clears nothing here: otherwise an attacker who owns one account
  could try 4 passwords on other accounts, sign in to their own, and start again, for ever.
Either one refuses sign-in without even checking the password.

Anyone can keep someone else's account locked by failing on purpose, so the owner has a way round
the lock: the password together with a code sent to the account's confirmed mobile number. That path
ignores both locks; it has the SMS limits instead, and a wrong password there uses up the code.

The password hasher runs once whether or not the account exists, so the time of the answer does not
tell which names have an account.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beian.accounts import selectors
from beian.accounts.models import User, VerificationCode
from beian.accounts.sms_codes import issue_code, verify_code
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.http import client_address
from beian.core.ratelimit import FailureLock, FailureWindowLock

AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"
SIGN_IN_CODE = VerificationCode.Purpose.SIGN_IN


def account_lock() -> FailureLock:
    return FailureLock("sign-in:account", settings.SIGN_IN_MAX_FAILURES, settings.SIGN_IN_LOCK_MINUTES * 60)


def address_lock() -> FailureWindowLock:
    return FailureWindowLock("sign-in:address-window", settings.SIGN_IN_ADDRESS_MAX_FAILURES,
                             settings.SIGN_IN_ADDRESS_WINDOW_MINUTES * 60, settings.SIGN_IN_LOCK_MINUTES * 60)


def locked_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many failed sign-ins. Sign-in with the password alone is locked for %(count)d more minute. "
        "You can sign in now with your password and a code sent to your mobile, or reset your password.",
        "Too many failed sign-ins. Sign-in with the password alone is locked for %(count)d more minutes. "
        "You can sign in now with your password and a code sent to your mobile, or reset your password.",
        minutes) % {"count": minutes}


def wrong_code_message() -> str:
    return _("The code is not correct. Check the SMS and type the 6 digits again.")


@dataclass(frozen=True)
class SignInOutcome:
    user: User | None = None  # signed in
    pending: User | None = None  # right password, but the mobile number was never confirmed
    error: str = ""
    locked: bool = False  # refused by a lock: the page offers sign-in with an SMS code


def _account_key(login: str, user: User | None) -> str:
    return f"user:{user.pk}" if user is not None else f"name:{login.strip().lower()}"


def _password_matches(user: User | None, password: str) -> bool:
    if user is None:
        # No account: hash the password anyway (as Django's ModelBackend does), so the answer takes
        # as long as for an account and its time does not reveal which names exist.
        make_password(password)
        return False
    return user.check_password(password)


def sign_in(request, *, login: str, password: str, now=None) -> SignInOutcome:
    address = client_address(request)
    user = selectors.account_for_sign_in(login)
    account_key, address_key = _account_key(login, user), address or "unknown"
    locked = max(account_lock().locked_for(account_key, now=now),
                 address_lock().locked_for(address_key, now=now))
    if locked:
        audit.record(actor=None, action=AuditAction.SIGN_IN_FAILED, target=user, client_address=address,
                     details={"login": _login_label(login, user), "reason": "locked"})
        return SignInOutcome(error=locked_message(locked), locked=True)

    password_ok = _password_matches(user, password)
    if password_ok and user.is_active:
        account_lock().succeed(account_key)  # the address's failures stay counted
        auth_login(request, user, backend=AUTH_BACKEND)
        audit.record(actor=user, action=AuditAction.SIGN_IN, target=user, client_address=address)
        return SignInOutcome(user=user)
    if password_ok and selectors.pending_registrations().filter(pk=user.pk).exists():
        return SignInOutcome(pending=user)

    audit.record(actor=None, action=AuditAction.SIGN_IN_FAILED, target=user, client_address=address,
                 details={"login": _login_label(login, user), "reason": "credentials"})
    newly_locked = [scope for lock, key, scope in ((account_lock(), account_key, "account"),
                                                   (address_lock(), address_key, "address"))
                    if lock.fail(key, now=now)]
    if newly_locked:
        audit.record(actor=None, action=AuditAction.LOCKED_OUT, target=user, client_address=address,
                     details={"login": _login_label(login, user), "scopes": newly_locked,
                              "minutes": settings.SIGN_IN_LOCK_MINUTES})
        return SignInOutcome(error=locked_message(settings.SIGN_IN_LOCK_MINUTES * 60), locked=True)
    return SignInOutcome(error=_("The username or password is not correct. Check both and try again; "
                                 "both are case-sensitive."))


# ---- sign-in with the password and an SMS code ----------------------------------------------------

def request_sign_in_code(*, login: str, client_address: str | None, language: str | None = None,
                         human_checked: bool = False, now=None) -> User | None:
    """Send a sign-in code to the confirmed mobile number of the account named by username or
    mobile. Returns the account, or None when there is none that can receive a code (the page says
    the same either way). Raises sms_codes.CodeNotSent when the SMS is refused."""
    user = selectors.account_for_sign_in(login)
    if user is None or not user.is_active or user.mobile_verified_at is None or not user.mobile:
        return None
    with transaction.atomic():
        issue_code(phone=user.mobile, purpose=SIGN_IN_CODE, client_address=client_address, now=now,
                   user=user, language=language, human_checked=human_checked)
        audit.record(actor=None, action=AuditAction.SIGN_IN_CODE_REQUESTED, target=user,
                     client_address=client_address)
    return user


def sign_in_with_code(request, *, login: str, user: User | None, password: str, code: str,
                      now=None) -> SignInOutcome:
    """The password and the SMS code together sign in, whatever lock holds the account or the address."""
    address = client_address(request)
    if user is None or not user.is_active:
        _password_matches(None, password)
        audit.record(actor=None, action=AuditAction.SIGN_IN_FAILED, target=user, client_address=address,
                     details={"login": _login_label(login, user), "reason": "sign_in_code"})
        return SignInOutcome(error=wrong_code_message())
    check = verify_code(phone=user.mobile, purpose=SIGN_IN_CODE, code=code, now=now)
    if not check.ok:
        audit.record(actor=None, action=AuditAction.SIGN_IN_FAILED, target=user, client_address=address,
                     details={"login": user.username, "reason": "sign_in_code"})
        return SignInOutcome(error=check.message)
    if not user.check_password(password):
        # The code is used up: each password tried this way costs one SMS code (limited per number).
        audit.record(actor=None, action=AuditAction.SIGN_IN_FAILED, target=user, client_address=address,
                     details={"login": user.username, "reason": "credentials_with_code"})
        return SignInOutcome(error=_("The password is not correct. The code is now used up: ask for a new "
                                     "code and type the password again, or reset your password."))
    account_lock().succeed(_account_key("", user))
    auth_login(request, user, backend=AUTH_BACKEND)
    audit.record(actor=user, action=AuditAction.SIGN_IN, target=user, client_address=address,
                 details={"with": "sms_code"})
    return SignInOutcome(user=user)


def _login_label(login: str, user: User | None) -> str:
    """What was typed, for the audit log — but never a mobile number in clear."""
    if user is not None:
        return user.username
    typed = login.strip()[:150]
    return "(mobile number)" if any(char.isdigit() for char in typed) and len(typed) >= 11 else typed
