"""Every change of a sponsor entity, one function per business action (SPEC §4.2, §5).

Each function: keyword-only arguments with an explicit actor, one transaction, the state transition,
the queue row and history (beian.review.services), an audit entry, and notifications written to the
outbox in the same transaction (delivered after commit by beian.notifications).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import TransitionNotAllowed

from beian.core import audit
from beian.core.agency_contacts import contact_context
from beian.core.audit_actions import AuditAction
from beian.notifications.services import notify_account
from beian.review.decisions import check_reviewer_scope, deciding, joined_reasons, require_reasons
from beian.review.models import Kind
from beian.review.services import Listing, item_for, open_item, record_decision
from beian.rules import Problem
from beian.sponsors import checks
from beian.sponsors.divisions import filing_agency_for, full_name, is_address_division
from beian.sponsors.documents import CleanImage
from beian.sponsors.models import SponsorDocument, SponsorEntity, SponsorIdentityChange
from beian.sponsors.signals import sponsor_entity_submitted

IDENTITY_VALUES = ("sponsor_type", "name", "certificate_type", "certificate_number",
                   "certificate_valid_until", "certificate_long_term")
OTHER_VALUES = ("investor", "division", "address", "person_name", "person_certificate_type",
                "person_certificate_number", "person_residence", "office_phone", "mobile", "email")


class SponsorActionRefused(Exception):
    """The applicant's action is not possible now; the message says why and what to do."""


@dataclass
class SubmissionBlocked(Exception):
    """Errors of the rule catalogue or missing documents: nothing was submitted."""

    problems: list[Problem] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SaveResult:
    entity: SponsorEntity
    change: SponsorIdentityChange | None  # the proposed identity of an approved entity, if any


# --- the applicant ------------------------------------------------------------------------------

def _apply_identity(target, values: dict) -> None:
    target.sponsor_type = values["sponsor_type"]
    target.name = values["name"].strip()
    target.certificate_type = values["certificate_type"]
    target.set_certificate_number(values["certificate_number"])
    target.certificate_long_term = bool(values.get("certificate_long_term"))
    target.certificate_valid_until = None if target.certificate_long_term else values.get(
        "certificate_valid_until")


def _apply_other(entity: SponsorEntity, values: dict) -> None:
    is_unit = values["sponsor_type"].is_unit
    entity.investor = values.get("investor", "").strip() if is_unit else ""
    entity.division = values["division"]
    entity.address = values["address"].strip()
    if is_unit:
        entity.person_name = values["person_name"].strip()
        entity.person_certificate_type = values["person_certificate_type"]
        number = values["person_certificate_number"]
    else:  # an individual is their own person in charge
        entity.person_name = values["name"].strip()
        entity.person_certificate_type = values["certificate_type"]
        number = values["certificate_number"]
    entity.set_person_certificate_number(number)
    for name in ("person_residence", "office_phone", "mobile", "email"):
        setattr(entity, name, values.get(name, "").strip())


def pending_change(entity: SponsorEntity) -> SponsorIdentityChange | None:
    return entity.identity_changes.exclude(status=SponsorIdentityChange.Status.APPROVED).first()


@transaction.atomic
def save_sponsor_entity(*, actor, values: dict) -> SaveResult:
    """Create or edit the actor's sponsor entity. While it is under review nothing can change; once
    approved, the identity (type, name, certificate) becomes a proposed change to be reviewed while
    the approved identity stays in force; the other data is updated at once (ADR 0040)."""
    entity = SponsorEntity.objects.select_for_update().filter(owner=actor).first()
    if entity is None:
        entity = SponsorEntity(owner=actor)
    elif entity.status == SponsorEntity.Status.SUBMITTED:
        raise SponsorActionRefused(_("Your sponsor entity is under review and cannot be changed now. "
                                     "You can change it after the decision."))
    change = None
    if entity.status == SponsorEntity.Status.APPROVED:
        change = _propose_identity(entity, values)
        old_agency_id = entity.agency_id
        _apply_other(entity, values)
        if entity.division_id:
            agency = filing_agency_for(entity.division)
            entity.agency = agency or entity.agency
        moved = entity.agency_id != old_agency_id
    else:
        _apply_identity(entity, values)
        _apply_other(entity, values)
        moved = False
    entity.save()
    audit.record(actor=actor, action=AuditAction.SPONSOR_ENTITY_SAVED, target=entity,
                 details={"status": entity.status, "identity_change": change.pk if change else None,
                          "agency_changed": moved})
    return SaveResult(entity, change)


def _propose_identity(entity: SponsorEntity, values: dict) -> SponsorIdentityChange | None:
    if values["sponsor_type"].is_unit != entity.is_unit:
        raise SponsorActionRefused(_("An approved unit cannot become an individual, nor the other way "
                                     "round. Register another account for the other sponsor."))
    pending = pending_change(entity)
    proposal = SponsorIdentityChange(entity=entity)
    _apply_identity(proposal, values)
    if pending is not None and pending.status == SponsorIdentityChange.Status.SUBMITTED:
        if proposal.identity() != pending.identity():
            raise SponsorActionRefused(_("A change of the unit or person name, type or certificate is "
                                         "under review. You can change these after the decision."))
        return pending
    if proposal.identity() == entity.identity():
        if pending is not None:  # back to the approved identity: the draft change is withdrawn
            pending.delete()
        return None
    if pending is not None:
        _apply_identity(pending, values)
        pending.save()
        return pending
    proposal.save()
    return proposal


@transaction.atomic
def upload_document(*, actor, kind: str, image: CleanImage) -> SponsorDocument:
    """Store a checked, re-encoded image (beian.sponsors.documents.clean_image) in private storage
    under a server-made name, replacing the previous document of that kind."""
    entity = SponsorEntity.objects.select_for_update().filter(owner=actor).first()
    if entity is None:
        raise SponsorActionRefused(_("Fill in and save the sponsor entity first, then upload its documents."))
    if entity.status == SponsorEntity.Status.SUBMITTED:
        raise SponsorActionRefused(_("Your sponsor entity is under review: its documents cannot be "
                                     "replaced now."))
    if kind not in SponsorDocument.Kind.values:
        raise SponsorActionRefused(_("Unknown kind of document."))
    previous = entity.documents.filter(kind=kind).first()
    if previous is not None:
        old_name, storage = previous.file.name, previous.file.storage
        previous.delete()
        transaction.on_commit(lambda: storage.delete(old_name), robust=True)
    document = SponsorDocument(entity=entity, kind=kind, content_type=image.content_type,
                               size=len(image.data))
    document.file.save("upload", ContentFile(image.data), save=False)
    document.save()
    audit.record(actor=actor, action=AuditAction.SPONSOR_DOCUMENT_UPLOADED, target=document,
                 details={"kind": kind, "size": document.size})
    return document


def required_documents(entity: SponsorEntity) -> list[str]:
    kinds = [SponsorDocument.Kind.ID_FRONT, SponsorDocument.Kind.ID_BACK]
    if entity.is_unit:
        kinds.append(SponsorDocument.Kind.LICENCE)
    return [str(kind) for kind in kinds]


def missing_documents(entity: SponsorEntity) -> list[str]:
    present = set(entity.documents.values_list("kind", flat=True))
    return [kind for kind in required_documents(entity) if kind not in present]


@transaction.atomic
def submit_sponsor_entity(*, actor, now=None):
    """Submit the actor's entity (or the proposed identity change of an approved one) for review.
    Returns the ReviewItem. Raises SubmissionBlocked or SponsorActionRefused."""
    now = now or timezone.now()
    entity = SponsorEntity.objects.select_for_update().filter(owner=actor).first()
    if entity is None:
        raise SponsorActionRefused(_("Fill in and save the sponsor entity first."))
    if entity.status == SponsorEntity.Status.APPROVED:
        return _submit_identity_change(actor=actor, entity=entity, now=now)
    problems = checks.problems_for(checks.entity_values(entity), today=timezone.localdate(now))
    missing = missing_documents(entity)
    if checks.errors(problems) or missing:
        raise SubmissionBlocked(checks.errors(problems), missing)
    if entity.division_id and not is_address_division(entity.division):
        # Saved before its county was merged or renamed (ADR 0091): the address must be chosen again.
        raise SponsorActionRefused(_("The county or district of your address (%(place)s) is no longer "
                                     "in force. Choose the current one in the address, then submit "
                                     "again.") % {"place": full_name(entity.division)})
    agency = filing_agency_for(entity.division) if entity.division_id else None
    if agency is None:
        raise SponsorActionRefused(_("No police agency accepts filings for this address yet. "
                                     "Check the address, or ask the platform's help desk."))
    try:
        entity.submit()
    except TransitionNotAllowed as refused:
        raise SponsorActionRefused(_("Your sponsor entity has already been submitted.")) from refused
    entity.agency, entity.submitted_at = agency, now
    entity.findings = checks.stored_findings(problems)
    entity.return_reasons, entity.return_note = [], ""
    entity.save()
    item = open_item(kind=Kind.SPONSOR_ENTITY, subject=entity, agency=agency, status=entity.status,
                     listing=_listing(entity), actor=actor, findings=entity.findings, now=now)
    audit.record(actor=actor, action=AuditAction.SPONSOR_ENTITY_SUBMITTED, target=entity,
                 details={"agency": agency.code})
    _notify(entity, "sponsor_submitted", {"name": entity.name, "due_date": item.due_date.isoformat()},
            language=None)
    # Websites found online (SPEC §4.7) and legacy records to claim (§4.8) with this certificate are
    # pushed to the applicant now, by the apps that keep them (beian.unregistered, beian.legacy).
    sponsor_entity_submitted.send(sender=SponsorEntity, entity=entity, actor=actor, now=now)
    return item


def _submit_identity_change(*, actor, entity: SponsorEntity, now):
    change = pending_change(entity)
    if change is None or change.status == SponsorIdentityChange.Status.SUBMITTED:
        raise SponsorActionRefused(_("There is nothing to submit: your sponsor entity is approved and "
                                     "no change of its name, type or certificate is waiting."))
    change = SponsorIdentityChange.objects.select_for_update().get(pk=change.pk)
    problems = checks.problems_for(checks.entity_values(entity, identity=change),
                                   today=timezone.localdate(now))
    missing = missing_documents(entity) if change.is_unit else []
    if checks.errors(problems) or missing:
        raise SubmissionBlocked(checks.errors(problems), missing)
    agency = (filing_agency_for(entity.division) if entity.division_id else None) or entity.agency
    change.submit()
    change.submitted_at, change.findings = now, checks.stored_findings(problems)
    change.return_reasons, change.return_note = [], ""
    change.save()
    item = open_item(kind=Kind.SPONSOR_ENTITY, subject=change, agency=agency, status=change.status,
                     listing=_listing(change), actor=actor, findings=change.findings, now=now)
    audit.record(actor=actor, action=AuditAction.SPONSOR_IDENTITY_CHANGE_SUBMITTED, target=change,
                 details={"entity": entity.pk, "agency": agency.code})
    _notify(entity, "sponsor_submitted", {"name": change.name, "due_date": item.due_date.isoformat()},
            language=None)
    return item


def _listing(subject) -> Listing:
    return Listing(title=subject.name, sponsor_name=subject.name,
                   search_keys=(f"certificate:{subject.certificate_hash}",))


def _notify(entity: SponsorEntity, template: str, context: dict, *, language) -> None:
    notify_account(user=entity.owner, template=template, context=context, language=language)


# --- the reviewer -------------------------------------------------------------------------------

# Each decision locks its subject and checks the reviewer's jurisdiction and the subject's state through
# beian.review.decisions.deciding; what follows is what the decision does to a sponsor entity.

@transaction.atomic
def approve_sponsor_entity(*, actor, entity: SponsorEntity) -> SponsorEntity:
    with deciding(SponsorEntity, entity.pk, actor=actor) as entity:
        entity.approve()
    entity.approved_at = timezone.now()
    entity.save()
    record_decision(subject=entity, actor=actor, action="approved", to_status=entity.status, closes=True)
    _notify(entity, "sponsor_approved", _approval_context(entity, entity.name),
            language=settings.LANGUAGE_CODE)
    return entity


@transaction.atomic
def return_sponsor_entity(*, actor, entity: SponsorEntity, reasons: list[dict],
                          note: str = "") -> SponsorEntity:
    require_reasons(reasons)
    with deciding(SponsorEntity, entity.pk, actor=actor) as entity:
        entity.return_for_correction()
    entity.return_reasons, entity.return_note = list(reasons), note
    entity.save()
    record_decision(subject=entity, actor=actor, action="returned", to_status=entity.status,
                    reasons=reasons, note=note, closes=True)
    _notify(entity, "sponsor_returned", {"name": entity.name, "reasons": joined_reasons(reasons)},
            language=settings.LANGUAGE_CODE)
    return entity


@transaction.atomic
def approve_identity_change(*, actor, change: SponsorIdentityChange) -> SponsorIdentityChange:
    """Approve a proposed identity: from now on it is the entity's identity."""
    with deciding(SponsorIdentityChange, change.pk, actor=actor, agency_of=_item_agency) as change:
        entity = SponsorEntity.objects.select_for_update().get(pk=change.entity_id)
        change.approve()
    change.decided_at = timezone.now()
    change.save()
    for name in ("sponsor_type", "name", "certificate_type", "certificate_number_encrypted",
                 "certificate_hash", "certificate_valid_until", "certificate_long_term"):
        setattr(entity, name, getattr(change, name))
    if not entity.sponsor_type.is_unit:  # an individual is their own person in charge
        entity.person_name, entity.person_certificate_type = entity.name, entity.certificate_type
        entity.person_certificate_number_encrypted = entity.certificate_number_encrypted
        entity.person_certificate_hash = entity.certificate_hash
    entity.save()
    record_decision(subject=change, actor=actor, action="approved", to_status=change.status, closes=True)
    _notify(entity, "sponsor_change_approved", _approval_context(entity, entity.name),
            language=settings.LANGUAGE_CODE)
    return change


@transaction.atomic
def return_identity_change(*, actor, change: SponsorIdentityChange, reasons: list[dict],
                           note: str = "") -> SponsorIdentityChange:
    require_reasons(reasons)
    with deciding(SponsorIdentityChange, change.pk, actor=actor, agency_of=_item_agency) as change:
        change.return_for_correction()
    change.return_reasons, change.return_note, change.decided_at = list(reasons), note, timezone.now()
    change.save()
    record_decision(subject=change, actor=actor, action="returned", to_status=change.status,
                    reasons=reasons, note=note, closes=True)
    _notify(change.entity, "sponsor_change_returned",
            {"name": change.name, "reasons": joined_reasons(reasons)}, language=settings.LANGUAGE_CODE)
    return change


def _item_agency(subject):
    item = item_for(subject)
    return item.agency_id if item else None


def _approval_context(entity: SponsorEntity, name: str) -> dict:
    return {"name": name, **contact_context(entity.agency)}


@transaction.atomic
def reveal_certificate_number(*, actor, subject, which: str) -> str:
    """The full number ("sponsor" or "person") of an entity or a proposed change, for a reviewer of
    the jurisdiction who asked to see it; every view is logged."""
    entity = subject.entity if isinstance(subject, SponsorIdentityChange) else subject
    check_reviewer_scope(actor, _item_agency(subject) or entity.agency_id)
    audit.record(actor=actor, action=AuditAction.PII_VIEWED, target=subject, details={"field": which})
    if which == "person":
        return entity.person_certificate_number
    return subject.certificate_number


OWN_NUMBERS = ("sponsor", "person")


@transaction.atomic
def reveal_own_certificate_number(*, actor, which: str) -> str:
    """The full number ("sponsor" or "person in charge") of the actor's own entity, once the actor
    re-entered the password (the view checks it): logged like a reviewer's "show" (SPEC §8)."""
    entity = SponsorEntity.objects.filter(owner=actor).first()
    if entity is None or which not in OWN_NUMBERS or (which == "person" and not entity.is_unit):
        raise SponsorEntity.DoesNotExist
    audit.record(actor=actor, action=AuditAction.PII_VIEWED, target=entity,
                 details={"field": which, "by": "owner"})
    return entity.person_certificate_number if which == "person" else entity.certificate_number
