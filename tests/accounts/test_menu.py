import pytest
from django.urls import NoReverseMatch, reverse

from beian.accounts.views.menu import MENU
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db


def test_the_menu_lists_the_nine_entries_of_the_guide_without_dead_links(client):
    client.force_login(make_applicant())
    page = client.get(reverse("accounts:menu"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for name, title, _ in MENU:
        assert str(title) in page
        try:
            assert f'href="{reverse(name)}"' in page
        except NoReverseMatch:
            assert "not yet available" in page


def test_the_menu_asks_to_confirm_the_email_until_it_is(client):
    user = make_applicant()
    client.force_login(user)
    page = client.get(reverse("accounts:menu"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "not confirmed yet" in page


def test_resending_the_email_link_is_rate_limited(client, sent_emails):
    client.force_login(make_applicant())
    client.post(reverse("accounts:resend_email_confirmation"))
    response = client.post(reverse("accounts:resend_email_confirmation"), follow=True,
                           HTTP_ACCEPT_LANGUAGE="en")
    assert len(sent_emails) == 1 and "ask for a new one in" in response.content.decode()
