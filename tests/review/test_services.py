from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from beian.review import services
from beian.review.models import ReviewEvent

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_opening_counts_21_working_days_from_the_local_date(submit):
    # 2026-09-27 17:00 UTC is already Monday 2026-09-28 in China.
    item = submit(now=datetime(2026, 9, 27, 17, 0, tzinfo=ZoneInfo("UTC")))
    assert item.due_date == date(2026, 11, 2) and item.due_date_exact
    assert item.is_open and item.status == "submitted"
    assert list(item.events.values_list("action", flat=True)) == ["submitted"]


def test_reopening_after_a_return_resets_the_row_and_keeps_the_history(submit, staff):
    reviewer = staff("reviewer", "330106")
    item = submit(now=datetime(2026, 9, 28, 9, tzinfo=SHANGHAI))
    services.assign(actor=reviewer, item_id=item.pk)
    services.record_decision(subject=item.subject, actor=reviewer, action="returned", to_status="returned",
                             reasons=[{"code": "photo_unclear", "text": "x", "field": ""}], closes=True)
    item.refresh_from_db()
    assert not item.is_open and item.decided_at is not None
    again = submit(subject=item.subject, now=datetime(2026, 11, 9, 9, tzinfo=SHANGHAI))
    assert again.pk == item.pk and again.is_open and again.assignee is None and again.decided_at is None
    assert list(again.events.values_list("action", flat=True)) == [
        "submitted", "assigned", "returned", "submitted"]


def test_a_reviewer_takes_an_item_but_not_one_someone_else_has(submit, staff):
    first, second = staff("reviewer", "330106"), staff("reviewer", "330106")
    item = submit()
    services.assign(actor=first, item_id=item.pk)
    with pytest.raises(services.ReviewActionRefused, match="already"):
        services.assign(actor=second, item_id=item.pk)
    with pytest.raises(services.ReviewActionRefused, match="Only the assignee"):
        services.unassign(actor=second, item_id=item.pk)
    services.unassign(actor=first, item_id=item.pk)
    services.assign(actor=second, item_id=item.pk)


def test_only_supervisors_assign_to_others_and_only_to_reviewers_in_scope(submit, staff):
    reviewer, colleague = staff("reviewer", "330106"), staff("reviewer", "330106")
    elsewhere = staff("reviewer", "330102")
    supervisor = staff("supervisor", "330100")
    item = submit()
    with pytest.raises(services.ReviewActionRefused, match="supervisor"):
        services.assign(actor=reviewer, item_id=item.pk, assignee=colleague)
    with pytest.raises(services.ReviewActionRefused, match="cannot review"):
        services.assign(actor=supervisor, item_id=item.pk, assignee=elsewhere)
    services.assign(actor=supervisor, item_id=item.pk, assignee=colleague)
    item.refresh_from_db()
    assert item.assignee == colleague
    services.unassign(actor=supervisor, item_id=item.pk)


def test_items_outside_the_jurisdiction_do_not_exist_for_the_actor(submit, staff):
    from beian.review.models import ReviewItem

    item = submit("330106")
    with pytest.raises(ReviewItem.DoesNotExist):
        services.assign(actor=staff("reviewer", "330102"), item_id=item.pk)
    with pytest.raises(ReviewItem.DoesNotExist):
        services.assign(actor=staff("supervisor", "110000"), item_id=item.pk)


def test_decided_items_cannot_be_assigned(submit, staff):
    reviewer = staff("reviewer", "330106")
    item = submit()
    services.record_decision(subject=item.subject, actor=reviewer, action="approved", to_status="approved",
                             closes=True)
    with pytest.raises(services.ReviewActionRefused, match="already been decided"):
        services.assign(actor=reviewer, item_id=item.pk)


def test_decisions_are_audited_and_listed_in_the_history(submit, staff):
    from beian.core.models import AuditEntry

    reviewer = staff("reviewer", "330106")
    item = submit()
    services.record_decision(subject=item.subject, actor=reviewer, action="returned", to_status="returned",
                             reasons=[{"code": "other", "text": "…", "field": "sponsor.name"}],
                             note="请补充", closes=True)
    event = ReviewEvent.objects.get(item=item, action="returned")
    assert (event.from_status, event.to_status, event.note) == ("submitted", "returned", "请补充")
    assert AuditEntry.objects.filter(action="review_returned", object_id=str(item.pk)).exists()
