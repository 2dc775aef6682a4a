"""The queue's filters, orders, counts per option and saved views (SPEC §5, issue 17)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beian.core.calendar import add_working_days, load_overrides
from beian.core.models import Agency
from beian.review import services
from beian.review.models import ReviewItem, SavedQueueView
from beian.review.selectors import QueueFilter, facet_counts, queue

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def titles(items):
    return [item.title for item in items]


def due_in(item, working_days: int, today: date):
    ReviewItem.objects.filter(pk=item.pk).update(
        due_date=add_working_days(today, working_days, load_overrides()).date if working_days >= 0
        else today - timedelta(days=1))


def test_the_due_window_splits_overdue_within_three_working_days_and_later(submit, staff):
    today = date.today()
    for title, days in (("超期", -1), ("今天", 0), ("三天", 3), ("四天", 4)):
        due_in(submit(title=title), days, today)
    reviewer = staff("reviewer", "330106")
    assert titles(queue(reviewer, QueueFilter(due="overdue"), today=today)) == ["超期"]
    assert titles(queue(reviewer, QueueFilter(due="soon"), today=today)) == ["今天", "三天"]
    assert titles(queue(reviewer, QueueFilter(due="later"), today=today)) == ["四天"]


def test_the_interactive_flag_comes_from_the_listing_and_filters(submit, staff, reference_data):
    submit(title="普通")
    interactive = services.open_item(
        kind="new_website", subject=Agency.objects.get(code="110105"),
        agency=Agency.objects.get(code="330106"), status="submitted",
        listing=services.Listing(title="论坛", interactive=True), actor=None)
    assert interactive.interactive
    reviewer = staff("reviewer", "330106")
    assert titles(queue(reviewer, QueueFilter(interactive=True))) == ["论坛"]
    assert titles(queue(reviewer, QueueFilter(interactive=False))) == ["普通"]


def test_assignee_filter_names_a_reviewer(submit, staff):
    supervisor, reviewer = staff("supervisor", "330100"), staff("reviewer", "330106")
    given = submit(title="给了")
    submit(title="没给")
    services.assign(actor=supervisor, item_id=given.pk, assignee=reviewer)
    assert titles(queue(supervisor, QueueFilter(assignee=str(reviewer.pk)))) == ["给了"]


def test_the_orders_are_whitelisted_and_due_first_by_default(submit, staff):
    now = datetime.now(SHANGHAI)
    submit(title="旧", now=now - timedelta(days=30))
    submit(title="新", now=now)
    middle = submit(title="中", now=now - timedelta(days=10))
    ReviewItem.objects.filter(pk=middle.pk).update(status="in_review")
    reviewer = staff("reviewer", "330106")
    assert titles(queue(reviewer, QueueFilter())) == ["旧", "中", "新"]
    assert titles(queue(reviewer, QueueFilter(sort="-submitted"))) == ["新", "中", "旧"]
    assert titles(queue(reviewer, QueueFilter(sort="-due"))) == ["新", "中", "旧"]
    assert titles(queue(reviewer, QueueFilter(sort="status")))[0] == "中"  # in_review < submitted
    assert titles(queue(reviewer, QueueFilter(sort="title; drop table"))) == ["旧", "中", "新"]


def test_the_search_finds_title_applicant_domain_and_record_number(submit, staff):
    submit(title="云栖网站", keys=("domain:yunqi.cn", "record:33010602000001"))
    submit(title="别的")
    reviewer = staff("reviewer", "330106")
    for text in ("云栖", "yunqi.cn", "33010602000001"):
        assert titles(queue(reviewer, QueueFilter(search=text))) == ["云栖网站"], text


def test_counts_per_kind_and_status_keep_the_other_filters_in_one_query(submit, staff):
    submit(title="一")
    second = submit(title="二")
    ReviewItem.objects.filter(pk=second.pk).update(status="in_review", kind="claim")
    reviewer = staff("reviewer", "330106")
    with CaptureQueriesContext(connection) as queries:
        counts = facet_counts(reviewer, QueueFilter(status="in_review"))
    assert len(queries) == 1
    assert counts["kind"]["claim"] == 1 and counts["kind"]["sponsor_entity"] == 0
    assert counts["status"]["submitted"] == 1 and counts["status"]["in_review"] == 1


def test_the_page_shows_the_counts_and_keeps_the_filters_in_its_links(client, submit, staff, signed_in):
    submit(title="一")
    signed_in(staff("reviewer", "330106"))
    page = client.get("/review/?kind=sponsor_entity&sort=-due&page=1",
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "sponsor entity (1)" in page and "new website (0)" in page
    assert 'name="query" value="kind=sponsor_entity&amp;sort=-due"' in page
    assert 'href="#queue-list"' in page  # the skip link to the rows


def test_saved_views_are_created_listed_for_their_owner_only_applied_and_deleted(client, staff, signed_in,
                                                                                  reference_data):
    owner, other = staff("reviewer", "330106"), staff("reviewer", "330106")
    SavedQueueView.objects.create(owner=other, name="别人的视图", query="kind=claim")
    signed_in(owner)
    response = client.post("/review/views/", {"name": "我的超期", "query": "due=overdue&page=2&evil=1"})
    assert response.url == "/review/?due=overdue"
    view = SavedQueueView.objects.get(owner=owner)
    assert (view.name, view.query) == ("我的超期", "due=overdue")
    page = client.get("/review/").content.decode()
    assert "我的超期" in page and 'href="?due=overdue"' in page and "别人的视图" not in page
    applied = client.get("/review/?due=overdue").content.decode()
    assert 'href="?due=overdue" aria-current="true"' in applied
    theirs = SavedQueueView.objects.get(owner=other)
    assert client.post(f"/review/views/{theirs.pk}/delete/").status_code == 404
    client.post(f"/review/views/{view.pk}/delete/")
    assert not SavedQueueView.objects.filter(owner=owner).exists()
    assert SavedQueueView.objects.filter(owner=other).exists()


@pytest.mark.parametrize("role, agency", [("reviewer", "330106"), ("supervisor", "330100")])
def test_the_queue_page_costs_the_same_queries_for_5_or_50_items(client, submit, staff, signed_in, role,
                                                                  agency, django_assert_max_num_queries):
    user = staff(role, agency)
    signed_in(user)
    client.get("/review/")  # the first request of a session fills caches (content types, the calendar)
    counted = []
    for total in (5, 50):
        while ReviewItem.objects.count() < total:
            item = submit(title=f"网站{ReviewItem.objects.count()}")
            services.assign(actor=user, item_id=item.pk)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/review/?search=网站").status_code == 200
        counted.append(len(queries))
    assert counted[0] == counted[1]
    with django_assert_max_num_queries(counted[0]):
        client.get("/review/?search=网站")


def test_only_supervisors_choose_an_agency_and_old_overdue_links_still_filter(client, submit, staff,
                                                                            signed_in):
    due_in(submit(title="甲网站"), -1, date.today())
    submit(title="乙网站")
    signed_in(staff("reviewer", "330106"))
    page = client.get("/review/?overdue=on").content.decode()
    assert 'name="agency"' not in page and "甲网站" in page and "乙网站" not in page
    signed_in(staff("supervisor", "330100"))
    page = client.get("/review/?due=later&assignee=nobody").content.decode()
    assert 'name="agency"' in page and "乙网站" in page and "甲网站" not in page
