import json

import pytest
from django.core import mail
from django.db import transaction
from django.utils import translation

from beian.notifications import services
from beian.notifications.devtools import latest_sms
from beian.notifications.models import OutboxMessage, SystemMessage
from tests.factories import make_applicant
from tests.notifications.helpers import VERIFICATION

pytestmark = pytest.mark.django_db


def test_an_sms_is_written_to_the_outbox_and_sent_after_commit(django_capture_on_commit_callbacks, sms_log):
    user = make_applicant()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION,
                                    user=user)
        assert message.status == "created"
        assert not sms_log.exists(), "nothing is sent before the transaction commits"
    assert len(callbacks) >= 1
    message.refresh_from_db()
    assert message.status == "sent"
    assert message.attempts == 1
    assert message.provider_message_id == f"dev-{message.reference}"
    line = json.loads(sms_log.read_text(encoding="utf-8").strip())
    assert {"to", "template", "text", "created_at"} <= set(line)
    assert line["to"] == "13800138000"
    assert line["template"] == "verification_code"
    assert "123456" in line["text"]


def test_the_sms_text_is_chinese_by_default_and_english_on_request(sms_log):
    chinese = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    english = services.send_sms(to="13800138000", template="verification_code", language="en",
                                context={**VERIFICATION, "purpose": "registration"})
    assert chinese.text == "您正在进行注册账号，验证码为 123456，10 分钟内有效。请勿告诉他人。"
    assert chinese.language == "zh-hans"
    assert english.text == ("Your verification code for registration is 123456. It is valid for 10 minutes. "
                            "Do not tell it to anyone.")


def test_the_active_language_is_the_default():
    with translation.override("en"):
        message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    assert message.language == "en"
    assert message.text.startswith("Your verification code")


def test_sms_text_is_not_html_escaped():
    message = services.send_sms(to="13800138000", template="verification_code",
                                context={**VERIFICATION, "purpose": "A&B <注册>"})
    assert "A&B <注册>" in message.text


def test_lazy_translations_in_the_context_become_text_for_the_provider():
    from django.utils.translation import gettext_lazy

    message = services.send_sms(to="13800138000", template="verification_code", language="zh-hans",
                                context={**VERIFICATION, "purpose": gettext_lazy("Notifications")})
    assert message.params["purpose"] == "通知"


def test_every_sms_to_an_account_has_a_system_message_twin_with_the_full_text():
    user = make_applicant()
    message = services.send_sms(to=user.mobile, template="verification_code", context=VERIFICATION, user=user)
    twin = message.system_message
    assert twin.user == user
    assert twin.body == message.text
    assert message.text.startswith(twin.subject.rstrip("…"))
    assert twin.is_unread
    assert services.unread_count(user) == 1


def test_an_sms_without_account_has_no_twin():
    message = services.send_sms(to="13800138000", template="verification_code", context=VERIFICATION)
    assert message.system_message is None
    assert not SystemMessage.objects.exists()


def test_a_rolled_back_business_transaction_leaves_no_sms_and_sends_nothing(
        django_capture_on_commit_callbacks, sms_log):
    user = make_applicant()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.send_sms(to=user.mobile, template="verification_code", context=VERIFICATION, user=user)
            raise RuntimeError("the business action failed")
    assert not OutboxMessage.objects.exists()
    assert not SystemMessage.objects.exists()
    assert not sms_log.exists()


def test_latest_sms_reads_the_newest_line_for_a_number(django_capture_on_commit_callbacks, sms_log):
    assert latest_sms("13800138000") is None
    with django_capture_on_commit_callbacks(execute=True):
        for to, code in [("13800138000", "1"), ("13900139000", "2"), ("13800138000", "3")]:
            services.send_sms(to=to, template="verification_code", context={**VERIFICATION, "code": code})
    assert latest_sms("13800138000")["params"]["code"] == "3"
    assert latest_sms("13900139000")["params"]["code"] == "2"
    assert latest_sms("13700137000") is None


def test_a_system_message_takes_its_subject_from_the_first_line(text_templates):
    text_templates("messages/filing_returned.txt",
                   "{% load i18n %}\n{% translate 'System messages' %}: {{ name }}\n\nLine one\nLine two\n")
    user = make_applicant()
    message = services.post_system_message(user=user, template="filing_returned", context={"name": "A&B"})
    assert message.subject == "系统消息: A&B"
    assert message.body == "Line one\nLine two"
    english = services.post_system_message(user=user, template="filing_returned", context={"name": "x"},
                                           language="en")
    assert english.subject == "System messages: x"
    assert services.unread_count(user) == 2


def test_an_email_is_sent_after_commit(django_capture_on_commit_callbacks, text_templates):
    text_templates("email/decision.txt", "Decision on {{ site }}\n\nApproved & filed.\n")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_email(to="someone@example.com", template="decision", context={"site": "example.cn"})
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Decision on example.cn"
    assert mail.outbox[0].body == "Approved & filed."
    assert mail.outbox[0].to == ["someone@example.com"]


def test_a_rolled_back_email_is_never_sent(django_capture_on_commit_callbacks, text_templates):
    text_templates("email/decision.txt", "Subject\nBody\n")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.send_email(to="someone@example.com", template="decision", context={})
            raise RuntimeError("rolled back")
    assert mail.outbox == []


def test_mark_read_and_mark_all_read():
    user, other = make_applicant(), make_applicant(mobile="13900139000")
    first = SystemMessage.objects.create(user=user, subject="a", body="a")
    SystemMessage.objects.create(user=user, subject="b", body="b")
    theirs = SystemMessage.objects.create(user=other, subject="c", body="c")
    services.mark_read(user=user, message=first)
    assert services.unread_count(user) == 1
    services.mark_read(user=user, message=theirs)  # not the reader's own: nothing happens
    assert services.unread_count(other) == 1
    assert services.mark_all_read(user=user) == 1
    assert services.unread_count(user) == 0
    assert services.unread_count(other) == 1


@pytest.mark.parametrize(("language", "decision"), [("zh-hans", "退回"), ("en", "returned for correction")])
def test_the_twin_subject_keeps_the_decision_after_a_long_website_name(language, decision):
    user = make_applicant()
    long_name = "很长的网站名称" * 14
    message = services.send_sms(to=user.mobile, template="website_returned", user=user, language=language,
                                context={"name": long_name, "reasons": "QUOTED-REASON"})
    subject = message.system_message.subject
    assert long_name in subject and decision in subject
    assert "QUOTED-REASON" not in subject, "the subject is the first sentence, not the reasons"
