"""Pages of unregistered websites: the applicant's list with "File it" and an exact search by domain
(never a browse; rate-limited), and the workbench (list, enforcement list of overdue websites,
detail, CSV upload with its error report, audited export)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.core import audit, ratelimit
from beian.core.audit_actions import AuditAction
from beian.core.http import client_address
from beian.filings import services as filing_services
from beian.filings.models import WebsiteApplication
from beian.imports.models import ImportRun
from beian.imports.workbench_views import ImportWorkbench
from beian.rules import check_ip
from beian.staff.permissions import role_required
from beian.unregistered import selectors
from beian.unregistered.csvfile import COLUMN_HELP
from beian.unregistered.exports import website_header, website_row
from beian.unregistered.forms import DomainSearchForm, ListFilterForm

APPLICANT = User.Role.APPLICANT
# Searching is for finding one's own website, not for collecting the police's findings: a few a minute.
SEARCH_LIMITS = [ratelimit.Limit(10, 60), ratelimit.Limit(100, 24 * 3600)]
FOUND_SESSION_KEY = "unregistered_found"
FOUND_KEPT = 20

pages = ImportWorkbench(
    kind=ImportRun.Kind.UNREGISTERED, namespace="unregistered", selectors=selectors,
    filter_form=ListFilterForm, columns=COLUMN_HELP,
    export_header=website_header, export_row=website_row, export_related=("agency",),
    export_action=AuditAction.UNREGISTERED_EXPORTED, export_name="unregistered-websites",
    title=lambda: str(_("Unregistered websites")),
    errors_name="import-errors")


def _render_mine(request, *, status=200, **extra):
    context = {"sites": selectors.for_applicant(request.user), "search_form": DomainSearchForm(),
               "today": timezone.localdate(), **extra}
    return render(request, "unregistered/mine.html", context, status=status)


@role_required(APPLICANT)
def mine_view(request):
    return _render_mine(request)


@role_required(APPLICANT)
def search_view(request):
    """Find an unregistered website imported without a certificate by its whole domain. What is
    shown is what filing it needs (domain, dates, agency), never what the police noted of its sponsor."""
    form = DomainSearchForm(request.GET or None)
    if not form.is_valid():
        return _render_mine(request, search_form=form, status=422 if request.GET else 200)
    verdict = ratelimit.hit(f"unregistered-search:{request.user.pk}", SEARCH_LIMITS)
    if not verdict.allowed:
        minutes = max(1, (verdict.retry_after + 59) // 60)
        form.add_error("domain", _("Too many searches. Try again in %(minutes)d minutes.")
                       % {"minutes": minutes})
        return _render_mine(request, search_form=form, status=429)
    found = list(selectors.find_by_domain(form.cleaned_data["domain"]))
    # Only what was found may be filed without a match (file_it_view checks this list).
    kept = [site.pk for site in found] + request.session.get(FOUND_SESSION_KEY, [])
    request.session[FOUND_SESSION_KEY] = list(dict.fromkeys(kept))[:FOUND_KEPT]
    audit.record(actor=request.user, action=AuditAction.UNREGISTERED_SEARCHED,
                 client_address=client_address(request), details={"found": len(found)})
    return _render_mine(request, search_form=form, found=found, searched=True)


def _fileable(request, site_id: int):
    """A website pushed to this applicant, or one they found by an exact search and still open and
    unmatched; None for anything else (the same 404 whether it exists or not)."""
    site = selectors.for_applicant(request.user).filter(pk=site_id).first()
    if site is None and site_id in request.session.get(FOUND_SESSION_KEY, []):
        site = selectors.findable().filter(pk=site_id).first()
    return site


@role_required(APPLICANT)
@require_POST
def file_it_view(request, site_id: int):
    """"File it": a new-website draft prefilled with what the police found (SPEC §4.7). The entry
    closes itself when the website is filed (beian.unregistered.receivers)."""
    site = _fileable(request, site_id)
    if site is None:
        raise Http404
    prefill = {"main_domain": site.unicode_domain}
    if not check_ip(site.ip, path="ip"):
        prefill["ips"] = [site.ip]
    try:
        application = filing_services.start_application(actor=request.user, kind=WebsiteApplication.Kind.NEW,
                                                         prefill=prefill)
    except filing_services.FilingActionRefused as refused:
        messages.error(request, str(refused))
        return redirect("unregistered:mine")
    return redirect("filings:step", application.pk, "basic")


@role_required(*selectors.WORKBENCH_ROLES)
def detail_view(request, site_id: int):
    site = selectors.get_for_staff(request.user, site_id)
    return render(request, "unregistered/detail.html", {"site": site, "today": timezone.localdate()})
