"""Closing one's account (issue 15 item 4): refused with the reasons while a filing is active;
otherwise the account stops signing in, frees its username, mobile and e-mail, the session ends,
an SMS confirms, and the audit log records it."""

import pytest
from django.urls import reverse

from beian.accounts import selectors as account_selectors
from beian.accounts.models import User
from beian.cancellations import services as cancellation_services
from beian.core.models import AuditEntry
from beian.data_rights import services
from beian.notifications.models import OutboxMessage, SystemMessage
from tests.accounts.helpers import PASSED
from tests.cancellations import helpers as cancellation_helpers
from tests.cancellations.helpers import filed_website
from tests.factories import PASSWORD, make_applicant, make_reviewer
from tests.filings.helpers import approved_sponsor, submitted_application, submitted_sponsor

CLOSE = reverse("data_rights:close_account")


def close(client, user, password=PASSWORD):
    client.force_login(user)
    return client.post(CLOSE, {"password": password, "confirm": "on"})


def test_closure_is_refused_with_the_reasons_while_filings_are_active(client, reference_data):
    sponsor = approved_sponsor(make_applicant("closing_busy"))
    website = filed_website(sponsor, name="云景科技官网")
    submitted_application(sponsor, name="云景科技商城")

    page = close(client, sponsor.owner)
    assert page.status_code == 200
    text = page.content.decode()
    assert "暂不能注销账号" in text
    assert f"网站“云景科技官网”（{website.record_number_text}）已备案且尚未注销" in text
    assert "申请“云景科技商城”" in text
    owner = User.objects.get(pk=sponsor.owner.pk)
    assert owner.is_active and owner.closed_at is None
    assert not AuditEntry.objects.filter(action="account_closed").exists()


def test_a_sponsor_entity_in_review_blocks_closure(reference_data):
    entity = submitted_sponsor(make_applicant("closing_in_review"))
    with pytest.raises(services.RightsRefused) as refused:
        services.close_account(actor=entity.owner, password=PASSWORD, client_address=None)
    assert refused.value.reasons == ["您的开办主体正在等待公安机关审核。"]


def test_a_wrong_password_closes_nothing(client, reference_data):
    user = make_applicant("closing_wrong_password")
    response = close(client, user, password="not-my-password")
    assert "密码不正确" in response.content.decode()
    user.refresh_from_db()
    assert user.is_active


def test_an_account_without_active_filings_is_closed_and_cannot_sign_in(
        client, reference_data, django_capture_on_commit_callbacks):
    sponsor = approved_sponsor(make_applicant("closing_free"))  # approved, nothing filed
    user = sponsor.owner
    mobile, email = user.mobile, user.email
    with django_capture_on_commit_callbacks(execute=True):
        response = close(client, user)
    assert response.status_code == 302 and response["Location"] == reverse("public:landing")

    user.refresh_from_db()
    assert not user.is_active and user.closed_at is not None
    assert user.username.startswith(services.CLOSED_USERNAME_PREFIX)
    assert (user.mobile, user.email) == ("", "") and not user.has_usable_password()
    entry = AuditEntry.objects.get(action="account_closed")
    assert entry.actor_id == user.pk and entry.details == {"username": "closing_free"}
    sms = OutboxMessage.objects.get(template="account_closed")
    assert sms.to == mobile and "closing_free" in sms.text and "已注销" in sms.text
    assert SystemMessage.objects.filter(user=user, template="account_closed").exists()

    # The session ended, and neither the old name nor the mobile number signs in any more.
    assert client.get(reverse("accounts:menu")).status_code == 302
    for login in ("closing_free", mobile):
        answer = client.post(reverse("accounts:login"), {"username": login, "password": PASSWORD, **PASSED})
        assert answer.status_code == 200 and "_auth_user_id" not in client.session
    # The person may register again with the same name, number and address.
    assert not account_selectors.username_is_taken("closing_free")
    assert account_selectors.active_account_with_mobile(mobile) is None
    assert account_selectors.active_account_with_email(email) is None


def test_a_cancelled_website_does_not_block_closure(reference_data, settings):
    sponsor = approved_sponsor(make_applicant("closing_after_cancel"))
    website = filed_website(sponsor)
    with pytest.raises(services.RightsRefused):  # filed: still blocks
        services.close_account(actor=sponsor.owner, password=PASSWORD, client_address=None)
    cancellation_helpers.close(settings, website)
    cancellation = cancellation_helpers.submit(website)
    cancellation_services.approve_cancellation(actor=make_reviewer(website.agency.code),
                                               cancellation=cancellation)
    closed = services.close_account(actor=sponsor.owner, password=PASSWORD, client_address=None)
    assert not closed.is_active
