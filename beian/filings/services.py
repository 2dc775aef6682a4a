"""Every change of a website filing application, one function per business action (SPEC §4.3–4.4, §5).

Each function: keyword-only arguments with an explicit actor, one transaction, the state transition,
the queue row and history (beian.review.services), an audit entry, and notifications written to the
outbox in the same transaction (delivered after commit by beian.notifications).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed

from beian.accounts.models import User
from beian.core import audit
from beian.core.agency_contacts import contact_context
from beian.core.audit_actions import AuditAction
from beian.core.private_files import delete_after_commit
from beian.filings import changes, checks
from beian.filings.listing import listing_of
from beian.filings.models import (
    ApplicationPreApproval,
    DomainHold,
    LeaderDocument,
    SecurityNotice,
    Website,
    WebsiteApplication,
    WebsiteDomain,
    WebsiteLeader,
)
from beian.filings.record_numbers import allocate_record_number
from beian.filings.signals import website_filed
from beian.filings.snapshots import answers_snapshot
from beian.notifications.services import notify_account
from beian.review.decisions import deciding, joined_reasons, require_reasons
from beian.review.models import Action, Kind
from beian.review.services import ReviewActionRefused, open_item, record_decision
from beian.rules import Problem
from beian.rules.problems import problem
from beian.sponsors.models import SponsorEntity

Status = WebsiteApplication.Status
Kind_ = WebsiteApplication.Kind
# The workbench kind of each application kind.
REVIEW_KIND = {Kind_.NEW: Kind.NEW_WEBSITE, Kind_.CHANGE: Kind.CHANGE, Kind_.CLAIM: Kind.CLAIM}
# A website may be filed once its sponsor entity is submitted (approved only after it is approved).
SPONSOR_READY = (SponsorEntity.Status.SUBMITTED, SponsorEntity.Status.APPROVED)
STEPS = ("sponsor", "basic", "leaders", "prompt", "check")
_BASIC_FIELDS = ("name", "home_url", "has_own_domain", "icp_number", "opened_on", "access_provider",
                 "access_provider_region", "registrar", "hosting", "service_types", "interactive",
                 "interactive_services", "controlled_goods", "languages", "ips")
_TEXT_FIELDS = {"name", "home_url", "icp_number", "access_provider", "registrar", "hosting"}


class FilingActionRefused(Exception):
    """The applicant's action is not possible now; the message says why and what to do."""


class StaleDraft(FilingActionRefused):
    """The form was drawn from an older version of the draft (another tab saved since)."""


@dataclass
class SubmissionBlocked(Exception):
    """Rule errors or missing answers: nothing was submitted."""

    problems: list[Problem] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)


# --- the applicant ------------------------------------------------------------------------------

def _own_sponsor(actor) -> SponsorEntity:
    sponsor = SponsorEntity.objects.filter(owner=actor).first()
    if sponsor is None or sponsor.status not in SPONSOR_READY:
        raise FilingActionRefused(_("Submit your sponsor entity first: a website is filed by a sponsor "
                                    "entity that is submitted or approved."))
    _refuse_retired_agency(sponsor)
    return sponsor


def _refuse_retired_agency(sponsor: SponsorEntity) -> None:
    """A new filing goes to the agency of the sponsor's address; the agency of a retired county
    (merged or renamed, ADR 0091) keeps its old records but takes no new filings."""
    if sponsor.agency is not None and not sponsor.agency.active:
        raise FilingActionRefused(_(
            "The county or district of your sponsor entity's address is no longer in force, so its "
            "police agency (%(agency)s) takes no new filings. Choose the current county or district "
            "in your sponsor entity's address, then file the website.") % {"agency": sponsor.agency.name})


@transaction.atomic
def start_application(*, actor, kind: str = WebsiteApplication.Kind.NEW,
                      prefill: dict | None = None) -> WebsiteApplication:
    """A new draft of the actor's sponsor entity, empty or prefilled with basic-step answers (an
    unregistered website the police found, a legacy record being claimed): {"name", "main_domain",
    "other_domains", "icp_number", "ips", "home_url"} — anything not given stays empty."""
    if getattr(actor, "role", None) != User.Role.APPLICANT:
        raise PermissionDenied
    if kind not in (WebsiteApplication.Kind.NEW, WebsiteApplication.Kind.CLAIM):
        raise FilingActionRefused(_("Unknown kind of application."))
    application = WebsiteApplication.objects.create(owner=actor, sponsor=_own_sponsor(actor), kind=kind)
    if prefill:
        _save_basic(application, {key: value for key, value in prefill.items() if value})
        application.save()
    audit.record(actor=actor, action=AuditAction.WEBSITE_APPLICATION_STARTED, target=application,
                 details={"kind": kind, "prefilled": sorted(prefill or {})})
    return application


def _locked_own(actor, application) -> WebsiteApplication:
    locked = WebsiteApplication.objects.select_for_update().filter(pk=application.pk, owner=actor).first()
    if locked is None:
        raise WebsiteApplication.DoesNotExist
    return locked


@transaction.atomic
def save_draft_step(*, actor, application: WebsiteApplication, step: str, data: dict,
                    version: int) -> WebsiteApplication:
    """Save one wizard step of the actor's draft (a returned application is reopened as a draft).
    `version` is the version the form was drawn from; another version raises StaleDraft."""
    application = _locked_own(actor, application)
    if not application.is_editable:
        raise FilingActionRefused(_("This application is not a draft any more and cannot be changed."))
    if version != application.version:
        raise StaleDraft(_("This application was changed in another tab or window since you opened this "
                           "page. Nothing was saved: reload the page to see the current answers, then "
                           "make your change again."))
    if application.status == Status.RETURNED:
        application.reopen()
    if step == "basic":
        _save_basic(application, data)
    elif step == "leaders":
        _save_leaders(application, data)
    elif step == "prompt":
        _save_agreement(application, data)
    elif step not in STEPS:
        raise FilingActionRefused(_("Unknown step."))
    application.version += 1
    application.save()
    audit.record(actor=actor, action=AuditAction.WEBSITE_APPLICATION_SAVED, target=application,
                 details={"step": step, "version": application.version})
    return application


def _save_basic(application: WebsiteApplication, data: dict) -> None:
    for name in _BASIC_FIELDS:
        if name in data:
            value = data[name]
            setattr(application, name, (value or "").strip() if name in _TEXT_FIELDS else value)
    if "main_domain" in data or "other_domains" in data:
        domains = [data.get("main_domain", "")] + list(data.get("other_domains", []))
        domains = [domain.strip() for domain in domains if domain and domain.strip()]
        if not application.has_own_domain:
            domains = []
        application.domains.all().delete()
        WebsiteDomain.objects.bulk_create([WebsiteDomain(application=application, display=domain,
                                                         position=index)
                                           for index, domain in enumerate(dict.fromkeys(domains))])
    if "pre_approvals" in data:  # {PreApproval: document number}
        declared = data["pre_approvals"]
        application.pre_approvals.exclude(pre_approval__in=list(declared)).delete()
        scans = data.get("pre_approval_scans") or {}
        for pre_approval, number in declared.items():
            row, _created = ApplicationPreApproval.objects.update_or_create(
                application=application, pre_approval=pre_approval,
                defaults={"document_number": (number or "").strip()})
            if pre_approval in scans:
                _replace_file(row, "scan", scans[pre_approval].data, scans[pre_approval].content_type,
                              type_field="scan_content_type")


def _save_leaders(application: WebsiteApplication, data: dict) -> None:
    sponsor = application.sponsor
    for role, prefix in checks.LEADER_PREFIX.items():
        values = data.get(prefix)
        if values is None:
            continue
        leader = WebsiteLeader.objects.filter(application=application, role=role).first() or WebsiteLeader(
            application=application, role=role)
        was_same_as = leader.same_as_person_in_charge
        leader.same_as_person_in_charge = bool(values.get("same_as_person_in_charge"))
        is_security = role == WebsiteLeader.Role.SECURITY_LEADER
        if leader.same_as_person_in_charge:  # copied, so that a later change of the sponsor is visible
            leader.name, leader.certificate_type = sponsor.person_name, sponsor.person_certificate_type
            leader.certificate_number_encrypted = sponsor.person_certificate_number_encrypted
            leader.certificate_hash = sponsor.person_certificate_hash
            leader.mobile, leader.office_phone = sponsor.mobile, sponsor.office_phone
            leader.email = sponsor.email
            if is_security:
                _copy_sponsor_photos(application, sponsor)
        else:
            leader.name = (values.get("name") or "").strip()
            leader.certificate_type = values.get("certificate_type")
            leader.set_certificate_number((values.get("certificate_number") or "").strip())
            for name in ("mobile", "office_phone", "email"):
                setattr(leader, name, (values.get(name) or "").strip())
        leader.save()
        if is_security and not leader.same_as_person_in_charge:
            if was_same_as:  # the copied photos show the person in charge, not this leader
                _delete_leader_documents(application)
            for kind, image in (values.get("documents") or {}).items():
                _store_leader_document(application, kind, image.data, image.content_type)


def _store_leader_document(application, kind: str, data: bytes, content_type: str) -> LeaderDocument:
    """Store a checked, re-encoded image under a server-made name, replacing the previous one."""
    previous = application.leader_documents.filter(kind=kind).first()
    if previous is not None:
        delete_after_commit(previous.file)
        previous.delete()
    document = LeaderDocument(application=application, kind=kind, content_type=content_type, size=len(data))
    document.file.save("upload", ContentFile(data), save=False)
    document.save()
    return document


def _delete_leader_documents(application) -> None:
    for document in application.leader_documents.all():
        delete_after_commit(document.file)
        document.delete()


def _copy_sponsor_photos(application, sponsor) -> None:
    """"Same as the person in charge" copies the ID photos too (SPEC §4.3 step 3)."""
    for document in sponsor.documents.filter(kind__in=["id_front", "id_back"]):
        with document.file.open("rb") as stored:
            _store_leader_document(application, document.kind, stored.read(), document.content_type)


def _replace_file(row, field: str, data: bytes, content_type: str, *, type_field: str) -> None:
    """Store new bytes under a server-made name; the old file goes once the transaction commits."""
    stored = getattr(row, field)
    if stored:
        delete_after_commit(stored)
    setattr(row, type_field, content_type)
    stored.save("upload", ContentFile(data), save=False)
    row.save()


def _save_agreement(application: WebsiteApplication, data: dict) -> None:
    if data.get("security_scheme") is not None:
        scheme = data["security_scheme"]
        _replace_file(application, "security_scheme", scheme.data, scheme.content_type,
                      type_field="security_scheme_type")
    notice = SecurityNotice.current()
    if data.get("agreement_accepted") and notice is not None:
        application.agreement_version, application.agreement_accepted_at = notice.version, timezone.now()
    else:
        application.agreement_version, application.agreement_accepted_at = "", None


def _hold_domains(application: WebsiteApplication) -> list[Problem]:
    """Take the application's domains (replacing what it held before); a domain another filing holds
    is reported as `domain.already_filed`. The unique constraint settles simultaneous submissions.
    A change keeps the domains its website already holds where they are until it is approved."""
    application.holds.all().delete()
    refused = []
    own = set(checks.domains_of_filed_website(application))
    for index, name in enumerate(checks.held_domain_names(application.domain_list)):
        if name in own:
            continue
        try:
            with transaction.atomic():
                DomainHold.objects.create(name=name, application=application)
        except IntegrityError:
            refused.append(problem("domain.already_filed", f"website.domains[{index}]", domain=name))
    return refused


@transaction.atomic
def submit_application(*, actor, application: WebsiteApplication, now=None):
    """Check the whole application, take its domains, send it to the sponsor's county agency.
    Returns the ReviewItem. Raises SubmissionBlocked or FilingActionRefused."""
    now = now or timezone.now()
    application = _locked_own(actor, application)
    if application.status == Status.RETURNED:  # resubmitted as it was: returned → draft → submitted
        application.reopen()
    if application.status != Status.DRAFT:
        raise FilingActionRefused(_("This application has already been submitted."))
    sponsor = SponsorEntity.objects.get(pk=application.sponsor_id)
    if sponsor.status not in SPONSOR_READY or not sponsor.agency:
        raise FilingActionRefused(_("Submit your sponsor entity first: the website is reviewed by the "
                                    "police agency of the sponsor entity."))
    if application.kind == Kind_.CHANGE:
        blocked = changes.change_blocked(Website.objects.select_for_update().get(pk=application.website_id))
        if blocked:
            raise FilingActionRefused(blocked)
    # A change is reviewed by the agency that filed the website (its record number stays the same).
    if application.kind != Kind_.CHANGE:
        _refuse_retired_agency(sponsor)
    agency = application.website.agency if application.kind == Kind_.CHANGE else sponsor.agency
    problems = checks.application_problems(application, today=timezone.localdate(now))
    missing = checks.missing_fields(application)
    if checks.errors(problems) or missing:
        raise SubmissionBlocked(checks.errors(problems), missing)
    refused = _hold_domains(application)
    if refused:
        transaction.set_rollback(True)
        raise SubmissionBlocked(refused, [])
    application.submit()
    application.agency, application.submitted_at = agency, now
    application.findings = checks.stored_findings(problems)
    application.return_reasons, application.return_note = [], ""
    application.version += 1
    application.save()
    item = open_item(kind=REVIEW_KIND[application.kind], subject=application, agency=agency,
                     status=application.status, listing=listing_of(application), actor=actor,
                     findings=application.findings, now=now)
    audit.record(actor=actor, action=AuditAction.WEBSITE_APPLICATION_SUBMITTED, target=application,
                 details={"agency": agency.code, "kind": application.kind})
    _notify(application, "website_submitted", {"name": application.name,
                                               "due_date": item.due_date.isoformat()}, language=None)
    return item


@transaction.atomic
def withdraw_application(*, actor, application: WebsiteApplication) -> WebsiteApplication:
    """The applicant takes back a draft or a submitted application; its domains are free again."""
    application = _locked_own(actor, application)
    was_submitted = application.status == Status.SUBMITTED
    try:
        application.withdraw()
    except TransitionNotAllowed as refused:
        raise FilingActionRefused(_("Only a draft or an application waiting for review can be "
                                    "withdrawn.")) from refused
    application.holds.all().delete()
    application.version += 1
    application.save()
    if was_submitted:
        record_decision(subject=application, actor=actor, action="withdrawn", to_status=application.status,
                        closes=True)
    audit.record(actor=actor, action=AuditAction.WEBSITE_APPLICATION_WITHDRAWN, target=application)
    return application


def _notify(application: WebsiteApplication, template: str, context: dict, *, language) -> None:
    notify_account(user=application.owner, template=template, context=context, language=language)


# --- the reviewer -------------------------------------------------------------------------------
# Each decision locks the application and checks the reviewer's jurisdiction and the application's state
# through beian.review.decisions.deciding; what follows is what the decision does to a website filing.

@transaction.atomic
def start_review(*, actor, application: WebsiteApplication) -> WebsiteApplication:
    """A reviewer took the application: submitted → in_review (nothing happens in any other state)."""
    with deciding(WebsiteApplication, application.pk, actor=actor) as application:
        if application.status != Status.SUBMITTED:
            return application
        application.start_review()
        application.version += 1
        application.save()
    record_decision(subject=application, actor=actor, action="in_review", to_status=application.status,
                    closes=False)
    return application


def _awaiting_approval(application: WebsiteApplication) -> bool:
    return application.status in (*WebsiteApplication.AWAITING_DECISION, Status.INSPECTION_PASSED)


@transaction.atomic
def approve_application(*, actor, application: WebsiteApplication, now=None) -> Website:
    """Approve: issue the record number and file the website (SPEC §5, §6)."""
    now = now or timezone.now()
    with deciding(WebsiteApplication, application.pk, actor=actor,
                  decidable=_awaiting_approval) as application:
        sponsor = SponsorEntity.objects.get(pk=application.sponsor_id)
        if not sponsor.is_approved:
            raise ReviewActionRefused(_("The sponsor entity of this website is not approved yet. Decide the "
                                        "sponsor entity first; the website can be approved after it."))
        if application.needs_inspection and application.status != Status.INSPECTION_PASSED:
            raise ReviewActionRefused(_("This website offers interactive services: it can be approved only "
                                        "after a passed face review or on-site inspection."))
        application.approve()
        application.decided_at = now
        application.version += 1
        application.save()
    if application.kind == Kind_.CHANGE:
        return changes.apply_change(actor=actor, application=application, now=now)
    record_number = allocate_record_number(application.agency)
    website = Website.objects.create(
        application=application, current_application=application, sponsor=sponsor,
        agency=application.agency, record_number=record_number, name=application.name,
        domains=application.domain_list, interactive=bool(application.interactive), filed_at=now)
    record_decision(subject=application, actor=actor, action="approved", to_status=application.status,
                    closes=True, listing=listing_of(application, record_number))
    website_filed.send(sender=WebsiteApplication, application=application, website=website, actor=actor,
                       now=now)
    _notify(application, "website_approved", {
        "name": application.name, "record_number": website.record_number_text,
        **contact_context(application.agency)}, language=settings.LANGUAGE_CODE)
    return website


@transaction.atomic
def return_application(*, actor, application: WebsiteApplication, reasons: list[dict],
                       note: str = "") -> WebsiteApplication:
    """Return for correction. Each reason is {"code", "text_zh", "text_en", "field"}; `field` (a §7.1
    path such as "website.domains[0]", or "") puts the reason next to that field for the applicant."""
    require_reasons(reasons)
    with deciding(WebsiteApplication, application.pk, actor=actor) as application:
        application.return_for_correction()
    _keep_returned(actor=actor, application=application, action="returned", reasons=reasons, note=note,
                   now=timezone.now())
    _notify(application, "website_returned", {"name": application.name, "reasons": joined_reasons(reasons)},
            language=settings.LANGUAGE_CODE)
    return application


def _keep_returned(*, actor, application: WebsiteApplication, action: str, reasons: list[dict], note: str,
                   now) -> None:
    """What every return keeps for the applicant's correction (the reasons next to their fields, the
    answers as returned for the reviewer's "changed since the return"), and the queue row closed."""
    application.return_reasons, application.return_note = list(reasons), note
    application.returned_snapshot = answers_snapshot(application)
    application.decided_at = now
    application.version += 1
    application.save()
    record_decision(subject=application, actor=actor, action=action, to_status=application.status,
                    reasons=reasons, note=note, closes=True)


# --- face review and on-site inspection (their appointments are beian.inspections') -------------------
# The caller holds the application locked (beian.review.decisions.deciding) in its transaction.

def send_to_inspection(*, actor, application: WebsiteApplication, onsite: bool, note: str) -> None:
    """The application leaves the preliminary review for a face review or an on-site inspection;
    `note` (the offered times) goes into the history."""
    if onsite:
        application.ask_for_onsite_inspection()
    else:
        application.ask_for_face_review()
    application.version += 1
    application.save()
    record_decision(subject=application, actor=actor,
                    action=Action.ONSITE_INSPECTION if onsite else Action.FACE_REVIEW,
                    to_status=application.status, note=note, closes=False)


def pass_inspection(*, actor, application: WebsiteApplication, note: str) -> None:
    """The face review or inspection passed: the application waits for approval (inspection_passed)."""
    application.pass_inspection()
    application.version += 1
    application.save()
    record_decision(subject=application, actor=actor, action=Action.INSPECTION_PASSED,
                    to_status=application.status, note=note, closes=False)


def return_after_inspection(*, actor, application: WebsiteApplication, reasons: list[dict], note: str,
                            now) -> None:
    """The face review or inspection failed: the application is returned with the reasons, as a return
    for correction is, so that the applicant corrects and resubmits (ADR 0053)."""
    application.fail_inspection()
    _keep_returned(actor=actor, application=application, action=Action.INSPECTION_FAILED, reasons=reasons,
                   note=note, now=now)
