"""The HTTP backend against a real (fake) provider on 127.0.0.1."""

import datetime
import socket

import pytest

from beian.notifications import outbox, services
from beian.notifications.backends import PermanentSmsError, RetryableSmsError, Sms
from beian.notifications.backends.http import HttpSmsBackend
from beian.notifications.models import OutboxMessage
from tests.notifications.helpers import VERIFICATION

pytestmark = pytest.mark.django_db


def _sms(template="verification_code"):
    return Sms(to="13800138000", template=template, text="验证码 123456", language="zh-hans",
               reference="ref-1", created_at=datetime.datetime.now(datetime.UTC), params={"code": "123456"})


def test_a_message_reaches_the_provider_exactly_once_although_it_fails_at_first(
        fake_provider, clock, django_capture_on_commit_callbacks):
    provider = fake_provider(failures=3)
    with django_capture_on_commit_callbacks(execute=True):
        message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    message.refresh_from_db()
    assert message.status == "created", "the first attempt failed; the row waits for a retry"
    assert message.last_error.startswith("RetryableSmsError: provider answered 500")

    for _ in range(20):  # the worker's clock: the sweeper finds the row due and sends it again
        message.refresh_from_db()
        if message.status == "sent":
            break
        clock.advance(hours=1)
        with django_capture_on_commit_callbacks(execute=True):
            outbox.sweep()
    # Nothing more happens however often the sweeper and the task run again.
    for _ in range(3):
        clock.advance(hours=1)
        with django_capture_on_commit_callbacks(execute=True):
            outbox.sweep()
        outbox.deliver(message.pk)

    message.refresh_from_db()
    assert message.status == "sent"
    assert message.attempts == 4
    assert message.provider_message_id == "m1"
    assert len(provider.received) == 4
    assert len(provider.accepted) == 1
    request = provider.accepted[0]
    assert request["phone"] == "13800138000"
    assert request["template_id"] == "SMS_0001"
    assert request["sign_name"] == "公安备案"
    assert request["template_params"] == {"code": "123456", "purpose": "注册账号", "minutes": 10}
    assert request["out_id"] == str(message.reference)
    assert request["_authorization"] == "Bearer test-key"
    assert {r["out_id"] for r in provider.received} == {str(message.reference)}, "one reference throughout"


def test_a_4xx_answer_is_a_permanent_failure(fake_provider, django_capture_on_commit_callbacks):
    provider = fake_provider(failures=100, failure_status=400)
    with django_capture_on_commit_callbacks(execute=True):
        message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED
    assert "400" in message.last_error
    assert len(provider.received) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_5xx_and_429_are_retryable(fake_provider, status):
    fake_provider(failures=1, failure_status=status)
    with pytest.raises(RetryableSmsError):
        HttpSmsBackend().send(_sms())
    assert HttpSmsBackend().send(_sms()) == "m1"


def test_a_provider_that_cannot_be_reached_is_retryable(fake_provider, settings):
    fake_provider()
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        settings.SMS_HTTP_URL = f"http://127.0.0.1:{probe.getsockname()[1]}/sms"
    with pytest.raises(RetryableSmsError):
        HttpSmsBackend().send(_sms())


def test_a_provider_that_does_not_answer_in_time_is_retryable(fake_provider, settings):
    fake_provider()
    settings.SMS_HTTP_TIMEOUT_SECONDS = 0.2
    with socket.socket() as silent:  # accepts the connection, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings.SMS_HTTP_URL = f"http://127.0.0.1:{silent.getsockname()[1]}/sms"
        with pytest.raises(RetryableSmsError, match="Timeout"):
            HttpSmsBackend().send(_sms())


def test_a_template_without_provider_id_is_a_permanent_failure(fake_provider):
    provider = fake_provider()
    with pytest.raises(PermanentSmsError, match="SMS_HTTP_TEMPLATE_IDS"):
        HttpSmsBackend().send(_sms(template="unknown"))
    assert provider.received == []


def test_the_backend_needs_a_url(settings):
    settings.SMS_HTTP_URL = ""
    with pytest.raises(PermanentSmsError, match="SMS_HTTP_URL"):
        HttpSmsBackend()
