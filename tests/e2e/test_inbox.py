"""A signed-in applicant reads a system message; the unread count in the header drops."""

import re

from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from beian.notifications.models import SystemMessage
from tests.e2e.accounts_helpers import sign_in

PASSWORD = "Inbox-pass-2024"


def test_an_applicant_reads_a_message_and_the_unread_count_drops(page, accessible):
    user = get_user_model().objects.create_user(username="inbox_reader", password=PASSWORD,
                                                mobile="13800138001", real_name="张三")
    SystemMessage.objects.create(user=user, subject="您的开办主体已通过审核",
                                 body="您的开办主体已通过审核。\n如有疑问请联系备案地公安机关。")
    SystemMessage.objects.create(user=user, subject="请补充网站信息", body="请补充网站的 IP 地址。")

    sign_in(page, "inbox_reader", PASSWORD, "/messages/")
    expect(page).to_have_url(re.compile(r"/messages/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("系统消息")
    header_link = page.get_by_role("link", name="系统消息，2 条未读")
    expect(header_link).to_have_text("系统消息 (2)")
    expect(page.get_by_text("您有 2 条未读消息。")).to_be_visible()
    accessible(page)

    page.get_by_role("link", name=re.compile("您的开办主体已通过审核")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("您的开办主体已通过审核")
    expect(page.get_by_text("如有疑问请联系备案地公安机关。")).to_be_visible()
    expect(page.get_by_role("link", name="系统消息，1 条未读")).to_have_text("系统消息 (1)")
    accessible(page)

    page.get_by_role("link", name="返回全部消息").click()
    expect(page.get_by_text("您有 1 条未读消息。")).to_be_visible()
    page.get_by_role("button", name="全部标为已读").click()
    expect(page.get_by_text("所有消息已标为已读。")).to_be_visible()
    expect(page.get_by_role("link", name="系统消息，0 条未读")).to_have_text("系统消息 (0)")
    accessible(page)
