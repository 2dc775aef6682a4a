"""notify_account: SMS with its twin always, an e-mail copy only to a confirmed address."""

import pytest
from django.core import mail
from django.utils import timezone

from beian.accounts.models import User
from beian.notifications.models import SystemMessage
from beian.notifications.services import notify_account

pytestmark = pytest.mark.django_db(transaction=True)


def _user(**extra):
    return User.objects.create_user("notified_one", password="x", mobile="13912345678",
                                    email="one@example.cn", **extra)


def test_a_confirmed_address_gets_a_copy_of_the_sms():
    user = _user(email_verified_at=timezone.now())
    message = notify_account(user=user, template="verification_code",
                             context={"code": "123456", "purpose": "测试", "minutes": 10})
    assert SystemMessage.objects.get(user=user).body == message.text
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["one@example.cn"] and message.text in mail.outbox[0].body


def test_an_unconfirmed_address_gets_nothing_by_e_mail():
    user = _user()
    notify_account(user=user, template="verification_code",
                   context={"code": "123456", "purpose": "测试", "minutes": 10})
    assert mail.outbox == []
