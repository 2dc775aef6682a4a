"""The supervisor's dashboard and the audited export of the queue."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from beian.accounts.models import User
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.http import client_address
from beian.core.tabular import as_csv, as_xlsx
from beian.review.exports import queue_rows
from beian.review.forms import QueueFilterForm
from beian.review.selectors import queue, reviewers_in_scope
from beian.review.statistics import dashboard_figures, weekly_chart
from beian.staff.permissions import role_required
from beian.staff.selectors import agencies_without_telephone

MISSING_TELEPHONES_LISTED = 10
FORMATS = {
    "csv": ("text/csv; charset=utf-8", as_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", as_xlsx),
}


@role_required(User.Role.SUPERVISOR)
def dashboard_view(request):
    figures = dashboard_figures(request.user)
    return render(request, "review/dashboard.html", {
        "figures": figures, "weekly_chart": weekly_chart(figures["weeks"]),
        **_missing_telephones(request.user)})


def _missing_telephones(user) -> dict:
    """The approval SMS gives the filing agency's telephone: tell the supervisor when their agency has
    none (they can enter it) and which agencies below have none (their own supervisors enter it)."""
    missing = agencies_without_telephone(user)
    below = missing.exclude(pk=user.agency_id)
    return {
        "own_agency_without_telephone": missing.filter(pk=user.agency_id).exists(),
        "agencies_below_without_telephone": list(below[:MISSING_TELEPHONES_LISTED]),
        "agencies_below_without_telephone_count": below.count(),
    }


@role_required(User.Role.SUPERVISOR)
def export_view(request, file_format: str):
    if file_format not in FORMATS:
        raise Http404
    content_type, render_file = FORMATS[file_format]
    form = QueueFilterForm(request.GET or None, user=request.user, reviewers=reviewers_in_scope(request.user))
    filters = form.queue_filter()
    items = queue(request.user, filters).select_related("agency", "assignee")
    body = render_file(queue_rows(items))
    audit.record(actor=request.user, action=AuditAction.REVIEW_QUEUE_EXPORTED,
                 client_address=client_address(request),
                 details={"format": file_format, "filters": request.GET.dict()})
    response = HttpResponse(body, content_type=content_type)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="review-queue-{stamp}.{file_format}"'
    response["Cache-Control"] = "private, no-store"
    return response
