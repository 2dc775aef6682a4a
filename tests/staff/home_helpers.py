"""Work for the staff home tests: open items in an agency's queue, a face review booked for today."""

import datetime

from django.utils import timezone

from beian.core.models import Agency
from beian.inspections.models import Slot
from beian.review import services as review_services
from beian.review.models import Kind, ReviewItem
from tests.filings import helpers as filing_helpers
from tests.inspections import helpers as inspection_helpers


def open_item(agency_code, title, *, days_ago=0, assignee=None) -> ReviewItem:
    """An open item (the subject is any unused agency row: the queue only keeps a reference)."""
    subject = Agency.objects.exclude(pk__in=ReviewItem.objects.values("subject_id")).first()
    item = review_services.open_item(
        kind=Kind.SPONSOR_ENTITY, subject=subject, agency=Agency.objects.get(code=agency_code),
        status="submitted", listing=review_services.Listing(title=title, sponsor_name=title),
        actor=None, now=timezone.now() - datetime.timedelta(days=days_ago))
    if assignee is not None:
        review_services.assign(actor=assignee, item_id=item.pk)
    return item


def booked_today(reviewer):
    """A face review booked with `reviewer` (agency 110105), moved to 15:00 today."""
    application = inspection_helpers.interactive_application(filing_helpers.approved_sponsor())
    appointment = inspection_helpers.booked(application, reviewer)
    today_at_three = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(15)))
    Slot.objects.filter(appointment=appointment, chosen=True).update(
        starts_at=today_at_three, ends_at=today_at_three + datetime.timedelta(hours=1))
    return appointment
