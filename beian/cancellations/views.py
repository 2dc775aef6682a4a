"""The applicant's cancellation pages (SPEC §4.6): the list, the request with its SMS-code step, one
request. The reviewer's side is the workbench detail (beian/cancellations/review_kind.py)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts.mobile import mask_phone
from beian.accounts.models import User
from beian.accounts.sms_codes import CodeNotSent
from beian.accounts.views.human_check import send_with_human_check
from beian.cancellations import probe, selectors, services
from beian.cancellations.forms import CancellationForm
from beian.cancellations.models import CancellationApplication
from beian.core.http import client_address
from beian.filings.models import Website
from beian.staff.permissions import role_required

APPLICANT = User.Role.APPLICANT


def _own_website(request, website_id: int) -> Website:
    try:
        return selectors.website_for_cancellation(request.user, website_id)
    except Website.DoesNotExist as missing:
        raise Http404 from missing


@role_required(APPLICANT)
def list_view(request):
    rows = [{"cancellation": cancellation, "item": selectors.review_item_of(cancellation)}
            for cancellation in selectors.cancellations_of(request.user)]
    return render(request, "cancellations/list.html", {
        "rows": rows, "websites": selectors.cancellable_websites_of(request.user)})


def _typed_key(website: Website) -> str:
    return f"cancellation_typed_{website.pk}"


@role_required(APPLICANT)
def new_view(request, website_id: int):
    website = _own_website(request, website_id)
    masked = mask_phone(request.user.mobile) if request.user.mobile else ""
    form = CancellationForm(request.POST or None, initial=request.session.get(_typed_key(website), {}),
                            masked_mobile=masked)
    open_request = selectors.open_cancellation_for(website)
    probe_rows = []
    if request.method == "POST" and form.is_valid():
        try:
            cancellation = services.submit_cancellation(
                actor=request.user, website=website, code=form.cleaned_data["code"],
                reason=form.cleaned_data["reason"], client_address=client_address(request))
        except services.WebsiteStillOnline as refused:
            form.add_error(None, refused.message)
            probe_rows = probe.described([result.as_dict() for result in refused.results])
        except services.CancellationRefused as refused:
            form.add_error(refused.field, refused.message)
        else:
            request.session.pop(_typed_key(website), None)
            messages.success(request, _("Your cancellation request is submitted. The police will decide; "
                                        "you will be told by SMS."))
            return redirect("cancellations:detail", cancellation_id=cancellation.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "cancellations/new.html", {
        "website": website, "form": form, "open_request": open_request, "masked_mobile": masked,
        "probe_rows": probe_rows, "cancellable": website.status == Website.Status.FILED and not open_request,
    }, status=status)


@require_POST
@role_required(APPLICANT)
def send_code_view(request, website_id: int):
    """The send-code button submits the confirmation form: what was typed there (the reason, the tick)
    is kept in the session and offered again on the request page until the request is submitted."""
    website = _own_website(request, website_id)
    request.session[_typed_key(website)] = {"reason": request.POST.get("reason", ""),
                                            "confirm": bool(request.POST.get("confirm"))}
    try:
        check_page = send_with_human_check(request, lambda human_checked: services.request_code(
            actor=request.user, website=website, client_address=client_address(request),
            language=get_language(), human_checked=human_checked))
    except CodeNotSent as refused:
        messages.error(request, refused.message)
    except services.CancellationRefused as refused:
        messages.error(request, refused.message)
    else:
        if check_page is not None:
            return check_page
        messages.success(request, _("A code was sent to %(mobile)s. It is valid for 10 minutes; codes sent "
                                    "before no longer work.") % {"mobile": mask_phone(request.user.mobile)})
    return redirect("cancellations:new", website_id=website.pk)


@role_required(APPLICANT)
def detail_view(request, cancellation_id: int):
    try:
        cancellation = selectors.cancellation_of(request.user, cancellation_id)
    except CancellationApplication.DoesNotExist as missing:
        raise Http404 from missing
    return render(request, "cancellations/detail.html", {
        "cancellation": cancellation, "website": cancellation.website,
        "item": selectors.review_item_of(cancellation),
        "probe_rows": probe.described(cancellation.probe_results),
        "may_apply_again": (cancellation.status == CancellationApplication.Status.REJECTED
                            and selectors.cancellable_websites_of(request.user)
                            .filter(pk=cancellation.website_id).exists()),
    })
