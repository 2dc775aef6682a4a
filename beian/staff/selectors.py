"""Reads that apply the reader's scope: staff accounts an administrator may see, agencies and their
contact details, the audit log."""

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.core.models import Agency, AuditEntry, AuditHeadExport

Role = User.Role


def staff_accounts_visible_to(actor: User) -> QuerySet[User]:
    """Security administrator: every staff account. Supervisor: the reviewers and supervisors of
    their agency and the agencies below it. Nobody else (and applicants never appear here)."""
    staff = User.objects.filter(role__in=User.STAFF_ROLES).select_related("agency")
    if actor.role == Role.SECURITY_ADMINISTRATOR:
        return staff
    if actor.role == Role.SUPERVISOR:
        return staff.filter(role__in=User.POLICE_ROLES, agency__in=agencies_in_scope(actor))
    return User.objects.none()


def staff_account_for(actor: User, pk: int) -> User:
    """One account the actor may see, or 404."""
    return get_object_or_404(staff_accounts_visible_to(actor), pk=pk)


def agencies_for_new_accounts(actor: User) -> QuerySet[Agency]:
    """Agencies the actor may put a new police account in."""
    if actor.role == Role.SECURITY_ADMINISTRATOR:
        return Agency.objects.filter(active=True)
    if actor.role == Role.SUPERVISOR:
        return agencies_in_scope(actor).filter(active=True)
    return Agency.objects.none()


def search_agencies(actor: User, text: str, limit: int = 10) -> list[Agency]:
    """Agencies matching a code prefix or part of a name, within what the actor may use."""
    text = text.strip()
    if not text:
        return []
    condition = Q(code__startswith=text) | Q(name_zh__icontains=text) | Q(name_en__icontains=text)
    return list(agencies_for_new_accounts(actor).filter(condition).order_by("code")[:limit])


def agencies_known_to(actor: User) -> QuerySet[Agency]:
    """Agencies whose contact page the actor may learn exists: the system administrator every agency,
    a supervisor those of their jurisdiction (whether they may edit one is can_edit_agency_contacts)."""
    if actor.role == Role.SYSTEM_ADMINISTRATOR:
        return Agency.objects.all()
    if actor.role == Role.SUPERVISOR:
        return agencies_in_scope(actor)
    return Agency.objects.none()


def agency_for_contacts(actor: User, code: str) -> Agency:
    """One agency by its code, or 404 when the actor may not know about it."""
    return get_object_or_404(agencies_known_to(actor).select_related("parent"), code=code)


def agency_directory(actor: User, *, text: str = "", without_telephone: bool = False) -> QuerySet[Agency]:
    """The agencies' contact details for the system administrator's list: a code prefix or part of a
    name narrows it; `without_telephone` keeps the active agencies whose approval messages go out
    without a number."""
    agencies = agencies_known_to(actor).order_by("code")
    text = text.strip()
    if text:
        agencies = agencies.filter(Q(code__startswith=text) | Q(name_zh__icontains=text)
                                   | Q(name_en__icontains=text))
    if without_telephone:
        agencies = agencies.filter(telephone="", active=True)
    return agencies


def agencies_without_telephone(actor: User) -> QuerySet[Agency]:
    """Active agencies of the actor's jurisdiction that have no contact telephone yet."""
    return agencies_in_scope(actor).filter(telephone="", active=True).order_by("code")


def audit_entries(*, action: str = "", actor: str = "", since: datetime.date | None = None,
                  until: datetime.date | None = None, tz: datetime.tzinfo) -> QuerySet[AuditEntry]:
    """The audit log, newest first, filtered. Dates are local (China Standard Time) calendar days."""
    entries = AuditEntry.objects.order_by("-id")
    if action:
        entries = entries.filter(action=action)
    if actor:
        entries = entries.filter(actor_label=actor)
    if since:
        entries = entries.filter(created_at__gte=datetime.datetime.combine(since, datetime.time.min, tz))
    if until:
        next_day = until + datetime.timedelta(days=1)
        entries = entries.filter(created_at__lt=datetime.datetime.combine(next_day, datetime.time.min, tz))
    return entries


def audit_actions() -> list[str]:
    return list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct())


def accounts_without_authenticator(actor: User) -> QuerySet[User]:
    """Active staff accounts the actor administers that have not set up their authenticator yet: they
    cannot work until they do (the first sign-in asks them to)."""
    confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return staff_accounts_visible_to(actor).filter(is_active=True).exclude(Exists(confirmed))


def audit_export_state() -> dict:
    """When the newest entry covered by an exported chain head was recorded, and how many entries
    came after it (the next periodic export covers them): two indexed reads."""
    export = AuditHeadExport.objects.filter(last_exported_id__isnull=False).first()
    if export is None:
        return {"last_exported_at": None, "not_yet_exported": AuditEntry.objects.count()}
    last = AuditEntry.objects.filter(pk=export.last_exported_id).values_list("created_at", flat=True).first()
    return {"last_exported_at": last,
            "not_yet_exported": AuditEntry.objects.filter(pk__gt=export.last_exported_id).count()}
