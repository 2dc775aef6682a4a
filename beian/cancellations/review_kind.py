"""How the review workbench shows and decides website cancellations (beian.review.kinds): the filed
website, its sponsor (masked certificate number), the applicant's reason and the probe results."""

from django.utils.translation import gettext_lazy as _

from beian.cancellations import probe, services
from beian.cancellations.models import CancellationApplication
from beian.review.forms import PlainDecisionForm, ReturnDecisionForm
from beian.review.kinds import Decision, KindHandler, register
from beian.review.models import Kind

Status = CancellationApplication.Status


def detail_context(item, request) -> dict:
    cancellation = item.subject
    website = cancellation.website
    return {
        "cancellation": cancellation,
        "website": website,
        "sponsor": website.sponsor,
        "probe_rows": probe.described(cancellation.probe_results),
        "earlier": (CancellationApplication.objects.filter(website=website)
                    .exclude(pk=cancellation.pk).order_by("-submitted_at")),
    }


def _is_submitted(item) -> bool:
    return item.is_open and item.status == Status.SUBMITTED


def _is_open(item) -> bool:
    return item.is_open and item.status in CancellationApplication.OPEN


def _start_review(*, actor, item, form) -> None:
    services.start_review(actor=actor, cancellation=item.subject)


def _approve(*, actor, item, form) -> None:
    services.approve_cancellation(actor=actor, cancellation=item.subject)


def _reject(*, actor, item, form) -> None:
    services.reject_cancellation(actor=actor, cancellation=item.subject, reasons=form.reason_dicts(),
                                 note=form.cleaned_data["note"])


HANDLER = KindHandler(
    kind=str(Kind.CANCELLATION),
    detail_template="cancellations/review_detail.html",
    detail_context=detail_context,
    decisions=(
        Decision("start_review", _("Take it and start the review"), PlainDecisionForm, _start_review,
                 _is_submitted, style="secondary"),
        Decision("approve", _("Approve: cancel the filing"), PlainDecisionForm, _approve, _is_open,
                 irreversible=True,
                 consequence=_("Approving cancels the website's filing; its record number is never used "
                               "again. This cannot be undone.")),
        Decision("reject", _("Reject"), ReturnDecisionForm, _reject, _is_open, style="secondary"),
    ),
)


def register_kind() -> None:
    register(HANDLER)
