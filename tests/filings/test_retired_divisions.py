"""A county retired by a newer official list (ADR 0091): its records keep their division and agency
and still show them; the address cascade no longer offers it, and no new filing goes to it."""

from dataclasses import replace

import pytest
from django.urls import reverse
from django.utils import translation

from beian.accounts.jurisdiction import agencies_in_scope
from beian.core.models import Agency, Division
from beian.core.reference.current_list import shipped_list
from beian.core.reference.loader import update_divisions
from beian.filings import services
from beian.sponsors import services as sponsor_services
from beian.sponsors.divisions import counties, filing_agency_for
from tests.factories import make_applicant, make_reviewer, make_staff, sign_in_verified
from tests.filings import helpers
from tests.public.helpers import file_website
from tests.sponsors.helpers import CHAOYANG, enterprise_post, ready_entity

pytestmark = pytest.mark.django_db


@pytest.fixture
def before_the_retirement(reference_data):
    """What was filed in Beijing Chaoyang while it was in force: a filed website (its sponsor
    approved) and another sponsor entity still under review."""
    website = file_website()
    waiting = ready_entity()
    item = sponsor_services.submit_sponsor_entity(actor=waiting.owner)
    return website, waiting, item


def _retire_chaoyang():
    names = {code: name for code, name in shipped_list().names.items() if code != CHAOYANG}
    changes = update_divisions(replace(shipped_list(), names=names))
    assert [row.code for row in changes.retired] == [CHAOYANG]


def test_old_records_of_a_retired_county_keep_and_show_their_division_and_agency(
        client, before_the_retirement):
    website, waiting, item = before_the_retirement
    agency = website.agency
    _retire_chaoyang()

    agency.refresh_from_db()
    assert (agency.code, agency.active) == (CHAOYANG, False)
    assert not Division.objects.get(code=CHAOYANG).active
    website.refresh_from_db()
    assert website.agency_id == agency.pk and website.sponsor.agency_id == agency.pk
    # The public record page and its JSON.
    page = client.get(reverse("records:record", args=[website.record_number])).content.decode()
    assert "北京市朝阳区公安分局网安大队" in page
    data = client.get(f"/api/v1/records/{website.record_number}").json()
    assert data["filing_agency"]["code"] == CHAOYANG
    # The applicant's sponsor page.
    client.force_login(website.sponsor.owner)
    page = client.get(reverse("sponsors:entity")).content.decode()
    assert "北京市朝阳区建国路 88 号" in page
    # The workbench: the county's reviewer still sees the entity under review, with its address;
    # the city's supervisor still has the retired brigade under it.
    sign_in_verified(client, make_reviewer(CHAOYANG))
    page = client.get(reverse("review:detail", args=[item.pk])).content.decode()
    assert waiting.name in page and "北京市朝阳区建国路 88 号" in page
    assert agencies_in_scope(make_staff("supervisor", "110000")).filter(pk=agency.pk).exists()


def test_a_retired_county_is_no_longer_offered_nor_filed_with(client, before_the_retirement):
    website, waiting, _item = before_the_retirement
    draft = ready_entity()
    _retire_chaoyang()

    offered = [division.code for division in counties("110100")]
    assert CHAOYANG not in offered and "110108" in offered
    applicant = make_applicant()
    client.force_login(applicant)
    response = client.post(reverse("sponsors:edit"), enterprise_post())
    assert "division" in response.context["form"].errors
    # A draft saved while it was in force must choose the current county before it is submitted.
    with pytest.raises(sponsor_services.SponsorActionRefused, match="北京市朝阳区"):
        sponsor_services.submit_sponsor_entity(actor=draft.owner)
    # An approved sponsor there cannot file a new website until its address is current again.
    with pytest.raises(services.FilingActionRefused, match="北京市朝阳区公安分局网安大队"):
        services.start_application(actor=website.sponsor.owner)
    assert filing_agency_for(Division.objects.get(code="110108")) == Agency.objects.get(code="110108")


def test_a_draft_of_a_retired_county_cannot_be_submitted(before_the_retirement):
    website, _waiting, _item = before_the_retirement
    draft = helpers.complete_application(website.sponsor)
    _retire_chaoyang()
    with translation.override("en"), pytest.raises(services.FilingActionRefused,
                                                   match="no longer in force"):
        services.submit_application(actor=draft.owner, application=draft)
