"""An account's messages are in the language it chose last (ADR 0011): remembered at sign-in and
when a signed-in person switches the language; a reviewer's decision in English or Chinese does not
change the language its SMS is written in."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from beian.accounts.models import User
from beian.notifications.models import OutboxMessage, SystemMessage
from beian.notifications.services import notify_account, post_system_message
from tests.accounts.helpers import PASSED, STRONG_PASSWORD
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db
CODE = {"code": "123456", "purpose": "test", "minutes": 10}


def _language(user) -> str:
    return User.objects.get(pk=user.pk).language


def test_signing_in_remembers_the_language_of_the_page(client):
    user = make_applicant()
    client.post(reverse("accounts:login"), {"username": user.username, "password": STRONG_PASSWORD,
                                            **PASSED}, HTTP_ACCEPT_LANGUAGE="en")
    assert _language(user) == "en"


def test_switching_the_language_while_signed_in_remembers_it(client):
    user = make_applicant()
    client.force_login(user)
    assert _language(user) == ""  # no page was seen: nothing to remember
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert _language(user) == "en"
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    assert _language(user) == "zh-hans"
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})  # not offered: ignored
    assert _language(user) == "zh-hans"


def test_an_anonymous_switch_remembers_nothing(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302 and not User.objects.exclude(language="").exists()


@pytest.mark.parametrize(("chosen", "expected"), [("en", "Your verification code"), ("zh-hans", "验证码")])
def test_a_decision_speaks_the_account_language_whoever_sends_it(chosen, expected):
    user = make_applicant()
    User.objects.filter(pk=user.pk).update(language=chosen)
    user.refresh_from_db()
    other = "zh-hans" if chosen == "en" else "en"
    with translation.override(other):  # the reviewer works in the other language
        message = notify_account(user=user, template="verification_code", context=CODE,
                                 language=settings.LANGUAGE_CODE)
    assert message.language == chosen and expected in message.text
    assert expected in SystemMessage.objects.get(user=user).body


def test_a_system_message_speaks_the_account_language():
    user = make_applicant()
    User.objects.filter(pk=user.pk).update(language="en")
    user.refresh_from_db()
    post_system_message(user=user, template="unregistered_found",
                        context={"domain": "example.cn", "deadline": "2027-01-31"})
    assert "was found online without a public-security filing" in SystemMessage.objects.get(user=user).body


def test_without_a_chosen_language_the_caller_decides():
    user = make_applicant()
    with translation.override("en"):
        message = notify_account(user=user, template="verification_code", context=CODE, language="zh-hans")
    assert message.language == "zh-hans"
    assert OutboxMessage.objects.get(pk=message.pk).text == message.text
