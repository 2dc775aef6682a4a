"""Small helpers shared by the account views."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language

from beian.accounts.captcha import kept_input, requested_mode, switch_requested
from beian.accounts.models import User


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

