"""The supervisor dashboard's chart per week: figures per local week, within the jurisdiction."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from beian.review.models import ReviewItem
from beian.review.selectors import items_in_scope
from beian.review.statistics import WEEKS_SHOWN, dashboard_figures, weekly_figures

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=SHANGHAI)  # a Wednesday: its week began on Monday 16 November
THIS_MONDAY = date(2026, 11, 16)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


def decided(item, when: datetime) -> None:
    ReviewItem.objects.filter(pk=item.pk).update(decided_at=when, is_open=False, status="approved")


def test_twelve_weeks_oldest_first_with_the_weeks_in_which_nothing_happened(submit, staff):
    weeks = dashboard_figures(staff("supervisor", "330100"), now=NOW)["weeks"]
    assert len(weeks) == WEEKS_SHOWN == 12
    assert [row["week"] for row in weeks] == [THIS_MONDAY - timedelta(weeks=back)
                                              for back in range(11, -1, -1)]
    assert all(row["week"].weekday() == 0 for row in weeks)
    assert {(row["submitted"], row["decided"]) for row in weeks} == {(0, 0)}


def test_two_aggregate_queries_whatever_the_number_of_weeks(submit, staff, django_assert_num_queries):
    for back in range(5):
        submit("330106", now=at(THIS_MONDAY - timedelta(weeks=back), 10))
    items = items_in_scope(staff("supervisor", "330100"))
    with django_assert_num_queries(2):
        weeks = weekly_figures(items, today=NOW.date())
    assert [row["submitted"] for row in weeks] == [0] * 7 + [1] * 5


def test_submitted_and_decided_are_counted_in_the_local_week_they_happened_in(submit, staff):
    # Monday 00:30 in Beijing is still Sunday in UTC: it belongs to the new week all the same.
    submit("330106", now=at(THIS_MONDAY, 0, 30))
    submit("330102", now=at(THIS_MONDAY, 9))
    submit("330106", now=at(THIS_MONDAY - timedelta(days=1), 23, 30))  # Sunday night: the week before
    three_weeks_ago = submit("330106", now=at(THIS_MONDAY - timedelta(weeks=3), 15))
    decided(three_weeks_ago, at(THIS_MONDAY + timedelta(days=1), 11))
    long_ago = submit("330106", now=at(THIS_MONDAY - timedelta(weeks=20), 15))  # before the twelve weeks
    decided(long_ago, at(THIS_MONDAY - timedelta(weeks=3, days=-2), 16))
    weeks = {row["week"]: (row["submitted"], row["decided"])
             for row in dashboard_figures(staff("supervisor", "330100"), now=NOW)["weeks"]}
    assert weeks[THIS_MONDAY] == (2, 1)
    assert weeks[THIS_MONDAY - timedelta(weeks=1)] == (1, 0)
    assert weeks[THIS_MONDAY - timedelta(weeks=3)] == (1, 1)
    assert sum(submitted for submitted, _decided in weeks.values()) == 4
    assert sum(decided_ for _submitted, decided_ in weeks.values()) == 2
    assert weeks[THIS_MONDAY - timedelta(weeks=2)] == (0, 0)


def test_items_outside_the_jurisdiction_are_not_counted(submit, staff):
    submit("330106", now=at(THIS_MONDAY, 10))
    elsewhere = submit("110105", now=at(THIS_MONDAY, 10))  # Beijing, another province
    decided(elsewhere, at(THIS_MONDAY, 12))
    weeks = dashboard_figures(staff("supervisor", "330100"), now=NOW)["weeks"]
    assert weeks[-1] == {"week": THIS_MONDAY, "submitted": 1, "decided": 0}
    assert dashboard_figures(staff("supervisor", "110000"), now=NOW)["weeks"][-1] == {
        "week": THIS_MONDAY, "submitted": 1, "decided": 1}


def test_the_dashboard_draws_the_chart_per_week_in_chinese_and_in_english(client, submit, staff, signed_in):
    submitted = submit("330106")
    decided(submitted, timezone.now())
    signed_in(staff("supervisor", "330100"))
    today = timezone.localdate()
    this_monday = today - timedelta(days=today.weekday())
    chinese = client.get("/review/dashboard/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    english = client.get("/review/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for page in (chinese, english):
        chart = page[page.index('<svg class="chart"'):page.index("</svg>")]
        assert 'role="img"' in chart and 'aria-labelledby="weekly-chart-title"' in chart
        assert chart.count('<rect class="bar"') == chart.count('<rect class="bar bar-second"') == 12
        assert f">{this_monday:%m-%d}</text>" in chart
        assert f'<th scope="row">{this_monday:%Y-%m-%d}</th><td>1</td><td>1</td>' in page
    assert "每周情况（近 12 周）" in chinese and "每周提交和办结的事项数" in chinese and "办结数" in chinese
    assert "Per week (last 12 weeks)" in english and "Items submitted and decided per week" in english
    assert "Decided" in english and "每周" not in english
