"""Reads of website cancellations, always within the reader's scope: an applicant reads only their own
requests and websites (anything else is DoesNotExist → 404)."""

from django.db.models import QuerySet

from beian.cancellations.models import CancellationApplication
from beian.filings.models import Website
from beian.filings.selectors import websites_of
from beian.review.services import item_for


def cancellations_of(user) -> QuerySet[CancellationApplication]:
    if not getattr(user, "is_authenticated", False):
        return CancellationApplication.objects.none()
    return CancellationApplication.objects.filter(owner=user).select_related("website", "agency")


def cancellation_of(user, cancellation_id: int) -> CancellationApplication:
    return cancellations_of(user).get(pk=cancellation_id)


def website_for_cancellation(user, website_id: int) -> Website:
    """One of the user's filed websites (any status: the page explains why a cancelled one cannot be)."""
    return websites_of(user).select_related("sponsor").get(pk=website_id)


def cancellable_websites_of(user) -> QuerySet[Website]:
    """The user's filed websites without a cancellation waiting for the police."""
    return (websites_of(user).filter(status=Website.Status.FILED)
            .exclude(cancellations__status__in=CancellationApplication.OPEN))


def open_cancellation_for(website) -> CancellationApplication | None:
    return CancellationApplication.objects.filter(website=website,
                                                  status__in=CancellationApplication.OPEN).first()


def review_item_of(cancellation: CancellationApplication):
    return item_for(cancellation)
