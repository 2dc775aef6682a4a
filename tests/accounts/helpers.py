"""Shared bits of the accounts tests."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories import PASSWORD

# The human check in test mode (tests/conftest.py sets CAPTCHA_TEST_MODE).
PASSED = {"captcha_0": "any-key", "captcha_1": "PASSED"}
STRONG_PASSWORD = PASSWORD  # what registration forms type, and every built applicant's


class SentCodes:
    """Every SMS code the accounts app asked to send, by phone number."""

    def __init__(self):
        self.sent = []

    def __call__(self, *, phone, code, purpose_text, minutes, user=None, language=None):
        self.sent.append({"phone": phone, "code": code, "purpose": purpose_text, "minutes": minutes})

    def last(self, phone):
        return [entry["code"] for entry in self.sent if entry["phone"] == phone][-1]

    def count(self, phone):
        return sum(1 for entry in self.sent if entry["phone"] == phone)


@pytest.fixture
def sent_codes(monkeypatch):
    recorder = SentCodes()
    monkeypatch.setattr("beian.accounts.messaging.send_code_sms", recorder)
    return recorder


@pytest.fixture
def sent_emails(monkeypatch):
    sent = []
    monkeypatch.setattr("beian.accounts.messaging.send_email_confirmation", lambda **kw: sent.append(kw))
    return sent


@pytest.fixture(autouse=True)
def fresh_cache(db):
    """Rate limits and lock-outs live in the cache, which outlives a test's transaction."""
    cache.clear()


class Clock:
    """Time travel: moves django.utils.timezone.now (used by the services and the middleware)."""

    def __init__(self, monkeypatch):
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)

    def advance(self, **delta):
        self.now += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)
