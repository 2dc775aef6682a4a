"""The registration form's "get a code" button (issue 18 item 4, ADR 0112): the code goes out before
the form, after the human check and within the SMS limits, with the same answer whether or not the
number has an account; the form with the right code registers and activates in one step, a wrong code
creates nothing."""

import pytest
from django.urls import reverse

from beian.accounts.models import User
from tests.accounts.helpers import PASSED, STRONG_PASSWORD
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db

MOBILE = "13812348100"
SEND = reverse("accounts:send_registration_code")


def _send(client, mobile=MOBILE, **human_check):
    return client.post(SEND, {"mobile": mobile, **(human_check or PASSED)}, HTTP_ACCEPT_LANGUAGE="en")


def _register(client, **overrides):
    data = {"username": "button_user", "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD,
            "real_name": "李明", "mobile": MOBILE, "email": "button@example.cn", **overrides}
    return client.post(reverse("accounts:register"), data, HTTP_ACCEPT_LANGUAGE="en")


def test_the_button_sends_a_code_and_asks_to_wait_a_minute(client, sent_codes):
    response = _send(client)
    assert response.status_code == 200
    answer = response.json()
    assert answer["sent"] is True and answer["wait_seconds"] == 60
    assert "138****8100" in answer["message"]
    assert sent_codes.count(MOBILE) == 1


def test_a_number_with_an_account_gets_the_same_answer_and_no_code(client, sent_codes):
    holder = make_applicant(mobile="13812348101")
    free = _send(client, mobile="13812348102").json()
    taken = _send(client, mobile=holder.mobile).json()
    assert taken.keys() == free.keys() and taken["sent"] is True
    assert taken["message"].replace("8101", "") == free["message"].replace("8102", "")
    assert sent_codes.count(holder.mobile) == 0


def test_the_button_needs_the_human_check_and_a_mainland_number(client, sent_codes):
    refused = _send(client, captcha_0="any-key", captcha_1="WRONG")
    assert refused.status_code == 400 and "captcha" in refused.json()["errors"]
    bad_number = _send(client, mobile="12345")
    assert bad_number.status_code == 400 and "mobile" in bad_number.json()["errors"]
    assert sent_codes.sent == []


def test_a_second_code_within_the_limit_is_refused_with_a_message(client, sent_codes):
    _send(client)
    again = _send(client)
    assert again.status_code == 429
    assert again.json()["errors"]["mobile"]
    assert sent_codes.count(MOBILE) == 1


def test_the_form_with_the_right_code_registers_and_activates_in_one_step(client, sent_codes):
    _send(client)
    response = _register(client, code=sent_codes.last(MOBILE))  # no human check: the button had it
    assert response.status_code == 302 and response["Location"] == reverse("accounts:menu")
    user = User.objects.get(username="button_user")
    assert user.is_active and user.mobile_verified_at is not None
    assert client.get(reverse("accounts:menu")).status_code == 200


def test_a_wrong_code_creates_nothing_and_says_so_next_to_the_code(client, sent_codes):
    _send(client)
    response = _register(client, code="000000" if sent_codes.last(MOBILE) != "000000" else "111111")
    assert response.status_code == 400
    assert 'id="id_code_error"' in response.content.decode()
    assert not User.objects.filter(username="button_user").exists()


def test_without_a_code_the_form_needs_its_human_check_and_sends_the_code_after(client, sent_codes):
    refused = _register(client)
    assert refused.status_code == 200 and not User.objects.filter(username="button_user").exists()
    response = _register(client, **PASSED)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:verify_mobile")
    assert sent_codes.count(MOBILE) == 1
