"""Proving again, inside a signed-in session, that the person at the keyboard owns the account
(SPEC §8): before an owner sees a full certificate number, they type their password once more.

Wrong passwords are counted like failed sign-ins (beian.core.ratelimit.FailureLock, the same number
of tries and lock-out minutes) but on a lock of their own, so that someone at an unattended
session cannot lock the owner out of signing in, and a lock-out of sign-in does not block this.
A success grants a short, named permission kept server-side in the session (`grant` /
`granted_until`); it expires by itself after OWNER_REVEAL_MINUTES.
"""

import datetime
import math
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.http import client_address
from beian.core.ratelimit import FailureLock

SESSION_KEY = "reauth_grants"


def password_lock() -> FailureLock:
    return FailureLock("reauth:account", settings.SIGN_IN_MAX_FAILURES, settings.SIGN_IN_LOCK_MINUTES * 60)


@dataclass(frozen=True)
class Confirmation:
    ok: bool
    error: str = ""
    locked: bool = False


def _locked_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many wrong passwords in a row. Try again in %(count)d minute.",
        "Too many wrong passwords in a row. Try again in %(count)d minutes.",
        minutes) % {"count": minutes}


def confirm_password(request, password: str, *, purpose: str, now=None) -> Confirmation:
    """Check the signed-in user's password; every failure is audited and counted."""
    user, address = request.user, client_address(request)
    lock, key = password_lock(), f"user:{user.pk}"
    locked = lock.locked_for(key, now=now)
    if locked:
        audit.record(actor=user, action=AuditAction.REAUTH_FAILED, target=user, client_address=address,
                     details={"purpose": purpose, "reason": "locked"})
        return Confirmation(ok=False, error=_locked_message(locked), locked=True)
    if password and user.check_password(password):
        lock.succeed(key)
        return Confirmation(ok=True)
    audit.record(actor=user, action=AuditAction.REAUTH_FAILED, target=user, client_address=address,
                 details={"purpose": purpose, "reason": "password"})
    if lock.fail(key, now=now):
        audit.record(actor=user, action=AuditAction.LOCKED_OUT, target=user, client_address=address,
                     details={"scopes": ["reauth"], "minutes": settings.SIGN_IN_LOCK_MINUTES})
        return Confirmation(ok=False, error=_locked_message(settings.SIGN_IN_LOCK_MINUTES * 60), locked=True)
    return Confirmation(ok=False, error=_("The password is not correct. Type the password you sign in "
                                          "with; it is case-sensitive."))


def grant(request, name: str, *, now=None) -> datetime.datetime:
    """Allow `name` in this session for OWNER_REVEAL_MINUTES; returns when the permission ends."""
    until = (now or timezone.now()) + datetime.timedelta(minutes=settings.OWNER_REVEAL_MINUTES)
    grants = {key: value for key, value in request.session.get(SESSION_KEY, {}).items()
              if value > (now or timezone.now()).timestamp()}
    grants[name] = until.timestamp()
    request.session[SESSION_KEY] = grants
    return until


def granted_until(request, name: str, *, now=None) -> datetime.datetime | None:
    """When the permission `name` ends, or None when it was never given or has ended."""
    until = request.session.get(SESSION_KEY, {}).get(name)
    if until is None or until <= (now or timezone.now()).timestamp():
        return None
    return datetime.datetime.fromtimestamp(until, tz=datetime.UTC)
