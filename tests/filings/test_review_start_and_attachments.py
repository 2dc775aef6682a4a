"""submitted → in_review when a reviewer takes the application; the resubmission diff; pre-approval
scans and the security protection scheme (upload, required scan, who may open them)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from beian.core.audit import AuditEntry
from beian.core.models import PreApproval
from beian.filings import checks, services
from beian.filings.forms import PromptForm
from beian.filings.models import WebsiteApplication
from beian.filings.review_kind import comparisons
from beian.filings.uploads import clean_scheme_document
from beian.review import services as review_services
from beian.review.models import ReviewItem
from beian.sponsors.documents import UploadRefused, clean_image
from tests.factories import sign_in_verified
from tests.filings import helpers
from tests.filings.test_decisions import REASONS
from tests.sponsors.helpers import jpeg, upload

pytestmark = pytest.mark.django_db
Status = WebsiteApplication.Status
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_taking_the_item_starts_the_review(sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    item = ReviewItem.objects.get(kind="new_website")
    item = review_services.assign(actor=reviewer, item_id=item.pk)
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW and item.status == "in_review"
    assert item.events.filter(action="in_review").count() == 1
    review_services.unassign(actor=reviewer, item_id=item.pk)
    review_services.assign(actor=reviewer, item_id=item.pk)  # taken again: no second start
    assert item.events.filter(action="in_review").count() == 1
    website = services.approve_application(actor=reviewer, application=application)
    assert website.record_number


def test_in_review_application_can_be_returned_but_not_withdrawn(sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    services.start_review(actor=reviewer, application=application)
    with pytest.raises(services.FilingActionRefused):
        services.withdraw_application(actor=application.owner, application=application)
    services.return_application(actor=reviewer, application=application, reasons=REASONS)
    application.refresh_from_db()
    assert application.status == Status.RETURNED


def test_resubmission_shows_what_was_corrected(sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    services.return_application(actor=reviewer, application=application, reasons=REASONS)
    application.refresh_from_db()
    application = services.save_draft_step(actor=application.owner, application=application, step="basic",
                                           data={"name": "云景科技股份官网"}, version=application.version)
    services.submit_application(actor=application.owner, application=application)
    application.refresh_from_db()
    found = comparisons(application)
    assert found["changes_to_filed"] is None
    assert [(row.label, row.before, row.after) for row in found["changes_since_return"]] == [
        ("网站名称", "云景科技官网", "云景科技股份官网")]


def _declare_bbs(application, scan=True):
    bbs = PreApproval.objects.get(code="bbs")
    data = {"pre_approvals": {bbs: "京BBS-2026-001"}}
    if scan:
        data["pre_approval_scans"] = {bbs: clean_image(upload("scan.jpg", jpeg()))}
    return services.save_draft_step(actor=application.owner, application=application, step="basic",
                                    data=data, version=application.version)


def test_a_declared_pre_approval_needs_its_scan(sponsor):
    application = _declare_bbs(helpers.complete_application(sponsor), scan=False)
    assert "pre_approval_scan_bbs" in [row["field"] for row in checks.missing_fields(application)]
    application = _declare_bbs(application)
    assert "pre_approval_scan_bbs" not in [row["field"] for row in checks.missing_fields(application)]
    declared = application.pre_approvals.get()
    assert declared.scan and declared.scan_content_type == "image/jpeg"


def test_scan_opens_for_the_owner_and_reviewers_in_scope_only(client, sponsor, reviewer):
    application = _declare_bbs(helpers.complete_application(sponsor))
    services.submit_application(actor=application.owner, application=application)
    url = reverse("filings:pre_approval_scan", args=[application.pre_approvals.get().pk])
    client.force_login(application.owner)
    assert client.get(url)["Content-Type"] == "image/jpeg"
    client.force_login(helpers.approved_sponsor().owner)
    assert client.get(url).status_code == 404
    sign_in_verified(client, reviewer)
    response = client.get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert AuditEntry.objects.filter(action="document_viewed", actor=reviewer).exists()


def test_security_scheme_pdf_is_stored_and_downloaded(client, sponsor):
    application = helpers.complete_application(sponsor)
    scheme = clean_scheme_document(SimpleUploadedFile("scheme.pdf", PDF, "application/pdf"))
    application = services.save_draft_step(
        actor=application.owner, application=application, step="prompt",
        data={"agreement_accepted": True, "security_scheme": scheme}, version=application.version)
    client.force_login(application.owner)
    response = client.get(reverse("filings:security_scheme", args=[application.pk]))
    assert response.content == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("data", [b"%PDF-1.4 but cut off", b"not a document at all", b"GIF89a......"])
def test_a_damaged_or_foreign_scheme_is_refused_with_a_message(data):
    form = PromptForm(data={"version": 1}, files={"security_scheme": SimpleUploadedFile("x.pdf", data)})
    assert not form.is_valid() and form.errors["security_scheme"][0]
    with pytest.raises(UploadRefused):
        clean_scheme_document(SimpleUploadedFile("x.pdf", data))
