"""How the review workbench shows and decides new websites (beian.review.kinds): the website, the
sponsor, the leaders (masked certificate numbers), the findings at submission and with today's data."""

import re
from dataclasses import replace

from django.utils.translation import gettext_lazy as _

from beian.filings import checks, services
from beian.filings.labels import labels_for
from beian.filings.models import WebsiteApplication
from beian.filings.snapshots import answers_snapshot, differences
from beian.review.forms import PlainDecisionForm, ReturnDecisionForm
from beian.review.kinds import Decision, KindHandler, register
from beian.review.models import Kind

Status = WebsiteApplication.Status
# Fields a return reason may be tied to (a §7.1 path, shown next to that field in the wizard).
REASON_FIELDS = [
    ("", _("the whole application")),
    ("website.name", _("website name")),
    ("website.domains[0]", _("main domain")),
    ("website.ips", _("IP addresses")),
    ("website.icp_number", _("ICP record number")),
    ("website.opened_on", _("opening date")),
    ("website.service_types", _("service types")),
    ("website.interactive_services", _("interactive services")),
    ("website.pre_approvals", _("pre-approvals")),
    ("leaders[0].name", _("website security leader")),
    ("leaders[1].name", _("emergency contact")),
]


class ReturnForm(ReturnDecisionForm):
    field_choices = REASON_FIELDS


def detail_context(item, request) -> dict:
    application = item.subject
    language = getattr(request, "LANGUAGE_CODE", None)
    findings_at_submission = checks.described(application.findings, language)
    leaders = list(application.leaders.select_related("certificate_type"))
    return {
        "application": application,
        "labels": labels_for(application),
        "sponsor": application.sponsor,
        "leaders": leaders,
        "field_findings": findings_beside_fields(findings_at_submission, leaders),
        "pre_approvals": application.pre_approvals.select_related("pre_approval"),
        "photos": application.leader_documents.all(),
        "findings_at_submission": findings_at_submission,
        "findings_now": checks.described(checks.stored_findings(checks.application_problems(application)),
                                         language),
        **comparisons(application),
    }


# Rows of the website summary that show several form fields; a certificate's type and number are one row.
_SUMMARY_ROW = {"main_domain": "domains", "other_domains": "domains", "interactive": "interactive_services",
                "certificate_type": "certificate_number"}


def findings_beside_fields(findings: list[dict], leaders: list) -> dict[str, list[dict]]:
    """The findings by the row of the summary they concern, so the reviewer reads each next to its
    value: website rows in the returned dict, a leader's rows in `leader.review_findings`."""
    by_role = {leader.role: leader for leader in leaders}
    for leader in leaders:
        leader.review_findings = {}
    website: dict[str, list[dict]] = {}
    for finding in findings:
        path = finding.get("field") or ""
        match = re.fullmatch(r"leaders\[(\d)\]\.(\w+)", path)
        if match:
            index, name = int(match[1]), match[2]
            leader = by_role.get(checks.LEADER_ROLES[index]) if index < len(checks.LEADER_ROLES) else None
            if leader is not None:
                leader.review_findings.setdefault(_SUMMARY_ROW.get(name, name), []).append(finding)
            continue
        field = checks.form_field_of(path)
        website.setdefault(_SUMMARY_ROW.get(field, field), []).append(finding)
    return website


def comparisons(application) -> dict:
    """For a change: what it alters in the filed data; for a resubmission: what the applicant altered
    since the application was returned (SPEC §4.5, issue: field-by-field diff)."""
    now = answers_snapshot(application, every_key=True)
    base, returned = application.base_snapshot, application.returned_snapshot
    return {"changes_to_filed": differences(base, now) if base else None,
            "changes_since_return": differences(returned, now) if returned else None}


def _may_approve(item) -> bool:
    """Offered only when the service would accept it: an interactive website waits for a passed face
    review or on-site inspection (the service checks again, and the sponsor entity's approval)."""
    if not item.is_open or item.status not in (*WebsiteApplication.AWAITING_DECISION,
                                                Status.INSPECTION_PASSED):
        return False
    return item.status == Status.INSPECTION_PASSED or not item.subject.needs_inspection


def _is_open(item) -> bool:
    return item.is_open and item.status in WebsiteApplication.UNDER_REVIEW


def _start_review(*, actor, item) -> None:
    services.start_review(actor=actor, application=item.subject)


def _approve(*, actor, item, form) -> None:
    services.approve_application(actor=actor, application=item.subject)


def _return(*, actor, item, form) -> None:
    services.return_application(actor=actor, application=item.subject, reasons=form.reason_dicts(),
                                note=form.cleaned_data["note"])


HANDLER = KindHandler(
    kind=str(Kind.NEW_WEBSITE),
    on_assigned=_start_review,
    detail_template="filings/review_detail.html",
    detail_context=detail_context,
    decisions=(
        Decision("approve", _("Approve and issue the record number"), PlainDecisionForm, _approve,
                 _may_approve, irreversible=True,
                 consequence=_("Approving issues the public security filing record number. "
                               "This cannot be undone.")),
        Decision("return", _("Return for correction"), ReturnForm, _return, _is_open, style="secondary"),
    ),
)


def _change_handler() -> KindHandler:
    """A change keeps its record number: the same decisions, with the approval named for what it does."""
    decisions = tuple(replace(decision, label=_("Approve the change (the record number stays)"),
                              irreversible=False, consequence="")
                      if decision.name == "approve" else decision for decision in HANDLER.decisions)
    return replace(HANDLER, kind=str(Kind.CHANGE), decisions=decisions)


# Changes and claims are website applications too: same detail, same decisions (SPEC §4.5, §4.8). Apps
# above filings add their decisions to all three (beian.inspections: face reviews and inspections).
WEBSITE_KINDS = (str(Kind.NEW_WEBSITE), str(Kind.CHANGE), str(Kind.CLAIM))


def register_kind() -> None:
    for handler in (HANDLER, _change_handler(), replace(HANDLER, kind=str(Kind.CLAIM))):
        register(handler)
