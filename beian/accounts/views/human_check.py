"""Sending an SMS code from a network that asked for many: the human check first (ADR 0095).

The "send a new code" buttons carry no human check. When sms_limits says the visitor's address is
past its threshold, the button's POST answers with a page holding only the check, whose form posts
back to the same address; the answered check then lets the code go out.
"""

from django.shortcuts import render

from beian.accounts.captcha import requested_mode
from beian.accounts.forms import HumanCheckForm
from beian.accounts.sms_codes import HumanCheckNeeded
from beian.accounts.views.common import form_with_human_check

ANSWERED = "human_check_answered"  # hidden field of the check page's form


def send_with_human_check(request, send, *, hidden: dict | None = None):
    """Call `send(human_checked=…)` for this POST. Returns None when it ran (the caller reports the
    result; CodeNotSent and the caller's own refusals propagate), or the check page to show."""
    human_checked = False
    if ANSWERED in request.POST:
        form, submitted = form_with_human_check(request, HumanCheckForm)
        if not (submitted and form.is_valid()):
            return _check_page(request, form, hidden)
        human_checked = True
    try:
        send(human_checked=human_checked)
    except HumanCheckNeeded as needed:
        return _check_page(request, HumanCheckForm(captcha_mode=requested_mode(request)), hidden,
                           message=needed.message)
    return None


def _check_page(request, form, hidden, *, message=""):
    return render(request, "accounts/send_code_check.html", {
        "form": form, "action": request.path, "message": message, "answered_field": ANSWERED,
        "hidden": (hidden or {}).items()}, status=200 if not form.errors else 400)
