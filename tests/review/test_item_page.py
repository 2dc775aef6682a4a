"""The item page (issue 17): the decision panel on top with the available decisions only, a
confirmation before an irreversible decision, "and next" after a decision, the history collapsed, the
keyboard help; and the walk through one's work (next_item_for / previous_item_for)."""

import pytest
from django import forms

from beian.review import services
from beian.review.kinds import Decision, KindHandler, handler_for, register
from beian.review.selectors import next_item_for, previous_item_for
from tests.review.conftest import TEST_KIND, NoteForm

pytestmark = pytest.mark.django_db

CONSEQUENCE = "Approving issues a number that is never taken back."


class EmptyForm(forms.Form):
    def __init__(self, data=None, *, item):
        super().__init__(data)


def _approve(*, actor, item, form):
    services.record_decision(subject=item.subject, actor=actor, action="approved", to_status="approved",
                             closes=True)


def _return(*, actor, item, form):
    services.record_decision(subject=item.subject, actor=actor, action="returned", to_status="returned",
                             note=form.cleaned_data["note"], closes=True)


def _submitted(item):
    return item.status == "submitted"


@pytest.fixture(autouse=True)
def irreversible_kind(test_kind):
    """The test kind with an irreversible approval, a return with a form and a decision never offered."""
    before = handler_for(TEST_KIND)
    register(KindHandler(kind=TEST_KIND, detail_template="includes/form_errors.html",
                         detail_context=lambda item, request: {}, decisions=(
                             Decision("approve", "Approve for good", EmptyForm, _approve, _submitted,
                                      irreversible=True, consequence=CONSEQUENCE),
                             Decision("return", "Send back", NoteForm, _return, _submitted,
                                      style="secondary"),
                             Decision("hidden", "Never offered", EmptyForm, _approve, lambda item: False),
                         )))
    yield
    register(before)


@pytest.fixture
def reviewer(staff):
    return staff("reviewer", "330106")


def test_the_panel_is_on_top_with_the_available_decisions_only(client, submit, reviewer, signed_in):
    item = submit()
    signed_in(reviewer)
    page = client.get(f"/review/{item.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    panel = page.index('id="decision-panel"')
    assert panel < page.index('class="workbench-subject"') < page.index("Kind")
    assert f"/review/{item.pk}/decide/approve/" in page and f"/review/{item.pk}/decide/return/" in page
    assert "/decide/hidden/" not in page and "Never offered" not in page
    assert page.count('name="then" value="next"') == 2
    assert "You will be asked to confirm" in page  # the irreversible one says so before the click


def test_the_history_is_collapsed_and_the_keyboard_help_is_there(client, submit, reviewer, signed_in):
    item = submit()
    signed_in(reviewer)
    page = client.get(f"/review/{item.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    history = page.index('id="history-title"')
    assert page.rindex("<details>", 0, history) > page.rindex("</details>", 0, history)
    assert 'class="timeline"' in page[history:]
    assert "Keyboard shortcuts" in page and "<kbd>d</kbd>" in page
    assert 'data-shortcut-form="a"' in page  # nobody has it: "a" takes it


def test_an_irreversible_decision_without_confirmation_only_asks(client, submit, reviewer, signed_in):
    item = submit()
    signed_in(reviewer)
    response = client.post(f"/review/{item.pk}/decide/approve/", {"then": "next"},
                           HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert CONSEQUENCE in page and 'name="confirmed" value="1"' in page
    assert 'name="then" value="next"' in page  # what was chosen goes on with the confirmation
    item.refresh_from_db()
    assert item.status == "submitted" and item.is_open
    assert not item.events.filter(action="approved").exists()


def test_confirmed_it_is_decided(client, submit, reviewer, signed_in):
    item = submit()
    signed_in(reviewer)
    response = client.post(f"/review/{item.pk}/decide/approve/", {"confirmed": "1"})
    assert response.status_code == 302 and response.url == "/review/"
    item.refresh_from_db()
    assert item.status == "approved" and not item.is_open


def test_a_reversible_decision_needs_no_confirmation(client, submit, reviewer, signed_in):
    item = submit()
    signed_in(reviewer)
    assert client.post(f"/review/{item.pk}/decide/return/", {"note": "fix"}).status_code == 302
    item.refresh_from_db()
    assert item.status == "returned"


def test_then_next_lands_on_the_next_item_and_on_the_queue_when_none_is_left(client, submit, reviewer,
                                                                            signed_in):
    first, second = submit(title="第一"), submit(title="第二")
    signed_in(reviewer)
    response = client.post(f"/review/{first.pk}/decide/approve/", {"confirmed": "1", "then": "next"})
    assert response.status_code == 302 and response.url == f"/review/{second.pk}/"
    response = client.post(f"/review/{second.pk}/decide/return/", {"note": "fix", "then": "next"})
    assert response.status_code == 302 and response.url == "/review/"


def test_the_next_item_is_my_own_first_then_an_unassigned_one(submit, reviewer, staff):
    colleague = staff("reviewer", "330106")
    unassigned, mine, theirs = submit(title="无人"), submit(title="我的"), submit(title="同事的")
    services.assign(actor=reviewer, item_id=mine.pk)
    services.assign(actor=colleague, item_id=theirs.pk)
    assert next_item_for(reviewer, after=unassigned) == mine
    assert next_item_for(reviewer, after=mine) == unassigned
    assert previous_item_for(reviewer, before=mine) == unassigned
    later = submit(title="更晚的")
    assert next_item_for(reviewer, after=unassigned) == mine  # my own still come first
    assert next_item_for(reviewer, after=mine) == later  # then the unassigned ones, in the queue's order
    assert next_item_for(reviewer, after=later) == mine
    assert next_item_for(colleague, after=theirs) == later  # the colleague has no other item of their own
    services.unassign(actor=reviewer, item_id=mine.pk)
    mine.refresh_from_db()
    services.record_decision(subject=unassigned.subject, actor=reviewer, action="approved",
                             to_status="approved", closes=True)
    assert next_item_for(reviewer, after=mine) == later
    assert next_item_for(reviewer, after=later) == mine  # never a decided item


def test_next_and_previous_links_on_the_page(client, submit, reviewer, signed_in):
    first, second = submit(title="第一"), submit(title="第二")
    signed_in(reviewer)
    page = client.get(f"/review/{first.pk}/").content.decode()
    assert f'href="/review/{second.pk}/" rel="next" data-shortcut="n"' in page
    assert f'href="/review/{second.pk}/" rel="prev" data-shortcut="p"' in page  # wraps round
