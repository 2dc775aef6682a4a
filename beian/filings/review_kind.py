"""How the review workbench shows and decides new websites (beian.review.kinds): the website, the
sponsor, the leaders (masked certificate numbers), the findings at submission and with today's data."""

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
    return {
        "application": application,
        "labels": labels_for(application),
        "sponsor": application.sponsor,
        "leaders": application.leaders.select_related("certificate_type"),
        "pre_approvals": application.pre_approvals.select_related("pre_approval"),
        "photos": application.leader_documents.all(),
        "findings_at_submission": checks.described(application.findings, language),
        "findings_now": checks.described(checks.stored_findings(checks.application_problems(application)),
                                         language),
        **comparisons(application),
    }


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
