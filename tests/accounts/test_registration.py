import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from beian.accounts import services
from beian.accounts.models import User
from beian.core.models import AuditEntry
from tests.accounts.helpers import PASSED, STRONG_PASSWORD
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db
MOBILE = "13812348000"


def _form(**overrides):
    data = {"username": "li_website", "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD,
            "real_name": "李明", "mobile": MOBILE, "email": "li@example.cn", **PASSED}
    data.update(overrides)
    return data


def _register(client, **overrides):
    return client.post(reverse("accounts:register"), _form(**overrides), HTTP_ACCEPT_LANGUAGE="en")


def test_registration_creates_an_inactive_account_and_sends_a_code(client, sent_codes, settings):
    from beian import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS  # the suite hashes fast; this checks argon2
    response = _register(client)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:verify_mobile")
    user = User.objects.get(username="li_website")
    assert not user.is_active and user.mobile_verified_at is None and user.role == User.Role.APPLICANT
    assert user.password.startswith("argon2")
    assert sent_codes.count(MOBILE) == 1
    page = client.get(reverse("accounts:verify_mobile"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "138****8000" in page
    assert AuditEntry.objects.filter(action="account_registered", object_id=str(user.pk)).exists()


def test_the_code_activates_and_signs_in_and_the_email_link_goes_out(client, sent_codes, sent_emails):
    _register(client)
    response = client.post(reverse("accounts:verify_mobile"), {"code": sent_codes.last(MOBILE)})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:menu")
    user = User.objects.get(username="li_website")
    assert user.is_active and user.mobile_verified_at is not None and user.email_verified_at is None
    assert client.get(reverse("accounts:menu")).status_code == 200
    assert sent_emails and sent_emails[0]["email"] == "li@example.cn" and "token=" in sent_emails[0]["link"]
    assert AuditEntry.objects.filter(action="account_activated", actor=user).exists()


def test_a_wrong_code_is_refused_next_to_the_field(client, sent_codes):
    _register(client)
    code = sent_codes.last(MOBILE)
    wrong = f"{(int(code) + 1) % 1000000:06d}"
    response = client.post(reverse("accounts:verify_mobile"), {"code": wrong}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "The code is not correct" in response.content.decode()
    assert not User.objects.get(username="li_website").is_active


def test_send_again_is_refused_within_a_minute_with_a_clear_message(client, sent_codes):
    _register(client)
    response = client.post(reverse("accounts:resend_registration_code"), HTTP_ACCEPT_LANGUAGE="en",
                           follow=True)
    assert "You can request a new code in" in response.content.decode()
    assert sent_codes.count(MOBILE) == 1


def test_send_again_after_a_minute_sends_a_new_code(client, sent_codes, clock):
    _register(client)
    clock.advance(seconds=61)
    client.post(reverse("accounts:resend_registration_code"))
    assert sent_codes.count(MOBILE) == 2
    client.post(reverse("accounts:verify_mobile"), {"code": sent_codes.last(MOBILE)})
    assert User.objects.get(username="li_website").is_active


def test_errors_are_per_field_and_keep_what_was_typed_except_passwords(client, sent_codes):
    response = _register(client, username="x", password2="Different-2026x", mobile="12345")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Use 6 to 30 letters" in page
    assert "Enter a mainland mobile phone number" in page
    assert "The two passwords are not the same" in page
    assert 'value="李明"' in page and 'value="12345"' in page and 'value="x"' in page
    assert STRONG_PASSWORD not in page
    assert sent_codes.sent == []


@pytest.mark.parametrize(("field", "value", "message"), [
    ("username", "short", "Use 6 to 30 letters"),
    ("username", "has space here", "Use 6 to 30 letters"),
    ("mobile", "12345678901", "Enter a mainland mobile phone number"),
    ("mobile", "010-62345678", "Enter a mainland mobile phone number"),
    ("email", "not-an-address", "valid email"),
    ("real_name", "", "This field is required"),
])
def test_field_checks(client, sent_codes, field, value, message):
    response = _register(client, **{field: value})
    assert message in response.content.decode()
    assert not User.objects.filter(username="li_website").exists() or field == "username"


@pytest.mark.parametrize(("password", "message"), [
    ("Ab1-xyz", "too short"),
    ("alllowercaseletters", "three of these four kinds"),
    ("li_website-X1", "too similar"),
    ("Password123", "too common"),
])
def test_the_password_policy_applies(client, sent_codes, password, message):
    response = _register(client, password1=password, password2=password)
    assert message in response.content.decode()


def test_mobile_with_country_code_is_stored_as_eleven_digits(client, sent_codes):
    _register(client, mobile="+86 138 1234 8000")
    assert User.objects.get(username="li_website").mobile == MOBILE


def test_a_pending_registration_does_not_block_the_mobile_and_is_superseded(client, sent_codes, clock):
    _register(client)  # someone else's abandoned attempt with this number
    clock.advance(minutes=2)
    other = client_class_client()
    other.post(reverse("accounts:register"), _form(username="real_owner", email="owner@example.cn"))
    other.post(reverse("accounts:verify_mobile"), {"code": sent_codes.last(MOBILE)})
    assert User.objects.get(username="real_owner").is_active
    assert not User.objects.filter(username="li_website").exists()


def test_a_stale_pending_registration_releases_its_username(client, sent_codes, clock):
    _register(client)
    clock.advance(hours=25)
    other = client_class_client()
    response = other.post(reverse("accounts:register"), _form(mobile="13812348001", email="x@example.cn"))
    assert response.status_code == 302
    assert User.objects.get(username="li_website").mobile == "13812348001"


def test_a_fresh_pending_registration_still_holds_its_username(client, sent_codes):
    _register(client)
    other = client_class_client()
    response = other.post(reverse("accounts:register"), _form(mobile="13812348001", email="x@example.cn"),
                          HTTP_ACCEPT_LANGUAGE="en")
    # Said only once the other visitor has confirmed their own number (ADR 0095).
    assert response.status_code == 302
    response = other.post(reverse("accounts:verify_mobile"), {"code": sent_codes.last("13812348001")})
    assert response["Location"] == reverse("accounts:complete_registration")
    page = other.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The username you chose already belongs to another account" in page


def test_the_email_link_confirms_the_address(client):
    user = make_applicant()
    token = services.email_token(user)
    page = client.get(reverse("accounts:confirm_email") + f"?token={token}")
    assert page.status_code == 200
    client.post(reverse("accounts:confirm_email"), {"token": token})
    user.refresh_from_db()
    assert user.email_verified_at is not None
    assert AuditEntry.objects.filter(action="email_verified", actor=user).exists()


def test_a_tampered_or_expired_email_link_is_refused_clearly(client, clock):
    user = make_applicant()
    token = services.email_token(user)
    response = client.post(reverse("accounts:confirm_email"), {"token": token + "x"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "This link is not valid" in response.content.decode()
    with pytest.raises(services.AccountError, match="expired"):
        services.confirm_email(token=token, client_address=None,
                               now=timezone.now() + datetime.timedelta(days=4))
    # signing checks max_age against the real clock: travel with it
    clock.advance(days=4)
    response = client.post(reverse("accounts:confirm_email"), {"token": token}, HTTP_ACCEPT_LANGUAGE="en")
    assert "expired" in response.content.decode() or "not valid" in response.content.decode()


def test_the_link_is_for_the_address_on_the_account(client):
    user = make_applicant()
    token = services.email_token(user)
    user.email = "new@example.cn"
    user.save()
    with translation.override("en"), pytest.raises(services.AccountError, match="no longer on the account"):
        services.confirm_email(token=token, client_address=None)


def test_the_landing_page_links_to_registration(client):
    assert reverse("accounts:register") in client.get("/").content.decode()


def client_class_client():
    from django.test import Client

    return Client()
