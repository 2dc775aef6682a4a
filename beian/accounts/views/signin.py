"""Sign-in, sign-out and the "stay signed in" endpoint of the idle-timeout warning."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts import signin
from beian.accounts.forms import SignInForm
from beian.accounts.views.common import form_with_human_check, home_for, safe_next
from beian.accounts.views.registration import remember_pending
from beian.core import audit
from beian.core.http import client_address


@login_not_required
def sign_in(request):
    if request.user.is_authenticated and request.method == "GET":
        return redirect(safe_next(request, home_for(request.user)))
    form, submitted = form_with_human_check(request, SignInForm)
    if submitted and form.is_valid():
        outcome = signin.sign_in(request, login=form.cleaned_data["username"],
                                 password=form.cleaned_data["password"])
        if outcome.user is not None:
            return redirect(safe_next(request, home_for(outcome.user)))
        if outcome.pending is not None:
            remember_pending(request, outcome.pending)
            messages.info(request, _("Your mobile number is not confirmed yet. Type the code from the SMS, "
                                     "or ask for a new code."))
            return redirect("accounts:verify_mobile")
        form.add_error(None, outcome.error)
    return render(request, "accounts/login.html", {
        "form": form, "next": request.POST.get("next") or request.GET.get("next", "")})


@login_not_required
@require_POST
def sign_out(request):
    if request.user.is_authenticated:
        audit.record(actor=request.user, action="sign_out", target=request.user,
                     client_address=client_address(request))
    logout(request)
    messages.success(request, _("You are signed out."))
    return redirect("public:landing")


@require_POST
def extend_session(request):
    """Any request counts as activity (IdleTimeoutMiddleware); this one does nothing else."""
    return JsonResponse({"ok": True})
