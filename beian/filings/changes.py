"""Changes of filing information (SPEC §4.5): a change is a WebsiteApplication of kind "change" that
starts as a copy of the filed answers, goes through the same wizard, rules and review, and on approval
becomes the website's data — the record number and the public record stay what they were meanwhile.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from beian.accounts.models import User
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.plugins import Registry
from beian.filings.checks import held_domain_names
from beian.filings.listing import listing_of
from beian.filings.models import (
    ApplicationPreApproval,
    DomainHold,
    LeaderDocument,
    Website,
    WebsiteApplication,
    WebsiteDomain,
    WebsiteLeader,
)
from beian.filings.snapshots import answers_snapshot
from beian.notifications.services import notify_account
from beian.review.services import ReviewActionRefused, record_decision

Status = WebsiteApplication.Status
OPEN_STATES = (Status.DRAFT, Status.RETURNED, *WebsiteApplication.UNDER_REVIEW)
_COPIED_FIELDS = ("name", "home_url", "has_own_domain", "ips", "icp_number", "opened_on", "access_provider",
                  "access_provider_region", "registrar", "hosting", "service_types", "interactive",
                  "interactive_services", "controlled_goods", "languages")
_LEADER_FIELDS = ("role", "same_as_person_in_charge", "name", "certificate_type",
                  "certificate_number_encrypted", "certificate_hash", "mobile", "office_phone", "email")

# Requests of apps built on filings that keep a change of a website from starting or being submitted
# while they wait for the police (a cancellation): each maps a website to the refusal's message, or
# None. Registered from AppConfig.ready (by app label), so that filings need not know those apps.
change_blockers: Registry[Callable[[Website], str | None]] = Registry("change blockers")


def change_blocked(website: Website) -> str | None:
    """Why no change of this filed website may start or be submitted now, or None."""
    if website.status != Website.Status.FILED:
        return _("This website's filing is cancelled; it cannot be changed.")
    for blocker in change_blockers:
        message = blocker(website)
        if message:
            return message
    return None


class ChangeRefused(Exception):
    """A change cannot be started now; the message says why and what to do."""


def open_change_of(website: Website, states=OPEN_STATES) -> WebsiteApplication | None:
    return (WebsiteApplication.objects.filter(website=website, kind=WebsiteApplication.Kind.CHANGE,
                                              status__in=states).first())


@transaction.atomic
def start_change(*, actor, website: Website) -> WebsiteApplication:
    """A change draft of the actor's filed website, prefilled with the filed answers."""
    if getattr(actor, "role", None) != User.Role.APPLICANT:
        raise PermissionDenied
    website = Website.objects.select_for_update().filter(pk=website.pk, sponsor__owner=actor).first()
    if website is None:
        raise Website.DoesNotExist
    blocked = change_blocked(website)
    if blocked:
        raise ChangeRefused(blocked)
    if open_change_of(website) is not None:
        raise ChangeRefused(_("A change of this website is already open. Continue that one: see "
                              "filings under review."))
    filed = website.data_application
    change = WebsiteApplication.objects.create(
        owner=actor, sponsor=website.sponsor, kind=WebsiteApplication.Kind.CHANGE, website=website,
        base_snapshot=answers_snapshot(filed), **{name: getattr(filed, name) for name in _COPIED_FIELDS})
    _copy_answers(filed, change)
    audit.record(actor=actor, action=AuditAction.WEBSITE_CHANGE_STARTED, target=change,
                 details={"website": website.pk, "record_number": website.record_number})
    return change


def _copy_file(field_file, target_field) -> None:
    with field_file.open("rb") as stored:
        target_field.save("upload", ContentFile(stored.read()), save=False)


def _copy_answers(filed: WebsiteApplication, change: WebsiteApplication) -> None:
    """Domains, pre-approvals, leaders and documents; stored files are copied, never shared, so that
    replacing a file in the change cannot touch the filed one."""
    WebsiteDomain.objects.bulk_create([WebsiteDomain(application=change, display=domain.display,
                                                     position=domain.position)
                                       for domain in filed.domains.all()])
    for declared in filed.pre_approvals.all():
        copy = ApplicationPreApproval(application=change, pre_approval_id=declared.pre_approval_id,
                                      document_number=declared.document_number,
                                      scan_content_type=declared.scan_content_type)
        if declared.scan:
            _copy_file(declared.scan, copy.scan)
        copy.save()
    WebsiteLeader.objects.bulk_create([
        WebsiteLeader(application=change, **{name: getattr(leader, name) for name in _LEADER_FIELDS})
        for leader in filed.leaders.all()])
    for document in filed.leader_documents.all():
        copy = LeaderDocument(application=change, kind=document.kind, content_type=document.content_type,
                              size=document.size)
        _copy_file(document.file, copy.file)
        copy.save()
    if filed.security_scheme:
        change.security_scheme_type = filed.security_scheme_type
        _copy_file(filed.security_scheme, change.security_scheme)
        change.save()


def apply_change(*, actor, application: WebsiteApplication, now) -> Website:
    """Inside the approval's transaction: the approved change becomes the website's data; the domains
    it dropped are free again, the ones it kept or added are held by it."""
    website = Website.objects.select_for_update().get(pk=application.website_id)
    if website.status != Website.Status.FILED:  # raising rolls the whole approval back
        raise ReviewActionRefused(_("The filing of this website has been cancelled meanwhile; the "
                                    "change cannot be applied. Return it to the applicant."))
    previous = website.current_application_id or website.application_id
    kept = set(application.holds.values_list("name", flat=True))
    names = set(held_domain_names(application.domain_list))
    DomainHold.objects.filter(application_id=previous).exclude(name__in=names).delete()
    DomainHold.objects.filter(application_id=previous, name__in=names - kept).update(application=application)
    website.name, website.domains = application.name, application.domain_list
    website.interactive, website.current_application = bool(application.interactive), application
    website.save()
    record_decision(subject=application, actor=actor, action="approved", to_status=application.status,
                    closes=True, listing=listing_of(application, website.record_number))
    audit.record(actor=actor, action=AuditAction.WEBSITE_CHANGE_APPLIED, target=website,
                 details={"application": application.pk})
    notify_account(user=application.owner, template="website_change_approved",
                   context={"name": website.name, "record_number": website.record_number_text},
                   language=settings.LANGUAGE_CODE)
    return website
