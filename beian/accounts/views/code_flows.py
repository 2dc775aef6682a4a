"""The flows that send an SMS code to the account a typed username or mobile names (password reset,
sign-in with a code): the first step, the state kept in the session, and "send a new code"."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from beian.accounts.models import User
from beian.accounts.sms_codes import CodeNotSent
from beian.accounts.views.common import language
from beian.accounts.views.human_check import send_with_human_check
from beian.core.http import client_address


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


def resend_code_for_login(request, *, send, session_key: str, start_url: str, verify_url: str):
    """"Send a new code" on the second page of such a flow: the same `send`, behind the human check
    when the address asks for it, then back to the code page."""
    state, _user = code_flow_state(request, session_key)
    if state is None:
        return redirect(start_url)
    try:
        check_page = send_with_human_check(request, lambda human_checked: send(
            login=state["login"], client_address=client_address(request), language=language(),
            human_checked=human_checked))
    except CodeNotSent as refused:
        messages.error(request, refused.message)
    else:
        if check_page is not None:
            return check_page
        messages.success(request, _("If the account has a confirmed mobile number, a new code was sent "
                                    "to it. Codes sent before no longer work."))
    return redirect(verify_url)
