"""The person's rights (PIPL art. 45 and 47; ADR 0103): a copy of one's data, closing one's account.
One function per action: keyword-only, an explicit actor, one transaction with its audit entry, the
side effects (the background build, the SMS) after commit."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from beian.accounts.models import User
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.data_rights import exports, selectors
from beian.data_rights.models import DataExport
from beian.data_rights.tasks import build_data_export
from beian.notifications import services as notifications

# A closed account keeps its row (filings, decisions and the audit log point at it) under a name
# nobody can choose (the registration form allows letters, digits and "_"), which frees the old one.
CLOSED_USERNAME_PREFIX = "+closed-"


class RightsRefused(Exception):
    """A refusal with a message for the person (already translated) and, for a closure, its reasons."""

    def __init__(self, message: str, reasons: list[str] | None = None):
        super().__init__(message)
        self.message = message
        self.reasons = reasons or []


# ---- a copy of one's data ---------------------------------------------------------------------------

def request_data_export(*, actor: User, client_address: str | None, now=None) -> DataExport:
    """Queue a copy of everything the platform holds about `actor`; it is built in the background.
    Refused while one is being prepared, and beyond settings.DATA_EXPORT_REQUESTS_PER_DAY a day."""
    if actor.role != User.Role.APPLICANT:
        raise RightsRefused(_("Only applicant accounts can ask for a copy of their data here."))
    now = now or timezone.now()
    exports.delete_expired_exports(now=now, owner=actor)
    with transaction.atomic():
        User.objects.select_for_update().get(pk=actor.pk)  # one request at a time per account
        mine = selectors.exports_of(actor)
        if mine.filter(status__in=DataExport.IN_PROGRESS).exists():
            raise RightsRefused(_("A copy of your data is being prepared. This page shows it when it is "
                                  "ready."))
        limit = settings.DATA_EXPORT_REQUESTS_PER_DAY
        if mine.filter(requested_at__gt=now - datetime.timedelta(days=1)).count() >= limit:
            raise RightsRefused(ngettext(
                "You can ask for %(count)d copy of your data a day. Download the one you have, or ask "
                "again tomorrow.",
                "You can ask for %(count)d copies of your data a day. Download the one you have, or ask "
                "again tomorrow.", limit) % {"count": limit})
        export = DataExport.objects.create(owner=actor, requested_at=now)
        audit.record(actor=actor, action=AuditAction.PERSONAL_DATA_EXPORT_REQUESTED, target=export,
                     client_address=client_address)
        transaction.on_commit(lambda: _enqueue_build(export.pk), robust=True)
    return export


def _enqueue_build(export_id: int) -> None:
    build_data_export.enqueue(export_id)


def record_download(*, actor: User, export: DataExport, client_address: str | None, now=None) -> None:
    """Audit one download of the account's own copy; refused once the link has expired."""
    if export.owner_id != actor.pk:
        raise RightsRefused(_("This copy is not yours."))
    if not export.is_downloadable(now or timezone.now()):
        raise RightsRefused(_("This link has expired. Ask for a new copy of your data."))
    with transaction.atomic():
        audit.record(actor=actor, action=AuditAction.PERSONAL_DATA_DOWNLOADED, target=export,
                     client_address=client_address, details={"size": export.size})


# ---- closing one's account --------------------------------------------------------------------------

def close_account(*, actor: User, password: str, client_address: str | None, now=None) -> User:
    """Close the applicant's own account: refused, with the reasons, while a filing is active.
    Otherwise the account can no longer sign in, its username, mobile number and e-mail address are
    freed (the person may register again), ready copies of data are deleted, and an SMS confirms.
    What the filings and the logs hold stays until the retention rules remove it (ADR 0103)."""
    if actor.role != User.Role.APPLICANT:
        raise RightsRefused(_("Staff accounts are deactivated by their administrator, never closed."))
    if not actor.check_password(password):
        raise RightsRefused(_("The password is not correct. Type the password you sign in with."))
    now = now or timezone.now()
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=actor.pk)
        if not user.is_active:
            raise RightsRefused(_("This account is already closed."))
        reasons = selectors.closure_blockers(user)
        if reasons:
            raise RightsRefused(_("Your account cannot be closed while a filing is active. Wait for the "
                                  "police's decision, or cancel the filing of your websites first."), reasons)
        username, mobile = user.username, user.mobile
        if mobile:
            # Written now (with its inbox twin), sent after commit: the number is cleared below.
            notifications.send_sms(to=mobile, template="account_closed", context={"username": username},
                                   user=user)
        exports.expire_all_of(user)
        user.username = f"{CLOSED_USERNAME_PREFIX}{user.pk}"
        user.mobile, user.email = "", ""
        user.is_active, user.closed_at = False, now
        user.set_unusable_password()
        user.save(update_fields=["username", "mobile", "email", "is_active", "closed_at", "password"])
        audit.record(actor=user, action=AuditAction.ACCOUNT_CLOSED, target=user,
                     client_address=client_address, details={"username": username})
    return user
