"""Reads of website filings, always within the reader's scope: an applicant reads only their own
applications and websites (anything else is DoesNotExist → 404); the public reads filed records."""

from django.db.models import QuerySet

from beian.filings.models import Website, WebsiteApplication
from beian.review.services import item_for


def applications_of(user) -> QuerySet[WebsiteApplication]:
    if not getattr(user, "is_authenticated", False):
        return WebsiteApplication.objects.none()
    return WebsiteApplication.objects.filter(owner=user).select_related("sponsor", "agency")


def application_of(user, application_id: int) -> WebsiteApplication:
    return applications_of(user).get(pk=application_id)


def open_applications_of(user) -> QuerySet[WebsiteApplication]:
    """Drafts, returned applications and those waiting for the police: the "under review" list."""
    Status = WebsiteApplication.Status
    return applications_of(user).filter(status__in=[Status.DRAFT, Status.RETURNED,
                                                    *WebsiteApplication.UNDER_REVIEW])


def websites_of(user) -> QuerySet[Website]:
    if not getattr(user, "is_authenticated", False):
        return Website.objects.none()
    return Website.objects.filter(sponsor__owner=user).select_related("agency")


def website_of(user, website_id: int) -> Website:
    return websites_of(user).get(pk=website_id)


def public_record(digits: str) -> Website | None:
    """The public record page (SPEC §6): anyone may read a filed or cancelled record."""
    return (Website.objects.select_related("agency", "sponsor__sponsor_type")
            .filter(record_number=digits).first())


def review_item_of(application: WebsiteApplication):
    return item_for(application)


def leader_document_for_viewer(user, document_id: int):
    """(document, seen by a reviewer) for the owner, or a reviewer of the filing agency's jurisdiction."""
    from beian.accounts.models import User
    from beian.filings.models import LeaderDocument
    from beian.staff.jurisdiction import agencies_in_scope

    documents = LeaderDocument.objects.select_related("application")
    if getattr(user, "role", None) in User.POLICE_ROLES:
        return documents.get(pk=document_id, application__agency__in=agencies_in_scope(user)), True
    return documents.get(pk=document_id, application__owner=user), False
