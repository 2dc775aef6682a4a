from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from beian.core import pii
from beian.review import services
from beian.review.selectors import QueueFilter, queue

pytestmark = pytest.mark.django_db


def titles(items):
    return [item.title for item in items]


def test_reviewers_see_their_agency_and_supervisors_every_agency_below(submit, staff):
    submit("330106", title="西湖")
    submit("330102", title="上城")
    submit("110105", title="朝阳")
    assert titles(queue(staff("reviewer", "330106"), QueueFilter())) == ["西湖"]
    assert set(titles(queue(staff("supervisor", "330100"), QueueFilter()))) == {"西湖", "上城"}
    assert set(titles(queue(staff("supervisor", "330000"), QueueFilter()))) == {"西湖", "上城"}
    assert titles(queue(staff("reviewer", "330102"), QueueFilter())) == ["上城"]
    assert titles(queue(staff("auditor"), QueueFilter())) == []


def test_the_scope_columns_agree_with_the_jurisdiction_at_every_level(submit, staff):
    from beian.accounts.jurisdiction import agencies_in_scope

    for code in ("330106", "330102", "330100", "330000", "110105", "110000", "429004"):
        submit(code, title=code)
    for role, code in (("supervisor", "330000"), ("supervisor", "330100"), ("supervisor", "330106"),
                       ("supervisor", "110000"), ("supervisor", "420000"), ("reviewer", "429004")):
        user = staff(role, code)
        expected = {item.title for item in
                    queue(staff("auditor"), QueueFilter()).model.objects.filter(
                        agency__in=agencies_in_scope(user))}
        assert set(titles(queue(user, QueueFilter()))) == expected, (role, code)


def test_overdue_items_come_first_and_can_be_filtered(submit, staff):
    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    submit(title="新的", now=now)
    submit(title="旧的", now=now - timedelta(days=60))
    reviewer = staff("reviewer", "330106")
    assert titles(queue(reviewer, QueueFilter())) == ["旧的", "新的"]
    assert titles(queue(reviewer, QueueFilter(overdue=True))) == ["旧的"]


def test_filters_by_assignee_kind_and_status(submit, staff):
    reviewer = staff("reviewer", "330106")
    mine = submit(title="我的")
    submit(title="没人")
    services.assign(actor=reviewer, item_id=mine.pk)
    assert titles(queue(reviewer, QueueFilter(assignee="me"))) == ["我的"]
    assert titles(queue(reviewer, QueueFilter(assignee="nobody"))) == ["没人"]
    assert titles(queue(reviewer, QueueFilter(kind="new_website"))) == []
    assert len(queue(reviewer, QueueFilter(status="submitted"))) == 2


def test_search_by_name_domain_record_number_and_exact_certificate(submit, staff):
    number = "91330106MA2H0Q1X3M"
    submit(title="云栖科技", keys=("domain:yunqi-tech.cn", "record:33010602000001",
                                   f"certificate:{pii.search_hash('uscc', number)}"))
    submit(title="别的网站")
    reviewer = staff("reviewer", "330106")
    for text in ("云栖", "yunqi-tech.cn", "YUNQI-TECH.CN", "浙公网安备 33010602000001号", "33010602000001",
                 number, number.lower()):
        assert titles(queue(reviewer, QueueFilter(search=text))) == ["云栖科技"], text
    assert titles(queue(reviewer, QueueFilter(search="91330106MA2H0Q1X3"))) == []
