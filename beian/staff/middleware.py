"""Second factor for every staff sign-in (SPEC §8: police, administrator and auditor accounts use TOTP).

Install right after django_otp.middleware.OTPMiddleware. A signed-in user who needs a second factor
and has not given it in this session is sent to enrolment (no confirmed TOTP device yet) or to
verification, whatever page they ask for — except public pages (marked @login_not_required), the
OTP pages themselves, signing out and the language switch. Applicants are not affected.

Right after a successful sign-in (any sign-in view: the applicant sign-in page, the admin's) the
redirect to the next page is rewritten to go through the OTP step first, so a police officer never
lands on a page as "half signed in".
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.staff.permissions import requires_second_factor

EXEMPT_VIEW_NAMES = frozenset({
    "staff:otp_enrol", "staff:otp_verify", "accounts:logout", "admin:logout", "set_language",
})


def second_factor_exempt(view_func):
    """Mark a view an unverified staff user may still open (like signing out)."""
    view_func.second_factor_exempt = True
    return view_func


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def default_staff_destination() -> str:
    return reverse("staff:home")


def second_factor_url(user, next_url: str = "") -> str:
    name = "staff:otp_verify" if has_confirmed_device(user) else "staff:otp_enrol"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def safe_next(request, candidate: str | None) -> str:
    """The page to continue to after the OTP step: a local URL, never the public landing page."""
    if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        if candidate != resolve_url(settings.LOGIN_REDIRECT_URL):
            return candidate
    return default_staff_destination()


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        was_signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if not was_signed_in and response.status_code in (301, 302, 303):
            user = request.user  # auth.login() replaced it: the account that has just signed in
            if user.is_authenticated and requires_second_factor(user) \
                    and DEVICE_ID_SESSION_KEY not in request.session:
                response["Location"] = second_factor_url(user, safe_next(request, response["Location"]))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not requires_second_factor(user) or user.is_verified():
            return None
        public = not getattr(view_func, "login_required", True)
        if public or getattr(view_func, "second_factor_exempt", False):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in EXEMPT_VIEW_NAMES:
            return None
        return redirect(second_factor_url(user, request.get_full_path()))
