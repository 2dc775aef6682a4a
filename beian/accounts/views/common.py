"""Small helpers shared by the account views."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language

from beian.accounts.captcha import kept_input, requested_mode, switch_requested
from beian.accounts.models import User
from beian.accounts.sms_codes import CodeNotSent
from beian.core.http import client_address


def language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def home_for(user) -> str:
    if user.role == User.Role.APPLICANT:
        return reverse("accounts:menu")
    return reverse(settings.LOGIN_REDIRECT_URL)


def safe_next(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()},
                                                     require_https=request.is_secure()):
        return candidate
    return fallback


def form_with_human_check(request, form_class, **kwargs):
    """The form for this request, and whether it should be processed.

    A click on "answer a question instead" (or "another picture") posts the form too: it comes back
    with what was typed (never passwords) and the other challenge, without error messages.
    """
    mode = requested_mode(request)
    if switch_requested(request):
        return form_class(initial=kept_input(request), captcha_mode=mode, **kwargs), False
    if request.method == "POST":
        return form_class(request.POST, captcha_mode=mode, **kwargs), True
    return form_class(captcha_mode=mode, **kwargs), False


def render_form(request, template, form, **context):
    return render(request, template, {"form": form, **context})


def send_code_for_login(request, form, *, send, session_key: str, verify_url: str, template: str):
    """The first step of a flow that sends an SMS code to the account a typed username or mobile
    names (password reset, sign-in with a code): `send(login=…, client_address=…, language=…,
    human_checked=True)` returns the account or None (never saying which), or raises CodeNotSent."""
    login = form.cleaned_data["username"]
    try:
        user = send(login=login, client_address=client_address(request), language=language(),
                    human_checked=True)
    except CodeNotSent as refused:
        form.add_error(None, refused.message)
        return render(request, template, {"form": form})
    request.session[session_key] = {"user": user.pk if user else None, "login": login}
    return redirect(verify_url)


def code_flow_state(request, session_key: str):
    """(state, active account or None) of a code flow begun by send_code_for_login; (None, None)
    when none was begun in this session."""
    state = request.session.get(session_key)
    if not state:
        return None, None
    user = User.objects.filter(pk=state["user"], is_active=True).first() if state["user"] else None
    return state, user
