"""Pre-approval scans and security protection schemes, for the applicant who uploaded them and the
reviewers of the filing agency's jurisdiction (a reviewer's every view is in the audit log)."""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from beian.core import audit
from beian.core.audit_actions import AuditAction
from beian.filings import selectors
from beian.filings.uploads import PDF, extension_of


def _file_response(field_file, content_type: str, name: str) -> HttpResponse:
    with field_file.open("rb") as stored:
        response = HttpResponse(stored.read(), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    # A PDF is never shown inside the platform's pages: it is downloaded.
    disposition = "attachment" if content_type == PDF else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}.{extension_of(content_type)}"'
    return response


def _attachment(request, find, pk: int, *, file_field: str, type_field: str, default_type: str, name: str):
    """The stored file of a row the viewer may see (find(user, pk) -> (row, by a reviewer))."""
    try:
        row, by_reviewer = find(request.user, pk)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing
    stored = getattr(row, file_field)
    if not stored:
        raise Http404
    if by_reviewer:
        audit.record(actor=request.user, action=AuditAction.DOCUMENT_VIEWED, target=row,
                     details={"kind": name})
    return _file_response(stored, getattr(row, type_field) or default_type, name)


@require_GET
def pre_approval_scan_view(request, declaration_id: int):
    return _attachment(request, selectors.pre_approval_for_viewer, declaration_id, file_field="scan",
                       type_field="scan_content_type", default_type="image/jpeg", name="pre-approval")


@require_GET
def security_scheme_view(request, application_id: int):
    return _attachment(request, selectors.application_for_viewer, application_id,
                       file_field="security_scheme", type_field="security_scheme_type", default_type=PDF,
                       name="security-scheme")
