"""A lost provider answer never delivers an SMS twice (issue 14 item 12, ADR 0010 addendum): every
request carries the outbox row's reference as its Idempotency-Key, the same on every retry, so a
provider that de-duplicates by key delivers once. The provider is an httpx MockTransport."""

import datetime
import random

import httpx
import pytest

from beian.notifications import outbox, services
from beian.notifications.backends import RetryableSmsError, Sms
from beian.notifications.backends.http import HttpSmsBackend
from beian.notifications.models import OutboxMessage
from tests.notifications.helpers import VERIFICATION

pytestmark = pytest.mark.django_db


@pytest.fixture
def http_backend_settings(settings):
    settings.SMS_BACKEND = "beian.notifications.backends.http.HttpSmsBackend"
    settings.SMS_HTTP_URL = "https://sms.example.cn/send"
    settings.SMS_HTTP_KEY = "test-key"
    settings.SMS_HTTP_SIGNATURE = "公安备案"
    settings.SMS_HTTP_TEMPLATE_IDS = {"verification_code": "SMS_0001"}
    return settings


class DedupingProvider:
    """Delivers a message the first time it sees its Idempotency-Key and answers every repeat with the
    first answer. `lose` decides, per request, that the answer is lost on the way back (a timeout after
    the provider accepted the request)."""

    def __init__(self, lose=lambda request: False):
        self.lose = lose
        self.requests: list[httpx.Request] = []
        self.delivered: dict[str, str] = {}  # key → message id
        self.deliveries: list[str] = []  # one entry per message that reached a phone

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = request.headers.get("Idempotency-Key") or f"no-key-{len(self.requests)}"
        if key not in self.delivered:
            self.delivered[key] = f"m{len(self.delivered) + 1}"
            self.deliveries.append(key)
        if self.lose(request):
            raise httpx.ReadTimeout("the answer was lost", request=request)
        return httpx.Response(200, json={"message_id": self.delivered[key]})


def _sms(reference="7d1f2c64-2b0f-4c55-9a39-0b0d9c5d6f01"):
    return Sms(to="13800138000", template="verification_code", text="验证码 123456", language="zh-hans",
               reference=reference, created_at=datetime.datetime.now(datetime.UTC), params={"code": "123456"})


def test_a_lost_answer_and_its_retry_carry_the_same_key(http_backend_settings):
    provider = DedupingProvider(lose=lambda request: len(provider.requests) == 1)
    backend = HttpSmsBackend(transport=httpx.MockTransport(provider))
    sms = _sms()
    with pytest.raises(RetryableSmsError, match="ReadTimeout"):
        backend.send(sms)
    assert backend.send(sms) == "m1", "the retry gets the first delivery's answer"
    assert [request.headers["Idempotency-Key"] for request in provider.requests] == [sms.reference] * 2
    assert provider.deliveries == [sms.reference]


def test_a_409_for_a_key_still_in_progress_is_retried(http_backend_settings):
    answers = iter([httpx.Response(409, json={"error": "request in progress"}),
                    httpx.Response(200, json={"message_id": "m1"})])
    backend = HttpSmsBackend(transport=httpx.MockTransport(lambda request: next(answers)))
    with pytest.raises(RetryableSmsError, match="409"):
        backend.send(_sms())
    assert backend.send(_sms()) == "m1"


def test_200_messages_with_random_lost_answers_are_delivered_once_each(
        http_backend_settings, clock, monkeypatch, django_capture_on_commit_callbacks):
    chance = random.Random(14)
    provider = DedupingProvider(lose=lambda request: chance.random() < 0.4)
    monkeypatch.setattr(outbox, "get_sms_backend",
                        lambda: HttpSmsBackend(transport=httpx.MockTransport(provider)))
    with django_capture_on_commit_callbacks(execute=True):
        messages = [services.send_sms(to=f"138{number:08d}", template="verification_code",
                                      context=VERIFICATION) for number in range(200)]
    for _ in range(12):  # the worker's clock: each sweep sends again what waits for a retry
        if not OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).exists():
            break
        clock.advance(hours=1)
        with django_capture_on_commit_callbacks(execute=True):
            outbox.sweep()

    assert len(provider.requests) > 250, "answers were lost and messages sent again"
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT).count() == 200
    assert len(provider.deliveries) == 200, "no message reached a phone twice"
    assert sorted(provider.deliveries) == sorted(str(message.reference) for message in messages)
