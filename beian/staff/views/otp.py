"""Second factor: enrol an authenticator app at the first sign-in, then give a code at every sign-in."""

import base64
from urllib.parse import quote, urlencode

import qrcode
import qrcode.image.svg
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from beian.core.http import client_address
from beian.staff import services
from beian.staff.forms import CodeForm
from beian.staff.middleware import has_confirmed_device, safe_next
from beian.staff.permissions import requires_second_factor

ISSUER = "Beian"


def _provisioning_uri(device) -> str:
    """otpauth:// URI (Key Uri Format) that authenticator apps read from the QR code."""
    secret = base64.b32encode(device.bin_key).decode("ascii")
    label = quote(f"{ISSUER}:{device.user.get_username()}")
    query = urlencode({"secret": secret, "issuer": ISSUER, "algorithm": "SHA1",
                       "digits": device.digits, "period": device.step})
    return f"otpauth://totp/{label}?{query}"


def _qr_code_data_uri(text: str) -> str:
    # SVG in a data: URI: sharp at any zoom, no file to serve, allowed by the CSP (img-src data:).
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode("ascii")


def _grouped_secret(device) -> list[str]:
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return [secret[i:i + 4] for i in range(0, len(secret), 4)]


def _staff_user_or_403(request):
    if not requires_second_factor(request.user):
        raise PermissionDenied
    return request.user


def _locked_message(locked_until) -> str:
    local = timezone.localtime(locked_until) if locked_until else timezone.localtime()
    return _("Too many wrong codes. Wait until %(time)s, then enter the code the app shows at that "
             "moment.") % {"time": formats.time_format(local, "H:i:s")}


def _refused_message(check) -> str:
    if check.already_used:  # a code signs in once: not a clock problem, the next code will do
        return _("This code has already been used, and each code works only once. Wait until the app "
                 "shows a new code, then enter that one.")
    return _("This code is not correct. Enter the code the app shows now; if it is still refused, "
             "check that your phone's clock is set automatically.")


def _finish(request, device):
    request.session.cycle_key()  # a new session key once the sign-in is complete (no fixation)
    otp_login(request, device)
    return redirect(safe_next(request, request.POST.get("next") or request.GET.get("next")))


@never_cache
def enrol(request):
    user = _staff_user_or_403(request)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if user.is_verified():
        return redirect(safe_next(request, next_url))
    if has_confirmed_device(user):
        # Replacing a device is not self-service: a lost phone is reset by the security administrator.
        return redirect(f"{reverse('staff:otp_verify')}?{urlencode({'next': next_url})}")
    device = services.enrolment_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check, confirmed = services.confirm_enrolment(
            user=user, device_id=device.pk, token=form.cleaned_data["code"],
            client_address=client_address(request))
        if confirmed is not None:
            return _finish(request, confirmed)
        if check.locked_until:
            form.add_error(None, _locked_message(check.locked_until))
        else:
            form.add_error("code", _refused_message(check))
    return render(request, "staff/otp_enrol.html", {
        "form": form, "next": next_url, "qr_code": _qr_code_data_uri(_provisioning_uri(device)),
        "secret_groups": _grouped_secret(device), "issuer": ISSUER,
    })


@never_cache
def verify(request):
    user = _staff_user_or_403(request)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if user.is_verified():
        return redirect(safe_next(request, next_url))
    if not has_confirmed_device(user):
        return redirect(f"{reverse('staff:otp_enrol')}?{urlencode({'next': next_url})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check, device = services.verify_second_factor(
            user=user, token=form.cleaned_data["code"], client_address=client_address(request))
        if device is not None:
            return _finish(request, device)
        if check.locked_until:
            form.add_error(None, _locked_message(check.locked_until))
        else:
            form.add_error("code", _refused_message(check))
    return render(request, "staff/otp_verify.html", {"form": form, "next": next_url})
