"""A wrong answer to the human check is tied to its input: a screen reader announces the input as
invalid and reads the message with it (issue 18, item 8a)."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.accounts.helpers import STRONG_PASSWORD
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db


def _answer_input(page: str) -> str:
    return re.search(r'<input type="text" name="captcha_1"[^>]*>', page).group(0)


@override_settings(CAPTCHA_TEST_MODE=False)
def test_a_wrong_answer_marks_the_input_invalid_and_points_at_the_message(client):
    user = make_applicant()
    response = client.post(reverse("accounts:login"), {"username": user.username, "password": STRONG_PASSWORD,
                                                        "captcha_0": "nope", "captcha_1": "wrong"},
                           HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    answer = _answer_input(page)
    assert 'aria-invalid="true"' in answer
    assert 'aria-describedby="id_captcha_question id_captcha_error"' in answer
    assert re.search(r'<p class="error-message" id="id_captcha_error">The answer to the check is not correct',
                     page)


def test_an_unanswered_form_does_not_mark_the_input(client):
    answer = _answer_input(client.get(reverse("accounts:login")).content.decode())
    assert "aria-invalid" not in answer and 'aria-describedby="id_captcha_question"' in answer
