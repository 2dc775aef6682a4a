"""Pages of unregistered websites: the applicant's list with "File it", and the workbench (list,
enforcement list of overdue websites, detail, CSV upload with its error report, audited export)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.filings import services as filing_services
from beian.filings.models import WebsiteApplication
from beian.rules import check_ip
from beian.staff.permissions import role_required
from beian.unregistered import selectors
from beian.unregistered.csvfile import COLUMN_HELP
from beian.unregistered.exports import website_rows
from beian.unregistered.forms import ListFilterForm
from beian.unregistered.models import ImportRun
from beian.unregistered.workbench_views import ImportWorkbench

pages = ImportWorkbench(
    kind=ImportRun.Kind.UNREGISTERED, namespace="unregistered", selectors=selectors,
    filter_form=ListFilterForm, columns=COLUMN_HELP,
    export_rows=lambda sites: website_rows(sites.select_related("agency")),
    export_action="unregistered_exported", export_name="unregistered-websites", errors_name="import-errors")


@role_required(User.Role.APPLICANT)
def mine_view(request):
    return render(request, "unregistered/mine.html", {"sites": selectors.for_applicant(request.user),
                                                      "today": timezone.localdate()})


@role_required(User.Role.APPLICANT)
@require_POST
def file_it_view(request, site_id: int):
    """"File it": a new-website draft prefilled with what the police found (SPEC §4.7). The entry
    closes itself when the website is filed (beian.unregistered.receivers)."""
    site = selectors.for_applicant(request.user).filter(pk=site_id).first()
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
