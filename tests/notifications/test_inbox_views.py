"""The inbox pages: scoped to the owner, reading marks read, the unread count in the header."""

import pytest
from django.urls import reverse

from beian.notifications.models import SystemMessage
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return make_applicant("owner1")


@pytest.fixture
def signed_in(client, owner):
    client.force_login(owner)
    return client


def _message(user, subject="您的备案已通过", body="第一行\n第二行"):
    return SystemMessage.objects.create(user=user, subject=subject, body=body)


def test_the_inbox_lists_the_owners_messages_newest_first_with_unread_marked(signed_in, owner):
    older = _message(owner, subject="较早的消息")
    newer = _message(owner, subject="较新的消息")
    _message(make_applicant("other1", mobile="13900139000"), subject="别人的消息")
    older.read_at = older.created_at
    older.save()
    response = signed_in.get(reverse("notifications:inbox"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("较新的消息") < page.index("较早的消息")
    assert "别人的消息" not in page
    assert f"<strong>未读：{newer.subject}</strong>" in page
    assert "您有 1 条未读消息。" in page


def test_the_inbox_is_paginated(signed_in, owner):
    for number in range(25):
        _message(owner, subject=f"消息{number:02d}")
    first = signed_in.get(reverse("notifications:inbox")).content.decode()
    second = signed_in.get(reverse("notifications:inbox") + "?page=2").content.decode()
    assert "消息24" in first and "消息04" not in first
    assert "消息04" in second and "第 2 页，共 2 页" in second
    assert signed_in.get(reverse("notifications:inbox") + "?page=x").status_code == 200


def test_reading_a_message_marks_it_read_and_the_header_count_drops(signed_in, owner):
    message = _message(owner)
    _message(owner, subject="另一条")
    inbox = signed_in.get(reverse("notifications:inbox")).content.decode()
    assert "系统消息 (2)" in inbox
    assert 'aria-label="系统消息，2 条未读"' in inbox
    response = signed_in.get(reverse("notifications:detail", args=[message.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<p>第一行<br>第二行</p>" in page
    assert "系统消息 (1)" in page
    message.refresh_from_db()
    first_read = message.read_at
    assert first_read is not None
    signed_in.get(reverse("notifications:detail", args=[message.pk]))
    message.refresh_from_db()
    assert message.read_at == first_read, "the first reading counts"


def test_the_header_count_is_in_english_too(signed_in, owner):
    _message(owner)
    signed_in.cookies["django_language"] = "en"
    page = signed_in.get(reverse("notifications:inbox")).content.decode()
    assert "Messages (1)" in page
    assert 'aria-label="Messages, 1 unread"' in page


def test_another_accounts_message_is_not_found(signed_in):
    theirs = _message(make_applicant("other1", mobile="13900139000"))
    assert signed_in.get(reverse("notifications:detail", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert signed_in.get(reverse("notifications:detail", args=[999999])).status_code == 404


def test_mark_all_as_read(signed_in, owner):
    _message(owner)
    _message(owner)
    theirs = _message(make_applicant("other1", mobile="13900139000"))
    response = signed_in.post(reverse("notifications:mark_all_read"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("notifications:inbox")
    page = response.content.decode()
    assert "所有消息已标为已读。" in page
    assert "系统消息 (0)" in page
    assert SystemMessage.objects.filter(user=owner, read_at__isnull=True).count() == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_as_read_needs_a_post(signed_in):
    assert signed_in.get(reverse("notifications:mark_all_read")).status_code == 405


@pytest.mark.parametrize("name,args", [("notifications:inbox", []), ("notifications:detail", [1]),
                                        ("notifications:mark_all_read", [])])
def test_anonymous_visitors_are_sent_to_sign_in(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_anonymous_visitors_see_no_message_count(client):
    page = client.get(reverse("public:landing")).content.decode()
    assert "header-messages" not in page
