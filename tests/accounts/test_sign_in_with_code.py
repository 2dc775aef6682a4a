"""Lock-out abuse (issue 14, item 3; ADR 0095): anyone can lock an account by failing on purpose, so its
owner signs in with the password and a code sent to the account's confirmed mobile, whatever lock holds."""

import pytest
from django.test import Client
from django.urls import reverse

from beian.core.models import AuditEntry
from tests.accounts.helpers import PASSED, STRONG_PASSWORD
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")
MOBILE = "13957021846"
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _sign_in(client, login, password, **extra):
    return client.post(LOGIN, {"username": login, "password": password, **PASSED}, **extra)


def _lock(login, settings, *, address="198.51.100.66"):
    attacker = Client(REMOTE_ADDR=address)
    for index in range(settings.SIGN_IN_MAX_FAILURES):
        _sign_in(attacker, login, f"Guess-{index}")


def _verify(client, password, code):
    return client.post(reverse("accounts:sign_in_code_verify"), {"password": password, "code": code}, **EN)


def _ask_for_a_code(client, login, **extra):
    return client.post(reverse("accounts:sign_in_code"), {"username": login, **PASSED}, **extra)


def test_the_owner_of_a_locked_account_signs_in_with_password_and_code(client, sent_codes, settings):
    user = make_applicant(mobile=MOBILE)
    _lock(user.username, settings)
    response = _sign_in(client, user.username, STRONG_PASSWORD, **EN)
    page = response.content.decode()
    assert response.status_code == 200 and "locked" in page and "_auth_user_id" not in client.session
    # The page offers the way round the lock, with the name typed already in its form.
    assert reverse("accounts:sign_in_code") in page and "Sign in with a code sent to your mobile" in page
    assert f'value="{user.username}"' in client.get(reverse("accounts:sign_in_code"), **EN).content.decode()

    response = _ask_for_a_code(client, user.username)
    assert response["Location"] == reverse("accounts:sign_in_code_verify")
    assert sent_codes.count(MOBILE) == 1
    response = client.post(reverse("accounts:sign_in_code_verify"),
                           {"password": STRONG_PASSWORD, "code": sent_codes.last(MOBILE)})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:menu")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert AuditEntry.objects.filter(action="sign_in", actor=user, details__with="sms_code").exists()
    # The account's lock is over for its owner: the next sign-in with the password alone works.
    client.post(reverse("accounts:logout"))
    assert _sign_in(client, user.username, STRONG_PASSWORD).status_code == 302


def test_the_lock_of_the_address_does_not_stop_the_code_either(sent_codes, settings):
    user = make_applicant(mobile=MOBILE)
    office = Client(REMOTE_ADDR="203.0.113.9")
    for index in range(settings.SIGN_IN_ADDRESS_MAX_FAILURES):
        _sign_in(office, f"someone_{index}", "wrong")
    assert "locked" in _sign_in(office, user.username, STRONG_PASSWORD, **EN).content.decode()
    _ask_for_a_code(office, MOBILE)  # by mobile number, as sign-in allows
    response = office.post(reverse("accounts:sign_in_code_verify"),
                           {"password": STRONG_PASSWORD, "code": sent_codes.last(MOBILE)})
    assert response.status_code == 302 and office.session["_auth_user_id"] == str(user.pk)


def test_a_wrong_password_uses_the_code_up(client, sent_codes, settings):
    user = make_applicant(mobile=MOBILE)
    _ask_for_a_code(client, user.username)
    code = sent_codes.last(MOBILE)
    response = _verify(client, "Wrong-pass-1", code)
    assert response.status_code == 400 and "The password is not correct" in response.content.decode()
    response = _verify(client, STRONG_PASSWORD, code)
    assert "already been used" in response.content.decode() and "_auth_user_id" not in client.session


def test_a_wrong_code_does_not_sign_in(client, sent_codes):
    make_applicant(mobile=MOBILE)
    _ask_for_a_code(client, MOBILE)
    wrong = f"{(int(sent_codes.last(MOBILE)) + 1) % 1000000:06d}"
    response = _verify(client, STRONG_PASSWORD, wrong)
    assert response.status_code == 400 and "The code is not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_unknown_name_gets_the_same_pages_and_no_sms(client, sent_codes):
    response = _ask_for_a_code(client, "no_such_person")
    assert response["Location"] == reverse("accounts:sign_in_code_verify")
    page = client.get(response["Location"], **EN).content.decode()
    assert "If “no_such_person” is an account with a confirmed mobile number" in page
    response = client.post(reverse("accounts:sign_in_code_verify"), {"password": "x", "code": "123456"}, **EN)
    assert response.status_code == 400 and "The code is not correct" in response.content.decode()
    assert sent_codes.sent == []


def test_the_code_path_has_the_sms_limits(client, sent_codes):
    make_applicant(mobile=MOBILE)
    _ask_for_a_code(client, MOBILE)
    response = client.post(reverse("accounts:sign_in_code_resend"), follow=True, **EN)
    assert "You can request a new code in" in response.content.decode()
    assert sent_codes.count(MOBILE) == 1


def test_the_offer_reads_in_chinese(client, settings):
    user = make_applicant(mobile=MOBILE)
    _lock(user.username, settings)
    page = _sign_in(client, user.username, STRONG_PASSWORD, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "用短信验证码登录" in page and "锁定" in page
    page = client.get(reverse("accounts:sign_in_code"), HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "用短信验证码登录" in page
