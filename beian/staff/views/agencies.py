"""The agencies' contact details (SPEC §3): a supervisor keeps their own agency's, the system
administrator every agency's, from a searchable list. The approval SMS gives the telephone."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from beian.accounts.models import User
from beian.core.http import client_address
from beian.staff import selectors, services
from beian.staff.forms import AgencyContactsForm
from beian.staff.permissions import AGENCY_CONTACT_EDITORS, can_edit_agency_contacts, role_required

PAGE_SIZE = 50


@role_required(User.Role.SYSTEM_ADMINISTRATOR)
@require_GET
def agency_list(request):
    query = request.GET.get("q", "").strip()[:50]
    without_telephone = request.GET.get("without_telephone") == "1"
    agencies = selectors.agency_directory(request.user, text=query, without_telephone=without_telephone)
    page = Paginator(agencies, PAGE_SIZE).get_page(request.GET.get("page"))
    params = {key: value for key, value in (("q", query), ("without_telephone", "1" if without_telephone
                                                                                 else "")) if value}
    return render(request, "staff/agency_list.html", {
        "page": page, "query": query, "without_telephone": without_telephone,
        "query_param": urlencode(params)})


@role_required(*AGENCY_CONTACT_EDITORS)
@require_http_methods(["GET", "POST"])
def agency_contacts(request, code):
    """404 for an agency the user may not know about; 403 for one they see but may not edit (a
    supervisor and an agency below theirs)."""
    agency = selectors.agency_for_contacts(request.user, code)
    if not can_edit_agency_contacts(request.user, agency):
        raise PermissionDenied
    form = AgencyContactsForm(request.POST if request.method == "POST" else None, initial={
        field: getattr(agency, field) for field in services.AGENCY_CONTACT_FIELDS})
    if form.is_bound and form.is_valid():
        try:
            services.update_agency_contacts(actor=request.user, agency=agency, **form.cleaned_data,
                                            client_address=client_address(request))
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(request, _("The contact details of %(agency)s were saved.")
                             % {"agency": agency.name})
            return redirect("staff:agency_contacts", code=agency.code)
    return render(request, "staff/agency_contacts.html", {"agency": agency, "form": form})
