"""Registration: the form, the SMS code that activates the account, the e-mail link."""

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.accounts import services
from beian.accounts.captcha import requested_mode
from beian.accounts.forms import CodeForm, CompleteRegistrationForm, RegistrationCodeForm, RegistrationForm
from beian.accounts.mobile import mask_phone
from beian.accounts.selectors import pending_registrations
from beian.accounts.signin import AUTH_BACKEND
from beian.accounts.sms_codes import CODE_LIFETIME, CodeNotSent
from beian.accounts.views.common import form_with_human_check, home_for, language
from beian.accounts.views.human_check import send_with_human_check
from beian.core.http import client_address

PENDING_USER = "accounts.pending_user_id"
# The button waits this long before it offers another code (the SMS limits decide what is sent).
RESEND_WAIT_SECONDS = 60
# The code confirmed the mobile of the pending registration, but its username or e-mail address must
# be chosen again: {"user": id, "at": timestamp, "fields": [...]}, good for as long as a code.
MOBILE_CONFIRMED = "accounts.mobile_confirmed"


def _pending_user(request):
    user_id = request.session.get(PENDING_USER)
    return pending_registrations().filter(pk=user_id).first() if user_id else None


def remember_pending(request, user) -> None:
    request.session[PENDING_USER] = user.pk


def _email_link_base(request) -> str:
    return request.build_absolute_uri(reverse("accounts:confirm_email"))


@login_not_required
def register(request):
    if request.user.is_authenticated:
        return redirect(home_for(request.user))
    form, submitted = form_with_human_check(request, RegistrationForm)
    if submitted and form.is_valid() and form.cleaned_data["code"]:
        return _register_with_code(request, form)
    if submitted and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.register_applicant(
                username=data["username"], password=data["password1"], real_name=data["real_name"],
                mobile=data["mobile"], email=data["email"], client_address=client_address(request),
                language=language(), human_checked=True)  # the form's check was answered just now
        except CodeNotSent as refused:
            form.add_error("mobile", refused.message)
        else:
            remember_pending(request, user)
            return redirect("accounts:verify_mobile")
    return render(request, "accounts/register.html", {"form": form})


def _register_with_code(request, form):
    """One step: the code from the "get a code" button came with the form (ADR 0112)."""
    data = form.cleaned_data
    try:
        user = services.register_with_code(
            username=data["username"], password=data["password1"], real_name=data["real_name"],
            mobile=data["mobile"], email=data["email"], code=data["code"],
            client_address=client_address(request), email_link_base=_email_link_base(request),
            language=language())
    except services.RegistrationIncomplete as incomplete:
        remember_pending(request, incomplete.user)
        request.session[MOBILE_CONFIRMED] = {"user": incomplete.user.pk, "at": timezone.now().timestamp(),
                                             "fields": incomplete.fields}
        return redirect("accounts:complete_registration")
    except services.AccountError as refused:
        form.add_error("code", refused.message)
        return render(request, "accounts/register.html", {"form": form}, status=400)
    return _welcome(request, user)


@login_not_required
@require_POST
def send_registration_code(request):
    """The registration form's "get a code" button: JSON for its script. The same answer whether or not
    the number has an account; a limit's refusal says when to try again."""
    form = RegistrationCodeForm(request.POST, captcha_mode=requested_mode(request))
    if not form.is_valid():
        return JsonResponse({"sent": False, "errors": {name: [str(error) for error in errors]
                                                       for name, errors in form.errors.items()}}, status=400)
    try:
        services.send_registration_code(mobile=form.cleaned_data["mobile"],
                                        client_address=client_address(request), language=language())
    except CodeNotSent as refused:
        return JsonResponse({"sent": False, "errors": {"mobile": [refused.message]}}, status=429)
    return JsonResponse({"sent": True, "wait_seconds": RESEND_WAIT_SECONDS,
                         "message": _("A code is on its way to %(mobile)s. It is valid for %(minutes)d "
                                      "minutes.") % {"mobile": mask_phone(form.cleaned_data["mobile"]),
                                                     "minutes": int(CODE_LIFETIME.total_seconds() // 60)}})


@login_not_required
def verify_mobile(request):
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("There is no registration waiting for a code in this browser. "
                                 "Register, or sign in if your account is already active."))
        return redirect("accounts:register")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.activate_account(user=user, code=form.cleaned_data["code"],
                                             client_address=client_address(request),
                                             email_link_base=_email_link_base(request), language=language())
        except services.RegistrationIncomplete as incomplete:
            request.session[MOBILE_CONFIRMED] = {"user": user.pk, "at": timezone.now().timestamp(),
                                                 "fields": incomplete.fields}
            return redirect("accounts:complete_registration")
        except services.AccountError as refused:
            form.add_error("code", refused.message)
        else:
            return _welcome(request, user)
    return render(request, "accounts/verify_mobile.html",
                  {"form": form, "masked_mobile": mask_phone(user.mobile)})


def _welcome(request, user):
    request.session.pop(PENDING_USER, None)
    request.session.pop(MOBILE_CONFIRMED, None)
    auth_login(request, user, backend=AUTH_BACKEND)
    messages.success(request, _("Your mobile number is confirmed and your account is active. "
                                "We sent a link to %(email)s: open it to confirm your e-mail "
                                "address.") % {"email": user.email})
    return redirect("accounts:menu")


def _confirmed_registration(request):
    """The pending registration whose mobile this browser confirmed recently, and what to choose again."""
    user, confirmed = _pending_user(request), request.session.get(MOBILE_CONFIRMED)
    if user is None or not confirmed or confirmed.get("user") != user.pk:
        return None, []
    if timezone.now().timestamp() - confirmed.get("at", 0) > CODE_LIFETIME.total_seconds():
        return None, []
    return user, confirmed.get("fields") or []


@login_not_required
def complete_registration(request):
    """After the code: a username and/or e-mail address that another account holds, chosen again."""
    user, fields = _confirmed_registration(request)
    if user is None:
        messages.info(request, _("This step has expired or belongs to another registration. Register "
                                 "again; the code is then sent once more."))
        return redirect("accounts:register")
    form = CompleteRegistrationForm(request.POST or None, fields=fields)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.complete_registration(
                user=user, username=form.cleaned_data.get("username", ""),
                email=form.cleaned_data.get("email", ""), client_address=client_address(request),
                email_link_base=_email_link_base(request), language=language())
        except services.RegistrationIncomplete as incomplete:  # taken between the form and the save
            request.session[MOBILE_CONFIRMED] = {**request.session[MOBILE_CONFIRMED],
                                                 "fields": incomplete.fields}
            form = CompleteRegistrationForm(request.POST, fields=incomplete.fields)
            form.is_valid()
        except services.AccountError as refused:
            form.add_error(None, refused.message)
        else:
            return _welcome(request, user)
    return render(request, "accounts/complete_registration.html", {"form": form, "fields": fields},
                  status=400 if form.errors else 200)


@login_not_required
@require_POST
def resend_registration_code(request):
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:register")
    try:
        check_page = send_with_human_check(request, lambda human_checked: services.resend_registration_code(
            user=user, client_address=client_address(request), language=language(),
            human_checked=human_checked))
    except (CodeNotSent, services.AccountError) as refused:
        messages.error(request, refused.message)
    else:
        if check_page is not None:
            return check_page
        messages.success(request, _("A new SMS was sent to %(mobile)s. Codes sent before no longer work.")
                         % {"mobile": mask_phone(user.mobile)})
    return redirect("accounts:verify_mobile")


@login_not_required
def confirm_email(request):
    """The link of the confirmation e-mail opens a page with a button: mail scanners that follow
    links must not confirm an address by themselves."""
    token = request.POST.get("token") or request.GET.get("token") or ""
    error = "" if token else _("This link is not complete. Copy the whole link from the e-mail.")
    if request.method == "POST" and token:
        try:
            services.confirm_email(token=token, client_address=client_address(request))
        except services.AccountError as refused:
            error = refused.message
        else:
            messages.success(request, _("Thank you: your e-mail address is confirmed. Copies of decisions "
                                        "will also be sent there."))
            return redirect("accounts:menu" if request.user.is_authenticated else "public:landing")
    return render(request, "accounts/confirm_email.html", {"token": token, "error": error},
                  status=400 if error and request.method == "POST" else 200)


@require_POST
def resend_email_confirmation(request):
    try:
        services.send_email_confirmation(user=request.user, email_link_base=_email_link_base(request),
                                         language=language())
    except services.AccountError as refused:
        messages.info(request, refused.message)
    else:
        messages.success(request, _("We sent a new link to %(email)s.") % {"email": request.user.email})
    return redirect("accounts:menu")
