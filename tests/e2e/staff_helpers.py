"""Browser helpers for staff journeys: sign in (with or without a human check), TOTP codes, sign out."""

import base64
import re

from django_otp.oath import totp

CAPTCHA_TEST_ANSWER = "PASSED"  # accepted when CAPTCHA_TEST_MODE is on (tests/conftest.py)


def sign_in(page, username: str, password: str) -> None:
    """Fill the sign-in form; answer the human check if the form has one."""
    page.goto("/accounts/login/")
    page.locator("input[name='username']").fill(username)
    page.locator("input[name='password']").fill(password)
    answer = page.locator("input[name$='captcha_1']")
    if answer.count():
        answer.fill(CAPTCHA_TEST_ANSWER)
    # The main button has no name; the human-check switches are named buttons.
    page.locator("main form button[type='submit']:not([name])").first.click()


def sign_in_with_second_factor(page, user, password: str, steps_ahead: int = 0) -> None:
    """Sign in a staff account and answer the TOTP step with its device's current code (a code is
    accepted once: a second sign-in in the same journey passes steps_ahead=1)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    sign_in(page, user.username, password)
    device = TOTPDevice.objects.get(user=user)
    page.locator("input[name='code']").fill(code_for_key_hex(device.key, steps_ahead=steps_ahead))
    page.locator("main form button[type='submit']").first.click()


def sign_out(page) -> None:
    page.locator("form[action$='/accounts/logout/'] button").click()


def code_for_secret(secret: str, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows for a base32 key (optionally for a later 30-second step:
    a code is accepted only once, so a second sign-in within the same step uses the next one)."""
    key = base64.b32decode(re.sub(r"\s", "", secret).upper() + "=" * (-len(re.sub(r"\s", "", secret)) % 8))
    return f"{totp(key, step=30, t0=0, digits=6, drift=steps_ahead):06d}"


def code_for_key_hex(key_hex: str, steps_ahead: int = 0) -> str:
    return code_for_secret(base64.b32encode(bytes.fromhex(key_hex)).decode(), steps_ahead)


def confirm_decision(page) -> None:
    """Confirm an irreversible decision (a record number issued, a filing cancelled) on the page that
    names its consequence; the first click of the decision only shows that page (issue 17)."""
    page.locator("main form:has(input[name='confirmed']) button[type='submit']").click()


def open_decision(page, name: str):
    """Open a decision of the item page's panel (one with fields is a closed <details>); its form."""
    page.locator(f"details:has(form[action$='/decide/{name}/']) > summary").click()
    return page.locator(f"form[action$='/decide/{name}/']")
