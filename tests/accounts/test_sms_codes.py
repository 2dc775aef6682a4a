import datetime

import pytest
from django.utils import timezone, translation

from beian.accounts.models import VerificationCode
from beian.accounts.sms_codes import CodeNotSent, issue_code, verify_code

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield
PHONE = "13912345678"
REG = VerificationCode.Purpose.REGISTRATION


def _issue(sent_codes, *, phone=PHONE, purpose=REG, client="10.0.0.1", now=None):
    issue_code(phone=phone, purpose=purpose, client_address=client, now=now)
    return sent_codes.last(phone)


def test_a_code_has_six_digits_and_only_its_hash_is_stored(sent_codes):
    code = _issue(sent_codes)
    assert len(code) == 6 and code.isdigit()
    stored = VerificationCode.objects.get(phone=PHONE)
    assert code not in stored.code_hash
    assert stored.expires_at - stored.created_at == datetime.timedelta(minutes=10)
    assert sent_codes.sent[-1]["minutes"] == 10 and sent_codes.sent[-1]["purpose"]


def test_the_right_code_works_once(sent_codes):
    code = _issue(sent_codes)
    assert verify_code(phone=PHONE, purpose=REG, code=code).ok
    used = verify_code(phone=PHONE, purpose=REG, code=code)
    assert not used.ok and used.reason == "used" and "already been used" in used.message


def test_the_code_expires_after_ten_minutes(sent_codes, clock):
    code = _issue(sent_codes)
    clock.advance(minutes=10, seconds=1)
    expired = verify_code(phone=PHONE, purpose=REG, code=code)
    assert not expired.ok and expired.reason == "expired"


def test_the_code_is_bound_to_phone_and_purpose(sent_codes):
    code = _issue(sent_codes)
    assert verify_code(phone="13912345679", purpose=REG, code=code).reason == "missing"
    reset = VerificationCode.Purpose.PASSWORD_RESET
    assert verify_code(phone=PHONE, purpose=reset, code=code).reason == "missing"
    assert verify_code(phone=PHONE, purpose=REG, code=code).ok


def test_the_sixth_attempt_is_refused_even_with_the_right_code(sent_codes):
    code = _issue(sent_codes)
    wrong = f"{(int(code) + 1) % 1000000:06d}"
    for _ in range(5):
        assert verify_code(phone=PHONE, purpose=REG, code=wrong).reason == "wrong"
    sixth = verify_code(phone=PHONE, purpose=REG, code=code)
    assert not sixth.ok and sixth.reason == "too_many_attempts"


def test_a_new_code_replaces_the_old_one(sent_codes, clock):
    first = _issue(sent_codes)
    clock.advance(seconds=61)
    second = _issue(sent_codes)
    if first != second:
        assert not verify_code(phone=PHONE, purpose=REG, code=first).ok
    assert verify_code(phone=PHONE, purpose=REG, code=second).ok


def test_the_second_code_within_a_minute_is_refused_with_a_clear_message(sent_codes, clock):
    _issue(sent_codes)
    clock.advance(seconds=20)
    with pytest.raises(CodeNotSent) as refused:
        _issue(sent_codes)
    assert 1 <= refused.value.retry_after <= 60
    assert "second" in refused.value.message or "秒" in refused.value.message
    assert sent_codes.count(PHONE) == 1
    clock.advance(seconds=refused.value.retry_after)
    _issue(sent_codes)
    assert sent_codes.count(PHONE) == 2


def test_at_most_five_codes_an_hour_and_ten_a_day_per_phone(sent_codes, clock):
    for index in range(5):
        _issue(sent_codes, client=f"10.0.0.{index}")
        clock.advance(seconds=61)
    with pytest.raises(CodeNotSent) as refused:
        _issue(sent_codes, client="10.0.1.1")
    assert refused.value.retry_after > 120 and "minute" in refused.value.message
    clock.advance(hours=2)
    for index in range(5):
        _issue(sent_codes, client=f"10.0.2.{index}")
        clock.advance(minutes=13)
    assert sent_codes.count(PHONE) == 10
    clock.advance(hours=2)
    with pytest.raises(CodeNotSent):
        _issue(sent_codes, client="10.0.3.1")


def test_sending_from_one_address_to_several_numbers_is_not_refused_at_once(sent_codes, clock):
    # An office behind one address: the strict limits are per number (tests/accounts/test_sms_limits.py).
    _issue(sent_codes, phone="13912345670", client="10.9.9.9")
    clock.advance(seconds=5)
    _issue(sent_codes, phone="13912345671", client="10.9.9.9")
    assert sent_codes.count("13912345671") == 1


def test_the_code_goes_out_through_the_notifications_outbox(django_capture_on_commit_callbacks):
    from beian.notifications.models import OutboxMessage

    with django_capture_on_commit_callbacks(execute=False):
        issue_code(phone=PHONE, purpose=REG, client_address="10.0.0.1", language="en")
    message = OutboxMessage.objects.get(to=PHONE)
    assert message.template == "verification_code"
    assert "registration" in message.text and "10 minutes" in message.text


def test_the_expiry_clock_uses_the_time_of_issue(sent_codes):
    past = timezone.now() - datetime.timedelta(minutes=9)
    code = _issue(sent_codes, now=past)
    assert verify_code(phone=PHONE, purpose=REG, code=code).ok
