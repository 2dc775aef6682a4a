"""Pre-approval scans and security protection schemes, for the applicant who uploaded them and the
reviewers of the filing agency's jurisdiction (a reviewer's every view is in the audit log)."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from beian.core import audit
from beian.filings import selectors
from beian.filings.models import ApplicationPreApproval, WebsiteApplication
from beian.filings.uploads import extension_of


def _file_response(field_file, content_type: str, name: str) -> HttpResponse:
    with field_file.open("rb") as stored:
        response = HttpResponse(stored.read(), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    # A PDF is never shown inside the platform's pages: it is downloaded.
    disposition = "attachment" if content_type == "application/pdf" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}.{extension_of(content_type)}"'
    return response


@require_GET
def pre_approval_scan_view(request, declaration_id: int):
    try:
        declared, by_reviewer = selectors.pre_approval_for_viewer(request.user, declaration_id)
    except ApplicationPreApproval.DoesNotExist as missing:
        raise Http404 from missing
    if not declared.scan:
        raise Http404
    if by_reviewer:
        audit.record(actor=request.user, action="document_viewed", target=declared,
                     details={"application": declared.application_id, "kind": "pre_approval_scan"})
    return _file_response(declared.scan, declared.scan_content_type or "image/jpeg", "pre-approval")


@require_GET
def security_scheme_view(request, application_id: int):
    try:
        application, by_reviewer = selectors.application_for_viewer(request.user, application_id)
    except WebsiteApplication.DoesNotExist as missing:
        raise Http404 from missing
    if not application.security_scheme:
        raise Http404
    if by_reviewer:
        audit.record(actor=request.user, action="document_viewed", target=application,
                     details={"kind": "security_scheme"})
    return _file_response(application.security_scheme, application.security_scheme_type or "application/pdf",
                          "security-scheme")
