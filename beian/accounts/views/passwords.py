"""Password change (signed in) and password reset by SMS code (signed out)."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts import services
from beian.accounts.forms import PasswordResetForm, PasswordResetRequestForm, PlatformPasswordChangeForm
from beian.accounts.views.code_flows import code_flow_state, resend_code_for_login, send_code_for_login
from beian.accounts.views.common import form_with_human_check, home_for
from beian.core.http import client_address

RESET = "accounts.password_reset"  # {"user": id or None, "login": what was typed}


def change_password(request):
    form = PlatformPasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.change_password(user=request.user, new_password=form.cleaned_data["new_password1"],
                                 client_address=client_address(request))
        update_session_auth_hash(request, request.user)  # stay signed in here, other sessions end
        messages.success(request, _("Your password is changed."))
        return redirect(home_for(request.user))
    return render(request, "accounts/password_change.html", {"form": form})


@login_not_required
def reset_request(request):
    form, submitted = form_with_human_check(request, PasswordResetRequestForm)
    if submitted and form.is_valid():
        return send_code_for_login(request, form, send=services.request_password_reset, session_key=RESET,
                                   verify_url="accounts:password_reset_verify",
                                   template="accounts/password_reset_request.html")
    return render(request, "accounts/password_reset_request.html", {"form": form})


@login_not_required
def reset_verify(request):
    state, user = code_flow_state(request, RESET)
    if state is None:
        return redirect("accounts:password_reset")
    form = PasswordResetForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.reset_password(user=user, code=form.cleaned_data["code"],
                                    new_password=form.cleaned_data["password1"],
                                    client_address=client_address(request))
        except services.AccountError as refused:
            form.add_error("code", refused.message)
        else:
            request.session.pop(RESET, None)
            messages.success(request, _("Your password is changed. Sign in with the new password."))
            return redirect("accounts:login")
    return render(request, "accounts/password_reset_verify.html", {"form": form, "login": state["login"]})


@login_not_required
@require_POST
def reset_resend(request):
    return resend_code_for_login(request, send=services.request_password_reset, session_key=RESET,
                                 start_url="accounts:password_reset",
                                 verify_url="accounts:password_reset_verify")
