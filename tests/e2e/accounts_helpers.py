"""Helpers of the account journeys: a clean cache (rate limits, lock-outs) and the SMS code."""

import re

import pytest
from django.core.cache import cache

from beian.notifications.devtools import latest_sms


@pytest.fixture
def clean_limits(transactional_db):
    cache.clear()
    yield
    cache.clear()


def code_sent_to(mobile: str) -> str:
    sms = latest_sms(mobile)
    assert sms is not None, f"no SMS to {mobile} in the SMS log"
    return re.search(r"\b(\d{6})\b", sms["text"]).group(1)


def pass_the_human_check(page) -> None:
    # CAPTCHA_TEST_MODE (tests/conftest.py) accepts "PASSED".
    page.locator("input[name=captcha_1]").fill("PASSED")


def sign_in(page, username: str, password: str, next_url: str) -> None:
    """Sign in through the page, landing on `next_url`."""
    page.goto(f"/accounts/login/?next={next_url}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    pass_the_human_check(page)
    page.locator("form:has(#id_username) button[type=submit]").first.click()
