"""The applicant's lists (filings under review, filed websites), one application, one filed website
with its filing code (SPEC §4.4; the public record page is beian.public)."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from beian.accounts.models import User
from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.core.private_files import image_response
from beian.filings import checks, selectors
from beian.filings.labels import labels_for
from beian.filings.models import LeaderDocument, Website, WebsiteApplication
from beian.staff.permissions import role_required

APPLICANT = User.Role.APPLICANT


@role_required(APPLICANT)
def under_review_view(request):
    rows = []
    for application in selectors.open_applications_of(request.user):
        item = selectors.review_item_of(application) if application.is_under_review else None
        rows.append({"application": application, "item": item})
    return render(request, "filings/under_review.html", {"rows": rows})


@role_required(APPLICANT)
def filed_view(request):
    return render(request, "filings/filed.html", {"websites": selectors.websites_of(request.user)})


@role_required(APPLICANT)
def application_view(request, application_id: int):
    try:
        application = selectors.application_of(request.user, application_id)
    except WebsiteApplication.DoesNotExist as missing:
        raise Http404 from missing
    return render(request, "filings/application.html", {
        "application": application, "item": selectors.review_item_of(application),
        "labels": labels_for(application), "leaders": application.leaders.select_related("certificate_type"),
        "findings": checks.described(application.findings, get_language()),
        "website": application.website or Website.objects.filter(application=application).first()})


@role_required(APPLICANT)
def website_view(request, website_id: int):
    try:
        website = selectors.website_of(request.user, website_id)
    except Website.DoesNotExist as missing:
        raise Http404 from missing
    # The filing code and the badge check are template tags of beian.public / beian.badge_checks.
    return render(request, "filings/website.html", {"website": website})


@require_GET
def leader_document_view(request, document_id: int):
    """An ID photo of the security leader, for its owner or a reviewer of the jurisdiction (every
    reviewer view is logged)."""
    try:
        document, by_reviewer = selectors.leader_document_for_viewer(request.user, document_id)
    except LeaderDocument.DoesNotExist as missing:
        raise Http404 from missing
    if by_reviewer:
        audit.record(actor=request.user, action=AuditAction.DOCUMENT_VIEWED, target=document,
                     details={"application": document.application_id, "kind": document.kind})
    return image_response(document)
