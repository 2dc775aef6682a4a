"""Sign-in, sign-in with an SMS code (the way round a lock), sign-out, and the "stay signed in"
endpoint of the idle-timeout warning."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts import signin
from beian.accounts.forms import SignInCodeRequestForm, SignInForm, SignInWithCodeForm
from beian.accounts.views.code_flows import code_flow_state, resend_code_for_login, send_code_for_login
from beian.accounts.views.common import form_with_human_check, home_for, safe_next
from beian.accounts.views.registration import remember_pending
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.http import client_address

LOCKED_LOGIN = "accounts.locked_login"  # what was typed when a lock refused: the code page offers it
CODE_SIGN_IN = "accounts.code_sign_in"  # {"user": id or None, "login": what was typed}


@login_not_required
def sign_in(request):
    if request.user.is_authenticated and request.method == "GET":
        return redirect(safe_next(request, home_for(request.user)))
    form, submitted = form_with_human_check(request, SignInForm)
    locked = False
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
        locked = outcome.locked
        if locked:
            request.session[LOCKED_LOGIN] = form.cleaned_data["username"]
    return render(request, "accounts/login.html", {
        "form": form, "locked": locked, "next": request.POST.get("next") or request.GET.get("next", "")})


@login_not_required
def sign_in_code_request(request):
    """Step 1 of sign-in with a code: the account, and the code sent to its confirmed mobile."""
    if request.user.is_authenticated:
        return redirect(home_for(request.user))
    form, submitted = form_with_human_check(request, SignInCodeRequestForm)
    if request.method == "GET":  # coming from a refused sign-in: the name typed there
        form.initial = {"username": request.session.get(LOCKED_LOGIN, "")}
    if submitted and form.is_valid():
        return send_code_for_login(request, form, send=signin.request_sign_in_code, session_key=CODE_SIGN_IN,
                                   verify_url="accounts:sign_in_code_verify",
                                   template="accounts/sign_in_code_request.html")
    return render(request, "accounts/sign_in_code_request.html", {"form": form})


@login_not_required
def sign_in_code_verify(request):
    """Step 2: the password and the code together; no lock stops them."""
    state, user = code_flow_state(request, CODE_SIGN_IN)
    if state is None:
        return redirect("accounts:sign_in_code")
    form = SignInWithCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = signin.sign_in_with_code(request, login=state["login"], user=user,
                                           password=form.cleaned_data["password"],
                                           code=form.cleaned_data["code"])
        if outcome.user is not None:
            request.session.pop(CODE_SIGN_IN, None)
            request.session.pop(LOCKED_LOGIN, None)
            return redirect(home_for(outcome.user))
        form.add_error(None, outcome.error)
    return render(request, "accounts/sign_in_code_verify.html", {"form": form, "login": state["login"]},
                  status=400 if form.errors else 200)


@login_not_required
@require_POST
def sign_in_code_resend(request):
    return resend_code_for_login(request, send=signin.request_sign_in_code, session_key=CODE_SIGN_IN,
                                 start_url="accounts:sign_in_code", verify_url="accounts:sign_in_code_verify")


@login_not_required
@require_POST
def sign_out(request):
    if request.user.is_authenticated:
        audit.record(actor=request.user, action=AuditAction.SIGN_OUT, target=request.user,
                     client_address=client_address(request))
    logout(request)
    messages.success(request, _("You are signed out."))
    return redirect("public:landing")


@require_POST
def extend_session(request):
    """Any request counts as activity (IdleTimeoutMiddleware); this one does nothing else."""
    return JsonResponse({"ok": True})
