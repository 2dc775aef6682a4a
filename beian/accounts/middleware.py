"""Idle sign-out (SPEC §8): 30 minutes for applicants, 15 for police and administrators.

The time of the last request is kept in the session (shared by every web process). The page's
script (static/accounts/idle-timeout.js) warns shortly before and offers to stay signed in.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import ngettext

LAST_ACTIVITY = "accounts.last_activity"
# Writing the session on every request costs a database write; a few seconds of slack do not matter.
_WRITE_EVERY_SECONDS = 10


def idle_timeout_minutes(user) -> int:
    if getattr(user, "needs_second_factor", False):
        return settings.IDLE_TIMEOUT_MINUTES_STAFF
    return settings.IDLE_TIMEOUT_MINUTES_APPLICANT


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = timezone.now().timestamp()
            last = request.session.get(LAST_ACTIVITY)
            minutes = idle_timeout_minutes(user)
            if last is not None and now - last > minutes * 60:
                return self._sign_out(request, minutes)
            if last is None or now - last >= _WRITE_EVERY_SECONDS:
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)

    def _sign_out(self, request, minutes: int):
        logout(request)
        message = ngettext("You were signed out after %(count)d minute without activity. Sign in again.",
                           "You were signed out after %(count)d minutes without activity. Sign in again.",
                           minutes) % {"count": minutes}
        wants_json = request.headers.get("Accept", "").startswith("application/json")
        if wants_json or request.headers.get("HX-Request"):
            return JsonResponse({"signed_out": True, "message": message}, status=401)
        messages.warning(request, message)
        login_url = reverse(settings.LOGIN_URL)
        if request.method == "GET":
            login_url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(login_url)
