"""Reads of website filings, always within the reader's scope: an applicant reads only their own
applications and websites (anything else is DoesNotExist → 404). Public reads: beian.public.selectors."""

from django.db.models import QuerySet

from beian.accounts.jurisdiction import agencies_in_scope
from beian.accounts.models import User
from beian.filings.models import ApplicationPreApproval, LeaderDocument, Website, WebsiteApplication
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


def review_item_of(application: WebsiteApplication):
    return item_for(application)


def _for_viewer(user, queryset, pk: int, path: str):
    """(row, seen by a reviewer): the owner's own, or in a reviewer's jurisdiction; DoesNotExist else."""
    if getattr(user, "role", None) in User.POLICE_ROLES:
        return queryset.get(pk=pk, **{f"{path}agency__in": agencies_in_scope(user)}), True
    if getattr(user, "role", None) == User.Role.APPLICANT:
        return queryset.get(pk=pk, **{f"{path}owner": user}), False
    raise queryset.model.DoesNotExist


def leader_document_for_viewer(user, document_id: int):
    return _for_viewer(user, LeaderDocument.objects.select_related("application"), document_id,
                       "application__")


def pre_approval_for_viewer(user, declaration_id: int):
    return _for_viewer(user, ApplicationPreApproval.objects.select_related("application"), declaration_id,
                       "application__")


def application_for_viewer(user, application_id: int):
    return _for_viewer(user, WebsiteApplication.objects.all(), application_id, "")
