"""The approval SMS gives the filing agency's telephone: the dashboard tells a supervisor whose agency
has none, with the way to enter it, and lists the agencies below that have none."""

import pytest

from beian.core.models import Agency

pytestmark = pytest.mark.django_db
WARNING = "has no contact telephone"


def dashboard(client) -> str:
    return client.get("/review/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_supervisor_whose_agency_has_no_telephone_is_told_with_a_link_to_enter_it(client, staff,
                                                                                   signed_in):
    signed_in(staff("supervisor", "330100"))
    page = dashboard(client)
    assert WARNING in page and 'href="/staff/agencies/330100/"' in page
    assert "Enter the telephone of your agency" in page


def test_once_the_telephone_is_entered_the_warning_is_gone(client, staff, signed_in):
    Agency.objects.filter(code="330100").update(telephone="0571-87065678")
    signed_in(staff("supervisor", "330100"))
    page = dashboard(client)
    assert WARNING not in page and 'href="/staff/agencies/330100/"' not in page


def test_the_agencies_below_without_a_telephone_are_listed_for_their_supervisors(client, staff, signed_in):
    below = Agency.objects.filter(parent__code="330100", active=True)
    below.exclude(code="330106").update(telephone="0571-87065678")
    Agency.objects.filter(code="330100").update(telephone="0571-87065678")
    signed_in(staff("supervisor", "330100"))
    page = dashboard(client)
    assert "1 agency below yours has no contact telephone yet" in page
    assert "330106" in page and 'href="/staff/agencies/330106/"' not in page  # not theirs to edit
    Agency.objects.filter(code="330106").update(telephone="0571-86081234")
    assert "below yours has no contact telephone" not in dashboard(client)


def test_in_chinese_by_default(client, staff, signed_in):
    signed_in(staff("supervisor", "330100"))
    page = client.get("/review/dashboard/").content.decode()
    assert "尚未填写联系电话" in page and "填写本机关联系电话" in page
