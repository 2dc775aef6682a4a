"""Account actions: registration, activation, e-mail confirmation, passwords (SPEC §4.1, §8).

Sign-in and its lock-out are in signin.py; SMS codes in sms_codes.py. Each action is one
transaction with its audit entry; messages are queued inside it and delivered after commit.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from beian.accounts import messaging, selectors
from beian.accounts.models import User, VerificationCode
from beian.accounts.signin import account_lock
from beian.accounts.sms_codes import issue_code, verify_code, wait_message
from beian.core import audit, ratelimit

EMAIL_TOKEN_SALT = "beian.accounts.email-confirmation"


class AccountError(Exception):
    """A refusal with a message for the person (already translated)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ---- registration -------------------------------------------------------------------------------

def register_applicant(*, username: str, password: str, real_name: str, mobile: str, email: str,
                       client_address: str | None, language: str | None = None, now=None) -> User:
    """An inactive applicant account, and a code by SMS to confirm the mobile number.
    Raises sms_codes.CodeNotSent (nothing is created) when codes for this number or address are
    rate limited."""
    now = now or timezone.now()
    with transaction.atomic():
        # A registration never confirmed for a day no longer reserves its username (ADR 0021).
        _delete_registrations(selectors.stale_pending_registrations(now=now).filter(username__iexact=username))
        user = User(username=username, real_name=real_name, mobile=mobile, email=email,
                    role=User.Role.APPLICANT, is_active=False, date_joined=now)
        user.set_password(password)
        user.save()
        # The visitor is not an account holder yet: no actor, the account is the target.
        audit.record(actor=None, action="account_registered", target=user, client_address=client_address,
                     details={"username": username})
        issue_code(phone=mobile, purpose=VerificationCode.Purpose.REGISTRATION, client_address=client_address,
                   now=now, language=language)
    return user


def resend_registration_code(*, user: User, client_address: str | None, language: str | None = None,
                             now=None) -> None:
    if user.is_active:
        raise AccountError(_("This account is already active. Sign in."))
    issue_code(phone=user.mobile, purpose=VerificationCode.Purpose.REGISTRATION,
               client_address=client_address, now=now, language=language)


def activate_account(*, user: User, code: str, client_address: str | None, email_link_base: str,
                     language: str | None = None, now=None) -> User:
    """Confirm the mobile number with the SMS code: the account becomes active, older unconfirmed
    registrations with the same mobile or e-mail are removed, and the e-mail link is sent."""
    now = now or timezone.now()
    # Outside the transaction below: a wrong code must stay counted even when activation fails.
    check = verify_code(phone=user.mobile, purpose=VerificationCode.Purpose.REGISTRATION, code=code, now=now)
    if not check.ok:
        raise AccountError(check.message)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.is_active:
            return user
        if selectors.active_account_with_mobile(user.mobile) is not None:
            raise AccountError(_("Meanwhile another account was activated with this mobile number. "
                                 "Sign in to that account, or register with another number."))
        if selectors.active_account_with_email(user.email) is not None:
            raise AccountError(_("Meanwhile another account was activated with this e-mail address. "
                                 "Register again with another address."))
        _delete_registrations(selectors.superseded_registrations(user))
        user.is_active = True
        user.mobile_verified_at = now
        user.save(update_fields=["is_active", "mobile_verified_at"])
        audit.record(actor=user, action="account_activated", target=user, client_address=client_address)
        _queue_email_confirmation(user, email_link_base, language)
    return user


def _delete_registrations(queryset) -> None:
    for pending in queryset:
        try:
            with transaction.atomic():
                pending.delete()
        except ProtectedError:
            pass  # something refers to it: it stays, inactive, and reserves nothing but its username


# ---- e-mail confirmation ------------------------------------------------------------------------

def email_token(user: User, *, now=None) -> str:
    # The time of issue is inside the signed payload (not signing's own clock), so tests can travel.
    issued = int((now or timezone.now()).timestamp())
    return signing.dumps({"user": user.pk, "email": user.email, "at": issued}, salt=EMAIL_TOKEN_SALT,
                         compress=True)


def _queue_email_confirmation(user: User, link_base: str, language: str | None) -> None:
    messaging.send_email_confirmation(
        email=user.email, real_name=user.real_name, link=f"{link_base}?token={email_token(user)}",
        days=settings.EMAIL_CONFIRMATION_DAYS, language=language)


def send_email_confirmation(*, user: User, email_link_base: str, language: str | None = None) -> None:
    if user.email_verified_at is not None:
        raise AccountError(_("Your e-mail address is already confirmed."))
    verdict = ratelimit.hit(f"email-confirmation:{user.pk}",
                            [ratelimit.Limit(1, 60), ratelimit.Limit(5, 86400)])
    if not verdict.allowed:
        raise AccountError(wait_message(verdict.retry_after))
    with transaction.atomic():
        _queue_email_confirmation(user, email_link_base, language)


def confirm_email(*, token: str, client_address: str | None, now=None) -> User:
    """Mark the e-mail address confirmed; the link works for EMAIL_CONFIRMATION_DAYS days."""
    now = now or timezone.now()
    max_age = settings.EMAIL_CONFIRMATION_DAYS * 86400
    try:
        payload = signing.loads(token, salt=EMAIL_TOKEN_SALT)
    except signing.BadSignature as bad:
        raise AccountError(_("This link is not valid. Copy the whole link from the e-mail, or sign in "
                             "and ask for a new one on your account page.")) from bad
    if not isinstance(payload, dict) or now.timestamp() - int(payload.get("at", 0)) > max_age:
        raise AccountError(_("This link has expired. Sign in and ask for a new confirmation e-mail "
                             "on your account page."))
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=payload.get("user"), is_active=True).first()
        if user is None or user.email.lower() != str(payload.get("email", "")).lower():
            raise AccountError(_("This link is for an address that is no longer on the account. "
                                 "Sign in and ask for a new confirmation e-mail."))
        if user.email_verified_at is None:
            user.email_verified_at = now
            user.save(update_fields=["email_verified_at"])
            audit.record(actor=user, action="email_verified", target=user, client_address=client_address)
    return user


# ---- passwords ----------------------------------------------------------------------------------

def change_password(*, user: User, new_password: str, client_address: str | None) -> None:
    """The signed-in person chose a new password (the form checked the current one and the policy)."""
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        audit.record(actor=user, action="password_changed", target=user, client_address=client_address)


def request_password_reset(*, login: str, client_address: str | None, language: str | None = None,
                           now=None) -> User | None:
    """Send a reset code to the confirmed mobile of the account named by username or mobile.
    Returns the account, or None when there is none (the page says the same either way)."""
    user = selectors.account_for_sign_in(login)
    if user is None or not user.is_active or user.mobile_verified_at is None or not user.mobile:
        return None
    with transaction.atomic():
        issue_code(phone=user.mobile, purpose=VerificationCode.Purpose.PASSWORD_RESET,
                   client_address=client_address, now=now, user=user, language=language)
        audit.record(actor=None, action="password_reset_requested", target=user,
                     client_address=client_address)
    return user


def reset_password(*, user: User | None, code: str, new_password: str, client_address: str | None,
                   now=None) -> None:
    """Set a new password with the SMS code; other sessions of the account end (their session hash
    no longer matches) and a sign-in lock-out of the account is lifted."""
    if user is None:
        # No account matched: answer like a wrong code, so the page does not reveal which is the case.
        raise AccountError(_("The code is not correct. Check the SMS and type the 6 digits again."))
    check = verify_code(phone=user.mobile, purpose=VerificationCode.Purpose.PASSWORD_RESET, code=code,
                        now=now)
    if not check.ok:
        raise AccountError(check.message)
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        audit.record(actor=user, action="password_reset", target=user, client_address=client_address)
    account_lock().succeed(f"user:{user.pk}")
