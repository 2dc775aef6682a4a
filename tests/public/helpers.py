"""Filed websites for the public-side tests, made through the real services (approval, change,
cancellation) so that the post_save hooks run as in production."""

from django.db import transaction
from django.utils import timezone

from beian.core.models import CertificateType, SponsorType
from beian.filings import services
from beian.filings.models import Website
from beian.sponsors import services as sponsor_services
from tests.factories import make_applicant, make_reviewer
from tests.filings import helpers
from tests.sponsors.helpers import INDIVIDUAL_ID, ready_entity

PERSON_NAME = "李娜"


def file_website(sponsor=None, **basic) -> Website:
    sponsor = sponsor or helpers.approved_sponsor()
    application = helpers.submitted_application(sponsor, **basic)
    return services.approve_application(actor=make_reviewer(), application=application)


def individual_sponsor():
    entity = ready_entity(
        make_applicant(), sponsor_type=SponsorType.objects.get(code="individual"), name=PERSON_NAME,
        certificate_type=CertificateType.objects.get(code="resident_id"), certificate_number=INDIVIDUAL_ID,
        investor="", person_name=PERSON_NAME, person_certificate_number=INDIVIDUAL_ID)
    sponsor_services.submit_sponsor_entity(actor=entity.owner)
    entity.refresh_from_db()
    sponsor_services.approve_sponsor_entity(actor=make_reviewer(), entity=entity)
    entity.refresh_from_db()
    return entity


def rename(website: Website, name: str) -> Website:
    """What an approved change does to the record, inside a service-like transaction."""
    with transaction.atomic():
        website = Website.objects.select_for_update().get(pk=website.pk)
        website.name = name
        website.save()
    return website


def cancel(website: Website) -> Website:
    with transaction.atomic():
        website = Website.objects.select_for_update().get(pk=website.pk)
        website.cancel()
        website.cancelled_at = timezone.now()
        website.save()
    return website
