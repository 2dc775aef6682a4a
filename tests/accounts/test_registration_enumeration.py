"""Registration does not tell an anonymous visitor which usernames, mobile numbers or e-mail addresses
have an account (issue 14, item 4; ADR 0095). The timing of sign-in is in test_sign_in.py."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from beian.accounts.models import User
from beian.notifications.models import OutboxMessage, SystemMessage
from tests.accounts.helpers import PASSED, STRONG_PASSWORD
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
HOLDER_MOBILE, NEW_MOBILE = "13957021846", "13812348000"


def _form(**overrides):
    return {"username": "li_website", "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD,
            "real_name": "李明", "mobile": NEW_MOBILE, "email": "li@example.cn", **PASSED, **overrides}


def _register(**overrides):
    client = Client()
    response = client.post(reverse("accounts:register"), _form(**overrides), **EN)
    return client, response


def _code_page(client) -> str:
    """The code page with the masked number blanked out (the only thing that may differ)."""
    page = client.get(reverse("accounts:verify_mobile"), **EN).content.decode()
    page = re.sub(r"1\d\d\*\*\*\*\d{4}", "MOBILE", page)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


@pytest.fixture
def holder():
    return make_applicant("wang_applicant", mobile=HOLDER_MOBILE, email="wang@example.cn")


def test_a_taken_username_mobile_or_email_gets_the_same_answer_as_new_ones(holder, sent_codes):
    new_client, new_response = _register()
    taken_client, taken_response = _register(username="wang_applicant", mobile=HOLDER_MOBILE,
                                             email="wang@example.cn")
    assert new_response.status_code == taken_response.status_code == 302
    assert new_response["Location"] == taken_response["Location"] == reverse("accounts:verify_mobile")
    assert _code_page(new_client) == _code_page(taken_client)
    page = _code_page(taken_client)
    assert "already taken" not in page and "already belongs to an account." not in page


def test_the_holder_of_a_taken_mobile_is_told_and_no_code_goes_out(holder, sent_codes):
    taken_client, _response = _register(mobile=HOLDER_MOBILE)
    assert sent_codes.count(HOLDER_MOBILE) == 0
    notice = OutboxMessage.objects.get(to=HOLDER_MOBILE)
    assert notice.template == "registration_attempt" and notice.user == holder
    assert SystemMessage.objects.filter(user=holder, template="registration_attempt").exists()
    # The code page behaves as for any number: a guess is just a wrong code.
    response = taken_client.post(reverse("accounts:verify_mobile"), {"code": "123456"}, **EN)
    assert "The code is not correct" in response.content.decode()
    assert list(User.objects.filter(mobile=HOLDER_MOBILE, is_active=True)) == [holder]


def test_send_again_to_a_taken_mobile_sends_the_notice_again_within_the_limits(holder, sent_codes, clock):
    taken_client, _response = _register(mobile=HOLDER_MOBILE)
    response = taken_client.post(reverse("accounts:resend_registration_code"), follow=True, **EN)
    assert "You can request a new code in" in response.content.decode()  # the per-number limit holds
    clock.advance(seconds=61)
    response = taken_client.post(reverse("accounts:resend_registration_code"), follow=True, **EN)
    assert "A new SMS was sent to" in response.content.decode()
    assert OutboxMessage.objects.filter(to=HOLDER_MOBILE, template="registration_attempt").count() == 2
    assert sent_codes.count(HOLDER_MOBILE) == 0


def test_the_holder_of_a_taken_email_is_told_and_the_visitor_asked_for_another_after_the_code(
        holder, sent_codes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client, _response = _register(email="WANG@example.cn")
    assert [message.to for message in mail.outbox] == [["wang@example.cn"]]
    assert "Someone tried to register with your e-mail address" in mail.outbox[0].subject
    response = client.post(reverse("accounts:verify_mobile"), {"code": sent_codes.last(NEW_MOBILE)})
    assert response["Location"] == reverse("accounts:complete_registration")
    page = client.get(response["Location"], **EN).content.decode()
    assert "The e-mail address you gave already belongs to another account" in page
    assert 'name="username"' not in page
    response = client.post(response["Location"], {"email": "wang@example.cn"}, **EN)
    assert response.status_code == 400 and "already belongs to an account" in response.content.decode()
    response = client.post(reverse("accounts:complete_registration"), {"email": "li@example.cn"})
    assert response["Location"] == reverse("accounts:menu")
    user = User.objects.get(mobile=NEW_MOBILE, is_active=True)
    assert user.username == "li_website" and user.email == "li@example.cn"


def test_a_taken_username_is_asked_for_again_only_after_the_code(holder, sent_codes):
    client, _response = _register(username="Wang_Applicant")
    # Before the code nothing says the name is taken …
    response = client.post(reverse("accounts:complete_registration"), {"username": "li_website"})
    assert response["Location"] == reverse("accounts:register")
    response = client.post(reverse("accounts:verify_mobile"), {"code": sent_codes.last(NEW_MOBILE)})
    assert response["Location"] == reverse("accounts:complete_registration")
    # … after it, the person with a confirmed number is told plainly.
    page = client.get(response["Location"], **EN).content.decode()
    assert "The username you chose already belongs to another account" in page
    response = client.post(reverse("accounts:complete_registration"), {"username": "wang_applicant"}, **EN)
    assert "This username is already taken" in response.content.decode()
    response = client.post(reverse("accounts:complete_registration"), {"username": "li_website"})
    assert response["Location"] == reverse("accounts:menu")
    user = User.objects.get(username="li_website")
    assert user.is_active and user.mobile == NEW_MOBILE and client.session["_auth_user_id"] == str(user.pk)


def test_the_confirmation_step_expires(holder, sent_codes, clock):
    client, _response = _register(username="wang_applicant")
    client.post(reverse("accounts:verify_mobile"), {"code": sent_codes.last(NEW_MOBILE)})
    clock.advance(minutes=11)
    response = client.post(reverse("accounts:complete_registration"), {"username": "li_website"})
    assert response["Location"] == reverse("accounts:register")
    assert not User.objects.filter(username="li_website").exists()
