"""The applicant's "my data" page (a copy of everything held about them) and the account closure.
Only the owner reaches a copy: anyone else's answers 404, like a copy that never existed."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.models import User
from beian.core.http import client_address
from beian.data_rights import selectors, services
from beian.data_rights.forms import CloseAccountForm
from beian.data_rights.models import DataExport
from beian.staff.permissions import role_required

APPLICANT = User.Role.APPLICANT


@role_required(APPLICANT)
def my_data(request):
    now = timezone.now()
    exports = list(selectors.exports_of(request.user)[:10])
    return render(request, "data_rights/my_data.html", {
        "exports": exports, "now": now,
        "in_progress": any(export.in_progress for export in exports),
        "settings_hours": settings.DATA_EXPORT_VALID_HOURS,
    })


@require_POST
@role_required(APPLICANT)
def request_export(request):
    try:
        services.request_data_export(actor=request.user, client_address=client_address(request))
    except services.RightsRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Your copy is being prepared. It is ready in a few minutes; "
                                    "refresh this page to see it."))
    return redirect("data_rights:my_data")


@role_required(APPLICANT)
def download(request, export_id: int):
    try:
        export = selectors.export_for(request.user, export_id)
    except DataExport.DoesNotExist as missing:
        raise Http404 from missing
    try:
        services.record_download(actor=request.user, export=export, client_address=client_address(request))
        stored = export.file.storage.open(export.file.name, "rb")
    except services.RightsRefused as refused:
        return render(request, "data_rights/expired.html", {"message": refused.message}, status=410)
    except FileNotFoundError:  # removed from storage meanwhile: the same answer as an expired link
        return render(request, "data_rights/expired.html",
                      {"message": _("This link has expired. Ask for a new copy of your data.")}, status=410)
    stamp = timezone.localtime(export.ready_at).strftime("%Y%m%d-%H%M")
    response = FileResponse(stored, as_attachment=True, filename=f"my-data-{stamp}.zip",
                            content_type="application/zip")
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(APPLICANT)
def close_account(request):
    form = CloseAccountForm(request.POST or None)
    reasons = selectors.closure_blockers(request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_account(actor=request.user, password=form.cleaned_data["password"],
                                   client_address=client_address(request))
        except services.RightsRefused as refused:
            form.add_error(None, refused.message)
            reasons = refused.reasons or reasons
        else:
            logout(request)
            messages.success(request, _("Your account is closed. An SMS confirms it."))
            return redirect("public:landing")
    return render(request, "data_rights/close_account.html", {"form": form, "reasons": reasons})
