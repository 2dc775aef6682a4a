"""SMS limits that stop abuse but not offices (issue 14, item 1; ADR 0095): strict per number, generous
per client address with the human check again past a threshold, and a platform-wide daily budget."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beian.accounts.models import User, VerificationCode
from beian.accounts.sms_codes import CodeNotSent, HumanCheckNeeded, issue_code
from beian.notifications.models import SystemMessage
from tests.accounts.helpers import PASSED, STRONG_PASSWORD

pytestmark = pytest.mark.django_db
OFFICE = "203.0.113.7"
REG = VerificationCode.Purpose.REGISTRATION


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _register(client, index):
    mobile = f"1381234{index:04d}"
    return mobile, client.post(reverse("accounts:register"), {
        "username": f"office_user_{index}", "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD,
        "real_name": "李明", "mobile": mobile, "email": f"user{index}@example.cn", **PASSED},
        HTTP_ACCEPT_LANGUAGE="en")


def test_an_office_behind_one_address_registers_many_people_at_once(sent_codes, clock):
    for index in range(12):
        mobile, response = _register(Client(REMOTE_ADDR=OFFICE), index)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response["Location"] == reverse("accounts:verify_mobile")
        assert sent_codes.count(mobile) == 1
        clock.advance(seconds=20)


def test_a_refusal_never_says_a_code_went_to_a_number_that_got_none(sent_codes, settings):
    settings.SMS_CODE_ADDRESS_LIMITS = [(2, 3600), (500, 86400)]
    for index in range(2):
        _register(Client(REMOTE_ADDR=OFFICE), index)
    mobile, response = _register(Client(REMOTE_ADDR=OFFICE), 2)
    page = response.content.decode()
    assert response.status_code == 200 and sent_codes.count(mobile) == 0
    assert "No code was sent" in page and "was sent a moment ago" not in page
    assert not User.objects.filter(mobile=mobile).exists()


def test_the_limits_per_number_stay_strict_whatever_the_address(sent_codes, clock):
    issue_code(phone="13912340000", purpose=REG, client_address="10.0.0.1")
    clock.advance(seconds=10)
    with pytest.raises(CodeNotSent) as refused:
        issue_code(phone="13912340000", purpose=REG, client_address="10.0.0.2")
    assert "An SMS was sent to this number a moment ago" in refused.value.message


def test_past_the_threshold_the_address_answers_the_human_check_again(sent_codes, clock, settings):
    settings.SMS_CODE_ADDRESS_HUMAN_CHECK_AFTER = (3, 3600)
    for index in range(3):
        issue_code(phone=f"1391234000{index}", purpose=REG, client_address=OFFICE)
    with pytest.raises(HumanCheckNeeded) as needed:
        issue_code(phone="13912340009", purpose=REG, client_address=OFFICE)
    assert "answer the check" in needed.value.message and "No code was sent" in needed.value.message
    assert sent_codes.count("13912340009") == 0
    issue_code(phone="13912340009", purpose=REG, client_address=OFFICE, human_checked=True)
    assert sent_codes.count("13912340009") == 1
    # The threshold counts per address: another network goes on without a check.
    issue_code(phone="13912340008", purpose=REG, client_address="198.51.100.1")
    # An hour later the office is below the threshold again.
    clock.advance(hours=1, seconds=1)
    issue_code(phone="13912340007", purpose=REG, client_address=OFFICE)


def test_the_hard_limit_per_address_refuses_even_with_the_check(sent_codes, settings):
    settings.SMS_CODE_ADDRESS_LIMITS = [(3, 3600), (500, 86400)]
    for index in range(3):
        issue_code(phone=f"1391234000{index}", purpose=REG, client_address=OFFICE, human_checked=True)
    with pytest.raises(CodeNotSent) as refused:
        issue_code(phone="13912340009", purpose=REG, client_address=OFFICE, human_checked=True)
    assert not isinstance(refused.value, HumanCheckNeeded)
    assert "from your network" in refused.value.message and "No code was sent" in refused.value.message
    assert refused.value.retry_after > 0


def test_the_send_again_button_asks_for_the_human_check_then_sends(sent_codes, clock, settings):
    settings.SMS_CODE_ADDRESS_HUMAN_CHECK_AFTER = (1, 3600)
    client = Client(REMOTE_ADDR=OFFICE)
    mobile, _response = _register(client, 1)
    clock.advance(seconds=61)
    response = client.post(reverse("accounts:resend_registration_code"), HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200 and "Answer the check to send the code" in page
    assert 'name="captcha_1"' in page and sent_codes.count(mobile) == 1
    response = client.post(reverse("accounts:resend_registration_code"),
                           {"human_check_answered": "1", **PASSED}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == reverse("accounts:verify_mobile")
    assert sent_codes.count(mobile) == 2


@pytest.mark.parametrize("answer", ["", "wrong"])
def test_a_missing_or_wrong_check_sends_nothing(sent_codes, clock, settings, answer):
    settings.SMS_CODE_ADDRESS_HUMAN_CHECK_AFTER = (1, 3600)
    client = Client(REMOTE_ADDR=OFFICE)
    mobile, _response = _register(client, 1)
    settings.CAPTCHA_TEST_MODE = False  # from here on, only a real answer passes
    clock.advance(seconds=61)
    response = client.post(reverse("accounts:resend_registration_code"),
                           {"human_check_answered": "1", "captcha_0": "x", "captcha_1": answer},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and sent_codes.count(mobile) == 1


def _administrator(username, email=""):
    return User.objects.create_user(username, password=STRONG_PASSWORD, email=email,
                                    role=User.Role.SYSTEM_ADMINISTRATOR, real_name="管理员")


def test_the_daily_budget_refuses_clearly_and_tells_administrators_once_a_day(
        sent_codes, clock, settings, django_capture_on_commit_callbacks):
    settings.SMS_DAILY_BUDGET = 3
    settings.SMS_DAILY_BUDGET_WARNING_PERCENT = 60  # the warning comes with the 2nd SMS
    with_email, without_email = _administrator("sys_admin_a", "ops@example.cn"), _administrator("sys_admin_b")
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(3):
            issue_code(phone=f"1391234000{index}", purpose=REG, client_address=f"10.0.0.{index}")
        for index in range(3, 6):
            with pytest.raises(CodeNotSent) as refused:
                issue_code(phone=f"1391234000{index}", purpose=REG, client_address=f"10.0.0.{index}")
            assert "all the text messages it may send today" in refused.value.message
            assert "no code was sent" in refused.value.message
    assert [sent_codes.count(f"1391234000{index}") for index in range(6)] == [1, 1, 1, 0, 0, 0]
    for administrator in (with_email, without_email):
        alerts = SystemMessage.objects.filter(user=administrator).order_by("pk")
        assert [alert.template for alert in alerts] == ["sms_budget_warning", "sms_budget_spent"]
    assert sorted(message.subject for message in mail.outbox) == ["Today's SMS budget is almost used",
                                                                  "Today's SMS budget is spent"]
    assert all(message.to == ["ops@example.cn"] for message in mail.outbox)
    assert "SMS_DAILY_BUDGET" in SystemMessage.objects.filter(template="sms_budget_spent").first().body

    clock.advance(days=1)  # a new day, a new budget (and new alerts when it is used again)
    with django_capture_on_commit_callbacks(execute=True):
        issue_code(phone="13912340009", purpose=REG, client_address="10.0.1.1")
    assert sent_codes.count("13912340009") == 1


def test_the_budget_refusal_reaches_the_registration_page(sent_codes, settings):
    settings.SMS_DAILY_BUDGET = 1
    _register(Client(REMOTE_ADDR="10.0.0.1"), 1)
    mobile, response = _register(Client(REMOTE_ADDR="10.0.0.2"), 2)
    assert response.status_code == 200 and sent_codes.count(mobile) == 0
    assert "all the text messages it may send today" in response.content.decode()
