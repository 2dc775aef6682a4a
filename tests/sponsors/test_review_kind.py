"""The sponsor entity in the review workbench: masked data, logged "show", findings, decisions."""

import pytest
from django.urls import reverse

from beian.core.models import AuditEntry
from beian.review.forms import ReturnDecisionForm
from beian.review.kinds import handler_for
from beian.review.models import ReviewItem
from beian.sponsors import services
from beian.sponsors.models import SponsorEntity
from tests.sponsors.helpers import ENTERPRISE_USCC, PERSON_ID, make_reasons, ready_entity

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(reference_data):
    entity = ready_entity()
    return services.submit_sponsor_entity(actor=entity.owner)


def test_the_kind_is_registered():
    handler = handler_for("sponsor_entity")
    assert handler.detail_template == "sponsors/review_detail.html"
    assert [d.name for d in handler.decisions] == ["approve", "return"]


def test_the_detail_masks_numbers_and_lists_documents_and_findings(client, item, reviewer, signed_in):
    signed_in(reviewer)
    response = client.get(reverse("review:detail", args=[item.pk]), HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert ENTERPRISE_USCC not in page and PERSON_ID not in page
    assert ENTERPRISE_USCC[:4] + "*" * 10 + ENTERPRISE_USCC[-4:] in page
    assert page.count(reverse("sponsors:reveal", args=[item.pk])) >= 2
    entity = item.subject
    for document in entity.documents.all():  # thumbnails of the audited document view
        assert f'<img src="{reverse("sponsors:document", args=[document.pk])}"' in page
    assert "Automatic findings" in page
    assert not AuditEntry.objects.filter(action="pii_viewed").exists()


def test_showing_the_full_number_is_logged(client, item, reviewer, signed_in):
    signed_in(reviewer)
    response = client.post(reverse("sponsors:reveal", args=[item.pk]), {"which": "person"},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and PERSON_ID in response.content.decode()
    entry = AuditEntry.objects.get(action="pii_viewed")
    assert entry.actor == reviewer and entry.details == {"field": "person"}
    page = client.post(reverse("sponsors:reveal", args=[item.pk]), {"which": "sponsor"}).content.decode()
    assert ENTERPRISE_USCC in page


def test_showing_is_for_reviewers_of_the_jurisdiction_only(client, item, other_reviewer, signed_in):
    signed_in(other_reviewer)
    assert client.post(reverse("sponsors:reveal", args=[item.pk]), {"which": "person"}).status_code == 404
    assert client.get(reverse("review:detail", args=[item.pk])).status_code == 404
    assert not AuditEntry.objects.filter(action="pii_viewed").exists()


def test_the_owner_cannot_use_the_reviewer_show(client, item):
    client.force_login(item.subject.owner)
    assert client.post(reverse("sponsors:reveal", args=[item.pk]), {"which": "person"}).status_code == 403


def test_approve_through_the_workbench(client, item, reviewer, signed_in):
    signed_in(reviewer)
    response = client.post(reverse("review:decide", args=[item.pk, "approve"]))
    assert response.status_code == 302
    assert SponsorEntity.objects.get().status == "approved"
    assert not ReviewItem.objects.get().is_open


def test_return_through_the_workbench_needs_reasons_of_this_kind(client, item, reviewer, signed_in):
    reasons = make_reasons()
    form = ReturnDecisionForm(item=item)
    offered = set(form.fields["reasons"].queryset.values_list("code", flat=True))
    assert {"sponsor-name-unclear", "photo-unclear"} <= offered and "website-only" not in offered
    signed_in(reviewer)
    url = reverse("review:decide", args=[item.pk, "return"])
    assert client.post(url, {"note": "x"}).status_code == 400
    assert client.post(url, {"reasons": [reasons[2].pk]}).status_code == 400  # another kind's reason
    response = client.post(url, {"reasons": [reasons[0].pk], "note": "名称写错了"})
    assert response.status_code == 302
    entity = SponsorEntity.objects.get()
    assert entity.status == "returned" and entity.return_note == "名称写错了"
    assert entity.return_reasons[0]["text_en"] == "The unit name differs from the certificate"


def test_a_second_decision_gets_a_clear_message(client, item, reviewer, signed_in):
    services.approve_sponsor_entity(actor=reviewer, entity=item.subject)
    signed_in(reviewer)
    response = client.post(reverse("review:decide", args=[item.pk, "approve"]), follow=True)
    assert response.status_code == 200
    assert SponsorEntity.objects.get().status == "approved"
    assert list(response.context["messages"])


def test_findings_are_shown_next_to_their_field(client, item, reviewer, signed_in):
    type(item.subject).objects.filter(pk=item.subject_id).update(findings=[
        {"rule": "mobile.invalid", "severity": "error", "field": "sponsor.person_in_charge.mobile",
         "params": {}}])
    signed_in(reviewer)
    page = client.get(reverse("review:detail", args=[item.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    row = page.index("<dt>Mobile phone</dt>")
    assert page.index('data-field="sponsor.person_in_charge.mobile"', row) < page.index("</dd>", row)
