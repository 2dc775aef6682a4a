"""A test kind plugged into the workbench, so the workbench is tested without any real subject app.

The subject is an Agency row (any model with an integer key does: the workbench only keeps a
reference to it)."""

import pytest
from django import forms

from beian.core.models import Agency
from beian.review import services
from beian.review.kinds import Decision, KindHandler, register
from beian.review.models import Kind

TEST_KIND = Kind.SPONSOR_ENTITY


class NoteForm(forms.Form):
    note = forms.CharField(required=True)

    def __init__(self, data=None, *, item):
        super().__init__(data)


def _approve(*, actor, item, form):
    services.record_decision(subject=item.subject, actor=actor, action="approved", to_status="approved",
                             note=form.cleaned_data["note"], closes=True)


@pytest.fixture(autouse=True)
def test_kind():
    from beian.review import kinds

    before = kinds.handler_for(TEST_KIND)
    register(KindHandler(kind=TEST_KIND, detail_template="includes/form_errors.html",
                         detail_context=lambda item, request: {},
                         decisions=(Decision("approve", "Approve", NoteForm, _approve,
                                             lambda item: item.status == "submitted"),)))
    yield
    if before is not None:
        register(before)


@pytest.fixture
def submit(reference_data):
    """submit(agency_code, title=..., keys=(), subject=<Agency>) → an open ReviewItem."""
    def _submit(agency_code="330106", *, title="杭州云栖科技有限公司", keys=(), subject=None, now=None,
                actor=None):
        subject = subject or Agency.objects.exclude(pk__in=_used_subjects()).first()
        return services.open_item(
            kind=TEST_KIND, subject=subject, agency=Agency.objects.get(code=agency_code),
            status="submitted", listing=services.Listing(title=title, sponsor_name=title, search_keys=keys),
            actor=actor, now=now, findings=[
                {"rule": "filing.late", "severity": "warning", "field": "website.opened_on", "params": {}}])
    return _submit


def _used_subjects():
    from beian.review.models import ReviewItem

    return ReviewItem.objects.values("subject_id")


@pytest.fixture(autouse=True)
def _in_english(english):
    """Service messages are asserted in English; pages choose their language per request."""
