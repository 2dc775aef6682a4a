"""New websites in the review workbench: the detail, approve and return through the workbench views."""

import pytest
from django.urls import reverse

from beian.core.models import AuditEntry
from beian.filings.models import Website, WebsiteApplication
from beian.review.kinds import handler_for
from beian.review.models import ReviewItem
from tests.factories import make_reviewer, sign_in_verified
from tests.filings import helpers
from tests.public import helpers as public_helpers
from tests.sponsors.helpers import PERSON_ID, make_reasons

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(sponsor):
    helpers.submitted_application(sponsor)
    return ReviewItem.objects.get(kind="new_website")


def test_the_kind_is_registered():
    handler = handler_for("new_website")
    assert handler.detail_template == "filings/review_detail.html"
    assert [d.name for d in handler.decisions] == ["approve", "return", "face_review", "onsite_inspection",
                                                   "other_slots", "inspection_result"]


def test_the_detail_shows_website_sponsor_leaders_and_findings(client, item, reviewer):
    sign_in_verified(client, reviewer)
    response = client.get(reverse("review:detail", args=[item.pk]), HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    application = item.subject
    assert application.main_domain in page and "云景科技官网" in page and "北京云景科技有限公司" in page
    assert "website security leader" in page.lower() and "Automatic findings" in page
    assert PERSON_ID not in page  # the leaders' certificate numbers are masked


def test_the_sponsor_box_names_a_unit_by_its_unit_name(client, item, reviewer):
    sign_in_verified(client, reviewer)
    page = client.get(reverse("review:detail", args=[item.pk])).content.decode()
    assert helpers.label_of(page, "北京云景科技有限公司") == "单位名称"
    individual = public_helpers.individual_sponsor()
    application = helpers.submitted_application(individual, service_types=["personal_blog"])
    individual_item = ReviewItem.objects.get(kind="new_website", subject_id=application.pk)
    page = client.get(reverse("review:detail", args=[individual_item.pk])).content.decode()
    assert helpers.label_of(page, public_helpers.PERSON_NAME) == "姓名"


def test_a_reviewer_of_another_agency_does_not_see_it(client, item):
    sign_in_verified(client, make_reviewer("110108"))
    assert client.get(reverse("review:detail", args=[item.pk])).status_code == 404


def test_approve_through_the_workbench(client, item, reviewer):
    sign_in_verified(client, reviewer)
    response = client.post(reverse("review:decide", args=[item.pk, "approve"]), {"confirmed": "1"})
    assert response.status_code == 302
    assert item.subject.status == WebsiteApplication.Status.APPROVED


def test_return_through_the_workbench_ties_the_reasons_to_a_field(client, item, reviewer):
    reason = make_reasons()[2]  # "websites only"
    sign_in_verified(client, reviewer)
    response = client.post(reverse("review:decide", args=[item.pk, "return"]),
                           {"reasons": [reason.pk], "field": "website.domains[0]", "note": "请核实"})
    assert response.status_code == 302
    application = item.subject
    assert application.status == WebsiteApplication.Status.RETURNED
    assert application.return_reasons[0]["code"] == "website-only"
    assert application.return_reasons[0]["field"] == "website.domains[0]"


def test_sponsor_only_reasons_are_not_offered(client, item, reviewer):
    make_reasons()
    sign_in_verified(client, reviewer)
    page = client.get(reverse("review:detail", args=[item.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Websites only" in page and "The unit name differs" not in page


def test_approve_is_not_offered_for_an_interactive_website_before_inspection(client, sponsor,
                                                                             reviewer):
    helpers.submitted_application(sponsor, interactive=True, interactive_services=["comments"])
    item = ReviewItem.objects.get(kind="new_website")
    handler = handler_for("new_website")
    assert [d.name for d in handler.available_decisions(item)] == ["return", "face_review",
                                                                   "onsite_inspection"]


def test_approval_asks_for_confirmation_before_a_record_number_is_issued(client, item, reviewer):
    sign_in_verified(client, reviewer)
    url = reverse("review:decide", args=[item.pk, "approve"])
    page = client.post(url).content.decode()
    assert "批准后将签发公安联网备案编号，此操作不可撤销。" in page and "确认批准" in page
    application = item.subject
    assert application.status != WebsiteApplication.Status.APPROVED
    assert not Website.objects.filter(name=application.name).exists()  # no record number issued
    assert client.post(url, {"confirmed": "1"}).status_code == 302
    assert Website.objects.get(name=application.name).record_number


def test_the_decisions_come_before_the_website_and_only_those_possible(client, item, reviewer):
    sign_in_verified(client, reviewer)
    page = client.get(reverse("review:detail", args=[item.pk])).content.decode()
    assert page.index('id="decision-panel"') < page.index('id="website-title"')
    assert "/decide/approve/" in page and "/decide/return/" in page
    assert "/decide/inspection_result/" not in page  # no inspection was asked for


def test_findings_are_shown_next_to_their_field(client, item, reviewer):
    WebsiteApplication.objects.filter(pk=item.subject_id).update(findings=[
        {"rule": "filing.late", "severity": "warning", "field": "website.opened_on",
         "params": {"opened_on": "2020-01-01"}}])
    sign_in_verified(client, reviewer)
    page = client.get(reverse("review:detail", args=[item.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    row = page.index("<dt>Opening date</dt>")
    assert page.index('data-rule="filing.late"', row) < page.index("</dd>", row)


def test_id_photos_are_thumbnails_of_the_audited_document_view(client, item, reviewer):
    sign_in_verified(client, reviewer)
    page = client.get(reverse("review:detail", args=[item.pk])).content.decode()
    photos = list(item.subject.leader_documents.all())
    assert photos
    for photo in photos:
        url = reverse("filings:leader_document", args=[photo.pk])
        assert f'<img src="{url}"' in page and 'loading="lazy"' in page
    assert client.get(url).status_code == 200
    assert AuditEntry.objects.filter(action="document_viewed", object_id=str(photos[-1].pk),
                                     actor=reviewer).exists()
