"""How the review workbench shows and decides sponsor entities (beian.review.kinds).

One kind, "sponsor_entity", has two subjects: a submitted entity, and a proposed change of an approved
entity's identity (ADR 0040). Both are shown with masked certificate numbers, the documents and the
automatic findings — as stored at submission and as the rules see the data now.
"""

from django.utils.translation import gettext_lazy as _

from beian.review.forms import PlainDecisionForm, ReturnDecisionForm
from beian.review.kinds import Decision, KindHandler, register
from beian.review.models import Kind
from beian.sponsors import checks, divisions, services
from beian.sponsors.models import SponsorEntity, SponsorIdentityChange


def _subject(item):
    return item.subject


def detail_context(item, request) -> dict:
    subject = _subject(item)
    is_change = isinstance(subject, SponsorIdentityChange)
    entity = subject.entity if is_change else subject
    language = getattr(request, "LANGUAGE_CODE", None)
    now_problems = checks.problems_for(checks.entity_values(entity, identity=subject if is_change else None))
    findings_at_submission = checks.described(subject.findings, language)
    return {
        "subject": subject,
        "entity": entity,
        "is_change": is_change,
        "division_name": divisions.full_name(entity.division),
        "documents": entity.documents.all(),
        "findings_at_submission": findings_at_submission,
        "field_findings": findings_beside_fields(findings_at_submission),
        "findings_now": checks.described(checks.stored_findings(now_problems), language),
    }


# A certificate's type and number are one row of the summary.
_SUMMARY_ROW = {"certificate_type": "certificate_number",
                "person_certificate_type": "person_certificate_number"}


def findings_beside_fields(findings: list[dict]) -> dict[str, list[dict]]:
    """The findings by the summary row they concern, shown next to its value."""
    by_row: dict[str, list[dict]] = {}
    for finding in findings:
        field = checks.FORM_FIELD.get(finding.get("field") or "", "")
        by_row.setdefault(_SUMMARY_ROW.get(field, field), []).append(finding)
    return by_row


def _is_open_submission(item) -> bool:
    return item.is_open and item.status == SponsorEntity.Status.SUBMITTED


def _approve(*, actor, item, form) -> None:
    subject = _subject(item)
    if isinstance(subject, SponsorIdentityChange):
        services.approve_identity_change(actor=actor, change=subject)
    else:
        services.approve_sponsor_entity(actor=actor, entity=subject)


def _return(*, actor, item, form) -> None:
    subject = _subject(item)
    reasons, note = form.reason_dicts(), form.cleaned_data["note"]
    if isinstance(subject, SponsorIdentityChange):
        services.return_identity_change(actor=actor, change=subject, reasons=reasons, note=note)
    else:
        services.return_sponsor_entity(actor=actor, entity=subject, reasons=reasons, note=note)


HANDLER = KindHandler(
    kind=str(Kind.SPONSOR_ENTITY),
    detail_template="sponsors/review_detail.html",
    detail_context=detail_context,
    decisions=(
        Decision("approve", _("Approve"), PlainDecisionForm, _approve, _is_open_submission),
        Decision("return", _("Return for correction"), ReturnDecisionForm, _return, _is_open_submission,
                 style="secondary"),
    ),
)


def register_kind() -> None:
    register(HANDLER)
