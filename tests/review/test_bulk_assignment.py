"""Bulk assignment from the queue: each item on its own, refusals reported per item, one audit entry each."""

import pytest

from beian.core.audit_actions import AuditAction
from beian.core.models import AuditEntry
from beian.review import services
from beian.review.models import ReviewItem

pytestmark = pytest.mark.django_db


def audit_actions():
    return list(AuditEntry.objects.order_by("id").values_list("action", flat=True))


def test_a_supervisor_assigns_items_of_the_jurisdiction_and_each_leaves_an_audit_entry(submit, staff):
    supervisor, reviewer = staff("supervisor", "330100"), staff("reviewer", "330106")
    first, second = submit("330106", title="一"), submit("330106", title="二")
    result = services.bulk_assign(actor=supervisor, item_ids=[first.pk, second.pk, first.pk],
                                  assignee=reviewer)
    assert result.done == [first.pk, second.pk] and result.refused == []
    assert set(ReviewItem.objects.values_list("assignee", flat=True)) == {reviewer.pk}
    assert audit_actions().count(AuditAction.REVIEW_ASSIGNED) == 2


def test_items_the_assignee_or_the_actor_cannot_review_are_refused_one_by_one(submit, staff):
    supervisor, reviewer = staff("supervisor", "330100"), staff("reviewer", "330106")
    xihu, shangcheng, beijing = submit("330106"), submit("330102"), submit("110105")
    result = services.bulk_assign(actor=supervisor, item_ids=[xihu.pk, shangcheng.pk, beijing.pk],
                                  assignee=reviewer)
    assert result.done == [xihu.pk]
    assert result.refused == [(shangcheng.pk, "That reviewer cannot review items of this agency."),
                              (beijing.pk, "This item is not in your jurisdiction.")]
    assert ReviewItem.objects.get(pk=shangcheng.pk).assignee is None
    assert ReviewItem.objects.get(pk=beijing.pk).assignee is None
    assert audit_actions() == [AuditAction.REVIEW_ASSIGNED, AuditAction.REVIEW_ASSIGNMENT_REFUSED,
                               AuditAction.REVIEW_ASSIGNMENT_REFUSED]
    refusal = AuditEntry.objects.filter(action=AuditAction.REVIEW_ASSIGNMENT_REFUSED).last()
    assert refusal.details["item"] == beijing.pk and refusal.object_id == ""


def test_a_reviewer_takes_items_and_puts_them_back_but_not_a_colleagues(submit, staff):
    reviewer, colleague = staff("reviewer", "330106"), staff("reviewer", "330106")
    mine, theirs = submit(), submit()
    services.assign(actor=colleague, item_id=theirs.pk)
    taken = services.bulk_assign(actor=reviewer, item_ids=[mine.pk, theirs.pk])
    assert taken.done == [mine.pk] and [item_id for item_id, _ in taken.refused] == [theirs.pk]
    back = services.bulk_assign(actor=reviewer, item_ids=[mine.pk, theirs.pk], unassigning=True)
    assert back.done == [mine.pk]
    assert back.refused == [(theirs.pk, "Only the assignee or a supervisor can put the item back.")]
    assert ReviewItem.objects.get(pk=mine.pk).assignee is None
    assert ReviewItem.objects.get(pk=theirs.pk).assignee == colleague
    assert AuditAction.REVIEW_UNASSIGNED in audit_actions()


def test_the_bulk_form_assigns_the_ticked_rows_and_reports_refusals(client, submit, staff, signed_in):
    supervisor, reviewer = staff("supervisor", "330100"), staff("reviewer", "330106")
    xihu, shangcheng = submit("330106"), submit("330102")
    signed_in(supervisor)
    response = client.post("/review/bulk-assign/", {
        "items": [xihu.pk, shangcheng.pk], "assignee": str(reviewer.pk), "query": "kind=new_website&page=3"},
        HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert response.redirect_chain[-1][0] == "/review/?kind=new_website"
    page = response.content.decode()
    assert "1 item assigned." in page
    assert f"Item {shangcheng.pk} refused: That reviewer cannot review items of this agency." in page
    assert ReviewItem.objects.get(pk=xihu.pk).assignee == reviewer


def test_the_bulk_form_puts_items_back_and_asks_for_a_tick(client, submit, staff, signed_in):
    reviewer = staff("reviewer", "330106")
    item = submit()
    services.assign(actor=reviewer, item_id=item.pk)
    signed_in(reviewer)
    page = client.post("/review/bulk-assign/", {"items": [item.pk], "assignee": "nobody"},
                       HTTP_ACCEPT_LANGUAGE="en", follow=True).content.decode()
    assert "1 item put back in the queue." in page
    assert ReviewItem.objects.get(pk=item.pk).assignee is None
    page = client.post("/review/bulk-assign/", {"assignee": "me"}, HTTP_ACCEPT_LANGUAGE="en",
                       follow=True).content.decode()
    assert "Tick at least one item." in page
