"""Account administration: the security administrator and supervisors create and (de)activate staff
accounts within their authority (docs/adr/0030)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.core.http import client_address
from beian.staff import selectors, services
from beian.staff.forms import StaffAccountForm
from beian.staff.permissions import ACCOUNT_ADMINISTRATORS, can_manage_account, role_required

PAGE_SIZE = 50


@role_required(*ACCOUNT_ADMINISTRATORS)
@require_GET
def account_list(request):
    query = request.GET.get("q", "").strip()[:50]
    accounts = selectors.staff_accounts_visible_to(request.user).annotate(
        enrolled=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))
    if query:
        accounts = accounts.filter(Q(username__icontains=query) | Q(real_name__icontains=query)
                                   | Q(agency__code__startswith=query))
    page = Paginator(accounts.order_by("username"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "staff/account_list.html", {
        "page": page, "query": query, "query_param": urlencode({"q": query}) if query else ""})


@role_required(*ACCOUNT_ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def account_create(request):
    form = StaffAccountForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account = services.create_staff_account(
                actor=request.user, username=data["username"], real_name=data["real_name"],
                mobile=data["mobile"], email=data["email"], role=data["role"], agency=data["agency"],
                password=data["password"], client_address=client_address(request))
        except IntegrityError:
            # Another administrator took the username, mobile or e-mail between the check and the save.
            form.add_error(None, _("Another account was created with this username, mobile number or "
                                   "e-mail address a moment ago. Check them and try again."))
        else:
            messages.success(request, _("The account %(username)s was created. Give the officer the "
                                        "username and the initial password in person.")
                             % {"username": account.username})
            return redirect("staff:account_detail", pk=account.pk)
    return render(request, "staff/account_form.html", {
        "form": form, "agency_search": form.agency_choices is None})


@role_required(*ACCOUNT_ADMINISTRATORS)
@require_GET
def agency_lookup(request):
    """htmx: agencies matching what was typed in the agency field (code prefix or part of the name)."""
    text = request.GET.get("agency", "")[:50]
    return render(request, "staff/agency_matches.html", {
        "text": text.strip(), "agencies": selectors.search_agencies(request.user, text)})


@role_required(*ACCOUNT_ADMINISTRATORS)
@require_GET
def account_detail(request, pk):
    account = selectors.staff_account_for(request.user, pk)
    return render(request, "staff/account_detail.html", {
        "account": account, "can_manage": can_manage_account(request.user, account),
        "enrolled": TOTPDevice.objects.filter(user=account, confirmed=True).exists()})


_ACTIONS = {
    "deactivate": services.deactivate_staff_account,
    "reactivate": services.reactivate_staff_account,
    "reset_otp": services.reset_second_factor,
}


def _done_message(action: str, username: str) -> str:
    messages_by_action = {
        "deactivate": _("The account %(username)s can no longer sign in."),
        "reactivate": _("The account %(username)s can sign in again."),
        "reset_otp": _("The authenticator of %(username)s was removed; a new one is set up at the next "
                       "sign-in."),
    }
    return messages_by_action[action] % {"username": username}


def _confirm_and_apply(request, pk, *, action: str):
    """GET asks for confirmation; POST does it. 404 outside the actor's sight, 403 outside their authority."""
    account = selectors.staff_account_for(request.user, pk)
    if not can_manage_account(request.user, account):
        raise PermissionDenied
    if request.method == "POST":
        try:
            _ACTIONS[action](actor=request.user, account=account, client_address=client_address(request))
        except IntegrityError:
            messages.error(request, _("The account cannot be reactivated: another active account now uses "
                                      "its mobile number or e-mail address."))
        else:
            messages.success(request, _done_message(action, account.username))
        return redirect("staff:account_detail", pk=account.pk)
    return render(request, "staff/account_confirm.html", {"account": account, "action": action})


@role_required(*ACCOUNT_ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def account_deactivate(request, pk):
    return _confirm_and_apply(request, pk, action="deactivate")


@role_required(*ACCOUNT_ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def account_reactivate(request, pk):
    return _confirm_and_apply(request, pk, action="reactivate")


@role_required(*ACCOUNT_ADMINISTRATORS)
@require_http_methods(["GET", "POST"])
def account_reset_otp(request, pk):
    return _confirm_and_apply(request, pk, action="reset_otp")
