"""Account actions: registration, activation, e-mail confirmation, passwords (SPEC §4.1, §8).

Sign-in and its lock-out are in signin.py; SMS codes in sms_codes.py. Each action is one
transaction with its audit entry; messages are queued inside it and delivered after commit.

Registration never tells an anonymous visitor whether a username, mobile number or e-mail address
already belongs to an account (ADR 0095): the form is accepted either way and the visitor sees the
same code page. A number with an account gets a notice instead of the code, an address with an
account a notice by e-mail; a username or address that cannot be used is asked for again only once
the visitor has confirmed their own mobile number with the code.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beian.accounts import messaging, selectors
from beian.accounts.models import User, VerificationCode
from beian.accounts.signin import account_lock
from beian.accounts.sms_codes import issue_code, verify_code
from beian.core import audit, ratelimit
from beian.core.audit_actions import AuditAction

EMAIL_TOKEN_SALT = "beian.accounts.email-confirmation"
# A registration whose username was taken waits under a name nobody can choose (the form allows
# letters, digits and "_" only) until its owner has confirmed the code and chosen another one.
PROVISIONAL_USERNAME_PREFIX = "+pending-"
# Notices to the holder of an e-mail address that someone used to register: at most this many.
REGISTRATION_NOTICE_EMAIL_LIMITS = [ratelimit.Limit(1, 3600), ratelimit.Limit(3, 86400)]


class AccountError(Exception):
    """A refusal with a message for the person (already translated)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class RegistrationIncomplete(AccountError):
    """The mobile number is confirmed, but `fields` ("username", "email") hold a value that another
    account has: the person chooses them again (views.registration.complete_registration)."""

    def __init__(self, fields: list[str], user: User | None = None):
        super().__init__(_("Your mobile number is confirmed. One more step: choose what cannot be used."))
        self.fields = fields
        self.user = user  # the pending account, for a caller that did not have it yet


def is_provisional_username(username: str) -> bool:
    return username.startswith(PROVISIONAL_USERNAME_PREFIX)


# ---- registration -------------------------------------------------------------------------------

def register_applicant(*, username: str, password: str, real_name: str, mobile: str, email: str,
                       client_address: str | None, language: str | None = None, now=None,
                       human_checked: bool = False, code_sent: bool = False) -> User:
    """An inactive applicant account, and an SMS to confirm the mobile number — the same answer
    whether or not the username, number or address already has an account (see the module text).
    Raises sms_codes.CodeNotSent (nothing is created) when the SMS is refused by a limit."""
    now = now or timezone.now()
    with transaction.atomic():
        # A registration never confirmed for a day no longer reserves its username (ADR 0021).
        _delete_registrations(selectors.stale_pending_registrations(now=now).filter(username__iexact=username))
        user = User(username=username, real_name=real_name, mobile=mobile, email=email,
                    role=User.Role.APPLICANT, is_active=False, date_joined=now)
        user.set_password(password)
        if selectors.username_is_taken(username, now=now) or not _saved(user):
            user.username = f"{PROVISIONAL_USERNAME_PREFIX}{secrets.token_hex(8)}"
            user.save()
        # The visitor is not an account holder yet: no actor, the account is the target.
        audit.record(actor=None, action=AuditAction.ACCOUNT_REGISTERED, target=user,
                     client_address=client_address, details={"username": username})
        if not code_sent:  # with the "get a code" button the code went out before the form (ADR 0112)
            _send_registration_sms(user.mobile, client_address=client_address, language=language, now=now,
                                   human_checked=human_checked)
        email_holder = selectors.active_account_with_email(email)
        if email_holder is not None and ratelimit.hit(f"registration-notice:email:{email.lower()}",
                                                      REGISTRATION_NOTICE_EMAIL_LIMITS, now=now).allowed:
            messaging.send_registration_attempt_email(email=email_holder.email, owner=email_holder,
                                                      language=language)
    return user


def _saved(user: User) -> bool:
    """Save a new account; False when its username was taken meanwhile (the unique index refused)."""
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        return False
    return True


def _send_registration_sms(mobile: str, *, client_address: str | None, language: str | None, now,
                           human_checked: bool) -> None:
    """The code to a number without an account; to a number with one, a notice to its holder instead
    (and a code nobody knows, so the code page behaves the same). Limits count both alike."""
    holder = selectors.active_account_with_mobile(mobile)
    issue_code(phone=mobile, purpose=VerificationCode.Purpose.REGISTRATION,
               client_address=client_address, now=now, language=language, human_checked=human_checked,
               deliver=holder is None)
    if holder is not None:
        messaging.send_registration_attempt_sms(phone=mobile, owner=holder, language=language)


def send_registration_code(*, mobile: str, client_address: str | None, language: str | None = None,
                           now=None) -> None:
    """The "get a code" button of the registration form (ADR 0112): the code before the form, after the
    human check its request answered, within the same limits and with the same answer whether or not
    the number has an account. Raises sms_codes.CodeNotSent when a limit refuses it."""
    with transaction.atomic():
        _send_registration_sms(mobile, client_address=client_address, language=language,
                               now=now or timezone.now(), human_checked=True)


def register_with_code(*, username: str, password: str, real_name: str, mobile: str, email: str, code: str,
                       client_address: str | None, email_link_base: str, language: str | None = None,
                       now=None) -> User:
    """Registration in one step: the code from the button is checked first, so a wrong code creates
    nothing (and counts against the code's attempts); a right one creates the account and activates it.
    Raises AccountError for a wrong code, RegistrationIncomplete like activate_account."""
    now = now or timezone.now()
    # Outside the transaction below: a wrong code must stay counted.
    check = verify_code(phone=mobile, purpose=VerificationCode.Purpose.REGISTRATION, code=code, now=now)
    if not check.ok:
        raise AccountError(check.message)
    user = register_applicant(username=username, password=password, real_name=real_name, mobile=mobile,
                              email=email, client_address=client_address, language=language, now=now,
                              code_sent=True)
    try:
        return _activate(user=user, client_address=client_address, email_link_base=email_link_base,
                         language=language, now=now)
    except RegistrationIncomplete as incomplete:
        raise RegistrationIncomplete(incomplete.fields, user=user) from incomplete


def resend_registration_code(*, user: User, client_address: str | None, language: str | None = None,
                             now=None, human_checked: bool = False) -> None:
    if user.is_active:
        raise AccountError(_("This account is already active. Sign in."))
    with transaction.atomic():
        _send_registration_sms(user.mobile, client_address=client_address, language=language,
                               now=now or timezone.now(), human_checked=human_checked)


def activate_account(*, user: User, code: str, client_address: str | None, email_link_base: str,
                     language: str | None = None, now=None) -> User:
    """Confirm the mobile number with the SMS code: the account becomes active, older unconfirmed
    registrations with the same mobile or e-mail are removed, and the e-mail link is sent.
    Raises AccountError for a wrong code, RegistrationIncomplete (the code is then used) when the
    username or e-mail address must be chosen again."""
    now = now or timezone.now()
    # Outside the transaction below: a wrong code must stay counted even when activation fails.
    check = verify_code(phone=user.mobile, purpose=VerificationCode.Purpose.REGISTRATION, code=code, now=now)
    if not check.ok:
        raise AccountError(check.message)
    return _activate(user=user, client_address=client_address, email_link_base=email_link_base,
                     language=language, now=now)


def complete_registration(*, user: User, username: str = "", email: str = "", client_address: str | None,
                          email_link_base: str, language: str | None = None, now=None) -> User:
    """After the code confirmed the mobile number (the caller keeps that proof): activate with the
    username and/or e-mail address chosen again. Raises RegistrationIncomplete while one cannot be used."""
    return _activate(user=user, username=username, email=email, client_address=client_address,
                     email_link_base=email_link_base, language=language, now=now or timezone.now())


def _details_to_choose_again(user: User, now) -> list[str]:
    fields = []
    if is_provisional_username(user.username) or selectors.username_is_taken(user.username, now=now,
                                                                             exclude=user):
        fields.append("username")
    if selectors.active_account_with_email(user.email) is not None:
        fields.append("email")
    return fields


def _activate(*, user: User, client_address: str | None, email_link_base: str, language: str | None, now,
              username: str = "", email: str = "") -> User:
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if user.is_active:
            return user
        if selectors.active_account_with_mobile(user.mobile) is not None:
            raise AccountError(_("Meanwhile another account was activated with this mobile number. "
                                 "Sign in to that account, or register with another number."))
        if username:
            _delete_registrations(selectors.stale_pending_registrations(now=now)
                                  .filter(username__iexact=username).exclude(pk=user.pk))
            user.username = username
        user.email = email or user.email
        missing = _details_to_choose_again(user, now)
        if missing:
            raise RegistrationIncomplete(missing)
        _delete_registrations(selectors.superseded_registrations(user))
        user.is_active = True
        user.mobile_verified_at = now
        try:
            with transaction.atomic():
                user.save(update_fields=["username", "email", "is_active", "mobile_verified_at"])
        except IntegrityError as taken:  # another account took the name or address this instant
            raise RegistrationIncomplete(_details_to_choose_again(user, now) or ["username"]) from taken
        audit.record(actor=user, action=AuditAction.ACCOUNT_ACTIVATED, target=user,
                     client_address=client_address)
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
        minutes = max(1, -(-verdict.retry_after // 60))
        raise AccountError(ngettext(
            "A confirmation e-mail was sent a moment ago. You can ask for a new one in %(count)d minute.",
            "A confirmation e-mail was sent a moment ago. You can ask for a new one in %(count)d minutes.",
            minutes) % {"count": minutes})
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
            audit.record(actor=user, action=AuditAction.EMAIL_VERIFIED, target=user,
                         client_address=client_address)
    return user


# ---- passwords ----------------------------------------------------------------------------------

def change_password(*, user: User, new_password: str, client_address: str | None) -> None:
    """The signed-in person chose a new password (the form checked the current one and the policy)."""
    with transaction.atomic():
        user.set_password(new_password)
        user.save(update_fields=["password"])
        audit.record(actor=user, action=AuditAction.PASSWORD_CHANGED, target=user,
                     client_address=client_address)


def request_password_reset(*, login: str, client_address: str | None, language: str | None = None,
                           now=None, human_checked: bool = False) -> User | None:
    """Send a reset code to the confirmed mobile of the account named by username or mobile.
    Returns the account, or None when there is none (the page says the same either way)."""
    user = selectors.account_for_sign_in(login)
    if user is None or not user.is_active or user.mobile_verified_at is None or not user.mobile:
        return None
    with transaction.atomic():
        issue_code(phone=user.mobile, purpose=VerificationCode.Purpose.PASSWORD_RESET,
                   client_address=client_address, now=now, user=user, language=language,
                   human_checked=human_checked)
        audit.record(actor=None, action=AuditAction.PASSWORD_RESET_REQUESTED, target=user,
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
        audit.record(actor=user, action=AuditAction.PASSWORD_RESET, target=user,
                     client_address=client_address)
    account_lock().succeed(f"user:{user.pk}")
