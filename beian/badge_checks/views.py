"""The police workbench of badge checks (failures per agency, exports, a run on demand) and the
sponsor's re-check of a filed website."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.badge_checks import selectors, services
from beian.badge_checks.forms import FailureFilterForm, RunForm
from beian.badge_checks.models import BadgeCheckRun
from beian.core.http import client_address
from beian.filings import selectors as filing_selectors
from beian.filings.models import Website
from beian.imports import export_views
from beian.staff.permissions import role_required

EXPORT_KIND = "badge_checks"
PAGE_SIZE = 50


def filtered(user, data):
    """The filter form and the failures it selects, for the page and for its export."""
    form = FailureFilterForm(data or None, agencies=selectors.agencies_for(user))
    filters = dict(form.cleaned_data) if form.is_valid() else {}
    return form, selectors.failures(user, **filters)


def export_items(user, data):
    return filtered(user, data)[1]


@role_required(*selectors.WORKBENCH_ROLES)
def workbench_view(request):
    form, checks = filtered(request.user, request.GET)
    page = Paginator(checks, PAGE_SIZE).get_page(request.GET.get("page"))
    runs = selectors.recent_runs(request.user)
    return render(request, "badge_checks/workbench.html", {
        "form": form, "page": page, "counts": selectors.failure_counts(request.user),
        "query": urlencode({k: v for k, v in request.GET.items() if k != "page"}),
        "run_form": RunForm(prefix="run", agencies=selectors.agencies_for(request.user)),
        "runs": runs, "running": any(run.status != BadgeCheckRun.Status.DONE for run in runs)})


@require_POST
@role_required(*selectors.WORKBENCH_ROLES)
def export_view(request, file_format: str):
    """The export button (the filters in the query string): written in the background, followed
    and downloaded on "my exports" (beian.imports.export_views)."""
    return export_views.start(request, EXPORT_KIND, file_format)


@require_POST
@role_required(*selectors.WORKBENCH_ROLES)
def run_view(request):
    """Queue a check of every filed website of one agency of the jurisdiction."""
    form = RunForm(request.POST, prefix="run", agencies=selectors.agencies_for(request.user))
    if not form.is_valid():
        messages.error(request, _("Choose an agency of your jurisdiction."))
        return redirect("badge_checks:workbench")
    agency = form.cleaned_data["agency"]
    services.start_agency_run(actor=request.user, agency=agency, client_address=client_address(request))
    messages.success(request, _("The check of the websites of %(agency)s has started. Its progress and "
                                "result are shown below.") % {"agency": agency.name})
    return redirect("badge_checks:workbench")


@require_POST
@role_required(User.Role.APPLICANT)
def recheck_view(request, website_id: int):
    try:
        website = filing_selectors.website_of(request.user, website_id)
    except Website.DoesNotExist as missing:
        raise Http404 from missing
    try:
        services.request_recheck(actor=request.user, website=website)
    except services.RecheckRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The check has started. Reload this page in a minute to see the result."))
    return redirect("filings:website", website.pk)
