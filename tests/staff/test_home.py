"""The staff home: each role lands on its own work (SPEC §5), within its jurisdiction only, in a
fixed number of queries however much work there is."""

import pathlib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beian.review.models import Kind, ReviewItem
from tests.factories import make_reviewer
from tests.staff.home_helpers import booked_today, open_item

HOME = "/staff/"
HANGZHOU_XIHU, HANGZHOU, BEIJING_CHAOYANG = "330106", "330100", "110105"
PLACEHOLDERS = ("The review workbench will appear here.", "审核工作台将在此处提供")


def _page(client, **headers) -> str:
    response = client.get(HOME, HTTP_ACCEPT_LANGUAGE="en", **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_reviewer_sees_their_items_overdue_first_the_unassigned_ones_and_no_other_agency(
        client, staff, signed_in):
    reviewer = staff("reviewer", HANGZHOU_XIHU)
    open_item(HANGZHOU_XIHU, "按时的网站", assignee=reviewer)
    late = open_item(HANGZHOU_XIHU, "逾期的网站", days_ago=60, assignee=reviewer)
    open_item(HANGZHOU_XIHU, "无人认领的网站")
    open_item(BEIJING_CHAOYANG, "别处的网站")
    open_item(BEIJING_CHAOYANG, "别处分配的网站", assignee=staff("reviewer", BEIJING_CHAOYANG))

    page = _page(signed_in(reviewer))

    assert "Items assigned to you" in page and "Items nobody has taken yet" in page
    assert page.index("逾期的网站") < page.index("按时的网站") < page.index("无人认领的网站")
    assert f'href="/review/{late.pk}/"' in page
    assert re.search(r"overdue \(-\d+\)", page)  # working days past the due date
    assert "2 open items are assigned to you." in page and "1 of them is overdue." in page
    assert "别处" not in page
    assert "Your team's load" not in page and "weekly-chart" not in page


def test_a_reviewer_sees_the_appointments_booked_with_them_or_their_agency_today(client, reference_data,
                                                                                 signed_in):
    reviewer = make_reviewer(BEIJING_CHAOYANG)
    appointment = booked_today(reviewer)
    colleague = make_reviewer(BEIJING_CHAOYANG)
    elsewhere = make_reviewer("330106")
    item = ReviewItem.objects.get(subject_id=appointment.application_id, kind=Kind.NEW_WEBSITE)

    page = _page(signed_in(reviewer))
    assert "Face reviews and inspections today and tomorrow" in page
    assert f'href="/review/{item.pk}/"' in page and appointment.place in page and "15:00" in page
    assert ">you<" in page

    colleague_page = _page(signed_in(colleague))
    assert appointment.place in colleague_page and ">you<" not in colleague_page

    elsewhere_page = _page(signed_in(elsewhere))
    assert appointment.place not in elsewhere_page
    assert "Nothing is booked with you or your agency for today or tomorrow." in elsewhere_page


def _named(user, name):
    user.real_name = name
    user.save(update_fields=["real_name"])
    return user


def test_a_supervisor_sees_the_load_per_reviewer_the_overdue_counts_and_the_weekly_chart(
        client, staff, signed_in):
    supervisor = staff("supervisor", HANGZHOU)
    busy = _named(staff("reviewer", HANGZHOU_XIHU), "忙碌的审核员")
    idle = _named(staff("reviewer", HANGZHOU_XIHU), "空闲的审核员")
    for days_ago in (60, 61, 0):
        open_item(HANGZHOU_XIHU, f"西湖网站{days_ago}", days_ago=days_ago, assignee=busy)
    open_item(HANGZHOU_XIHU, "无人认领的网站")
    beijing = _named(staff("reviewer", BEIJING_CHAOYANG), "北京的审核员")
    open_item(BEIJING_CHAOYANG, "别处的网站", days_ago=60, assignee=beijing)

    page = _page(signed_in(supervisor))

    assert "Your team's load" in page and 'id="weekly-chart-title"' in page
    busy_row = re.search(r"忙碌的审核员.*?</tr>", page, re.S).group(0)
    assert re.findall(r"<td[^>]*>(?:<strong[^>]*>)?(\d+)", busy_row) == ["3", "2"]  # open, overdue
    assert page.index("忙碌的审核员") < page.index(idle.real_name)
    figures = re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", page)
    assert ("Open items", "4") in figures and ("Overdue", "2") in figures
    assert ("Nobody has taken them", "1") in figures
    assert "北京的审核员" not in page and "别处的网站" not in page
    assert "Items nobody has taken yet" not in page  # the figure above stands for that list


@pytest.mark.parametrize(("role", "expected", "absent"), [
    ("security_administrator", ["Staff accounts", "1 active account has not set up its authenticator yet."],
     ["Audit log"]),
    ("system_administrator", ["Agency contact details", "active agencies have no telephone."],
     ["Staff accounts"]),
    ("auditor", ["Audit log", "No chain head has been exported yet."], ["Staff accounts"]),
])
def test_administrative_roles_see_their_duties_with_what_is_waiting(client, staff, signed_in, role,
                                                                      expected, absent):
    staff("reviewer", HANGZHOU_XIHU, enrolled=False)
    open_item(HANGZHOU_XIHU, "不属于管理员的网站")
    page = _page(signed_in(staff(role)))
    for text in expected:
        assert text in page
    for text in [*absent, "Items assigned to you", "weekly-chart", "不属于管理员的网站"]:
        assert text not in page


def test_the_home_is_in_chinese_by_default(client, staff, signed_in):
    page = signed_in(staff("reviewer", HANGZHOU_XIHU)).get(HOME).content.decode()
    assert "分配给您的事项" in page and "今明两天的面审和现场检查" in page


def test_the_placeholder_is_gone_from_every_template_and_catalog():
    beian = pathlib.Path(__file__).resolve().parents[2] / "beian"
    for path in [*beian.rglob("*.html"), *beian.rglob("*.po")]:
        text = path.read_text(encoding="utf-8")
        assert not any(placeholder in text for placeholder in PLACEHOLDERS), path


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        client.get(HOME)
    return len(context)


@pytest.mark.parametrize("role", ["reviewer", "supervisor"])
def test_the_number_of_queries_does_not_grow_with_the_work(client, staff, signed_in, role,
                                                          django_assert_max_num_queries):
    user = staff(role, BEIJING_CHAOYANG)
    reviewer = user if role == "reviewer" else staff("reviewer", BEIJING_CHAOYANG)
    open_item(BEIJING_CHAOYANG, "第一个", assignee=reviewer)
    open_item(BEIJING_CHAOYANG, "第二个")
    booked_today(reviewer)
    signed_in(user)
    _queries(client)  # warm the per-process caches (content types, the session's device)
    few = _queries(client)

    for number in range(12):
        assignee = reviewer if number % 2 else None
        open_item(BEIJING_CHAOYANG, f"更多{number}", days_ago=number * 5, assignee=assignee)
    for _other in range(3):
        staff("reviewer", BEIJING_CHAOYANG)
    booked_today(reviewer)
    booked_today(reviewer)

    with django_assert_max_num_queries(few):
        page = client.get(HOME).content.decode()
    if role == "reviewer":
        assert page.count("更多") >= 5  # the new items are listed
    else:
        assert page.count('data-label="审核员"') >= 5  # so are the new reviewers
