"""The supervisor's dashboard and the audited export of the queue."""

from django.shortcuts import render
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.core import list_exports
from beian.review.exports import EXPORT_KIND
from beian.review.statistics import dashboard_figures, weekly_chart
from beian.staff.permissions import role_required
from beian.staff.selectors import agencies_without_telephone

MISSING_TELEPHONES_LISTED = 10


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
@require_POST
def export_view(request, file_format: str):
    """The queue's export button (POST, the queue's filters in the query string): written in the
    background with no row cap for CSV, followed and downloaded on "my exports"."""
    return list_exports.start(request, EXPORT_KIND, file_format)
