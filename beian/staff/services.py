"""Business actions on staff accounts and their second factor, and on the agencies' contact details.
One function per action: keyword-only arguments, an explicit actor, one transaction, an audit entry in
that transaction."""

import datetime
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.accounts.jurisdiction import can_manage_accounts_of
from beian.accounts.models import User
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.models import Agency
from beian.rules import check_office_phone, message_for
from beian.staff.permissions import can_edit_agency_contacts, can_manage_account, creatable_roles

ENROLMENT_DEVICE_NAME = "enrolment"
CONFIRMED_DEVICE_NAME = "authenticator"


@transaction.atomic
def create_staff_account(*, actor: User, username: str, real_name: str, mobile: str, email: str,
                         role: str, agency: Agency | None, password: str,
                         client_address: str | None = None) -> User:
    """Create a police or administrative account. It signs in with `password` and enrols TOTP then."""
    if role not in creatable_roles(actor):
        raise PermissionDenied(f"{actor.role} may not create {role} accounts")
    police = role in User.POLICE_ROLES
    if police and agency is None:
        raise ValueError("police accounts belong to an agency")
    if police and not can_manage_accounts_of(actor, agency):
        raise PermissionDenied("agency outside the actor's scope")
    account = User(username=username, real_name=real_name, mobile=mobile, email=email, role=role,
                   agency=agency if police else None)
    validate_password(password, account)
    account.set_password(password)
    account.save()
    audit.record(actor=actor, action=AuditAction.STAFF_ACCOUNT_CREATED, target=account,
                 client_address=client_address,
                 details={"username": username, "role": role,
                          "agency": agency.code if police else None})
    return account


def _set_active(*, actor: User, account: User, active: bool, action: str, client_address: str | None):
    if not can_manage_account(actor, account):
        raise PermissionDenied("account outside the actor's authority")
    locked = User.objects.select_for_update().get(pk=account.pk)
    if locked.is_active == active:
        return locked  # already done: repeating the request changes nothing and is not audited twice
    locked.is_active = active
    locked.save(update_fields=["is_active"])
    audit.record(actor=actor, action=action, target=locked, client_address=client_address,
                 details={"username": locked.username, "role": locked.role})
    return locked


@transaction.atomic
def deactivate_staff_account(*, actor: User, account: User, client_address: str | None = None) -> User:
    """The account can no longer sign in; an open session ends at its next request (ModelBackend
    refuses inactive users). Nothing is deleted: audit entries keep pointing at the account."""
    return _set_active(actor=actor, account=account, active=False,
                       action=AuditAction.STAFF_ACCOUNT_DEACTIVATED,
                       client_address=client_address)


@transaction.atomic
def reactivate_staff_account(*, actor: User, account: User, client_address: str | None = None) -> User:
    """May raise IntegrityError when another active account took the mobile or e-mail meanwhile."""
    return _set_active(actor=actor, account=account, active=True,
                       action=AuditAction.STAFF_ACCOUNT_REACTIVATED,
                       client_address=client_address)


@transaction.atomic
def reset_second_factor(*, actor: User, account: User, client_address: str | None = None) -> int:
    """Remove the account's authenticator (a lost phone): the next sign-in enrols a new one. The
    password alone never opens a staff page, so this gives nobody access by itself."""
    if not can_manage_account(actor, account):
        raise PermissionDenied("account outside the actor's authority")
    removed, _details = TOTPDevice.objects.filter(user=account).delete()
    if removed:
        audit.record(actor=actor, action=AuditAction.TOTP_RESET, target=account,
                     client_address=client_address, details={"username": account.username})
    return removed


def enrolment_device(user: User) -> TOTPDevice:
    """The unconfirmed device shown on the enrolment page; the same one on every visit, so reloading the
    page does not invalidate a QR code the person has already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=ENROLMENT_DEVICE_NAME).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=False, name=ENROLMENT_DEVICE_NAME)


@dataclass(frozen=True)
class CodeCheck:
    accepted: bool
    locked_until: datetime.datetime | None = None  # set when too many wrong codes ask for a wait
    already_used: bool = False  # the right code of a time step that has already signed someone in


def _check_code(device: TOTPDevice, token: str) -> CodeCheck:
    """Check a code under django-otp's throttle: after each wrong code the next try must wait
    2^(n-1) seconds (OTP_TOTP_THROTTLE_FACTOR), so guessing 10^6 codes is hopeless. A code is good
    once (django-otp keeps the last time step used, last_t): a refused code that was right for that
    step or an earlier one is told apart from a wrong one, so the officer waits for the next code
    instead of checking the phone's clock. It still counts as a failed try."""
    allowed, info = device.verify_is_allowed()
    if not allowed:
        return CodeCheck(False, (info or {}).get("locked_until"))
    if device.verify_token(token):
        return CodeCheck(True)
    return CodeCheck(False, already_used=_was_used_already(device, token))


def _was_used_already(device: TOTPDevice, token: str) -> bool:
    """Whether `token` is the code of a time step within the device's tolerance that is not after
    the last one accepted (the same window verify_token searches, on the other side of last_t)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    for offset in range(-device.tolerance, device.tolerance + 1):
        totp.drift = device.drift + offset
        if totp.t() <= device.last_t and f"{totp.token():0{device.digits}d}" == token:
            return True
    return False


@transaction.atomic
def confirm_enrolment(*, user: User, device_id: int, token: str,
                      client_address: str | None = None) -> tuple[CodeCheck, TOTPDevice | None]:
    """Confirm the enrolment device with a first code. The caller then marks the session verified."""
    device = TOTPDevice.objects.select_for_update().filter(
        pk=device_id, user=user, confirmed=False).first()
    if device is None:
        return CodeCheck(False), None
    check = _check_code(device, token)
    if not check.accepted:
        audit.record(actor=user, action=AuditAction.TOTP_FAILED, target=device, client_address=client_address,
                     details={"step": "enrolment", "throttled": check.locked_until is not None,
                              "already_used": check.already_used})
        return check, None
    device.confirmed = True
    device.name = CONFIRMED_DEVICE_NAME
    device.save(update_fields=["confirmed", "name"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    audit.record(actor=user, action=AuditAction.TOTP_ENROLLED, target=device, client_address=client_address)
    return check, device


@transaction.atomic
def verify_second_factor(*, user: User, token: str,
                         client_address: str | None = None) -> tuple[CodeCheck, TOTPDevice | None]:
    """Check a code against the user's confirmed device. The caller marks the session verified."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        return CodeCheck(False), None
    check = _check_code(device, token)
    action = AuditAction.TOTP_VERIFIED if check.accepted else AuditAction.TOTP_FAILED
    details = {} if check.accepted else {"step": "sign-in", "throttled": check.locked_until is not None,
                                         "already_used": check.already_used}
    audit.record(actor=user, action=action, target=device, client_address=client_address, details=details)
    return check, device if check.accepted else None


# --- agencies' contact details (SPEC §3) --------------------------------------------------------------

AGENCY_CONTACT_FIELDS = ("telephone", "address", "office_hours")


def clean_contact_text(value: str) -> str:
    """Without leading, trailing or repeated spaces (Chinese punctuation stays as typed)."""
    return " ".join((value or "").split())


def clean_telephone(value: str) -> str:
    """Full-width digits and dashes as typed on a Chinese keyboard become plain ones: an SMS shows
    0571-87280000, not ０５７１－８７２８００００."""
    return clean_contact_text(unicodedata.normalize("NFKC", value or ""))


def agency_telephone_error(telephone: str) -> str | None:
    """Why `telephone` cannot be an agency's contact number (the rules for an office telephone: area
    code and number, or a mobile), in the current language; None when it can (or is empty)."""
    if not telephone:
        return None
    problems = check_office_phone(telephone, path="telephone")
    if not problems:
        return None
    if problems[0].rule == "phone.fake":
        # The rule's own text speaks of a person; here applicants must reach an office.
        return gettext("This number does not look real (one repeated digit or a run such as 12345678). "
                       "Enter the number on which applicants can reach the agency.")
    return message_for(problems[0], translation.get_language() or settings.LANGUAGE_CODE)


@transaction.atomic
def update_agency_contacts(*, actor: User, agency: Agency, telephone: str, address: str, office_hours: str,
                           client_address: str | None = None) -> Agency:
    """Set the telephone, address and office hours that applicants are given (the approval SMS gives
    the telephone). Raises PermissionDenied outside the actor's authority and ValidationError (by
    field) for a number that is not a real mainland one. Saving the same values again changes and
    audits nothing."""
    if not can_edit_agency_contacts(actor, agency):
        raise PermissionDenied("agency outside the actor's authority")
    wanted = {"telephone": clean_telephone(telephone), "address": clean_contact_text(address),
              "office_hours": clean_contact_text(office_hours)}
    problem = agency_telephone_error(wanted["telephone"])
    if problem:
        raise ValidationError({"telephone": problem})
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    changes = {field: [getattr(locked, field), value] for field, value in wanted.items()
               if getattr(locked, field) != value}
    if not changes:
        return locked
    for field, (_before, after) in changes.items():
        setattr(locked, field, after)
    # The lengths of the fields, whoever calls (the form says them in its own words first).
    locked.clean_fields(exclude=[f.name for f in Agency._meta.fields if f.name not in changes])
    locked.save(update_fields=list(changes))
    audit.record(actor=actor, action=AuditAction.AGENCY_CONTACTS_CHANGED, target=locked,
                 client_address=client_address, details={"agency": locked.code, "changes": changes})
    return locked
