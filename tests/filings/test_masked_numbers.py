"""Every page of an applicant shows their certificate numbers masked (SPEC §8): the sponsor's, the
person in charge's and the website leaders' — in the wizard, on the filed website, in changes,
cancellations, claims, pushed unregistered websites and system messages; the leaders step does not
put a stored number into its form and keeps it when the field is left empty."""

import pytest
from django.urls import reverse

from beian.filings.models import WebsiteApplication, WebsiteLeader
from beian.notifications.models import SystemMessage
from tests.filings import helpers
from tests.filings.test_leader_documents import leaders_post
from tests.public.helpers import file_website
from tests.sponsors.helpers import ENTERPRISE_USCC, INDIVIDUAL_ID, PERSON_ID, jpeg, upload

pytestmark = pytest.mark.django_db
FULL_NUMBERS = (ENTERPRISE_USCC, PERSON_ID, INDIVIDUAL_ID)


def assert_masked(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for number in FULL_NUMBERS:
            assert number not in body, (url, number)


def test_the_wizard_never_shows_a_full_number_and_keeps_the_stored_one(client, sponsor):
    application = helpers.complete_application(sponsor)
    client.force_login(sponsor.owner)
    step = reverse("filings:step", args=[application.pk, "leaders"])
    photos = {"security_photo_id_front": upload("a.jpg", jpeg()),
              "security_photo_id_back": upload("b.jpg", jpeg())}
    assert client.post(step, leaders_post(application.version, **photos)).status_code == 302
    application.refresh_from_db()
    leader = application.leaders.get(role=WebsiteLeader.Role.SECURITY_LEADER)
    assert leader.certificate_number == INDIVIDUAL_ID
    assert_masked(client, [step, reverse("filings:new"),
                           reverse("filings:step", args=[application.pk, "basic"]),
                           reverse("filings:step", args=[application.pk, "prompt"]),
                           reverse("filings:check", args=[application.pk]),
                           reverse("filings:application", args=[application.pk]),
                           reverse("filings:under_review")])
    assert leader.masked_certificate_number in client.get(step).content.decode()
    # Left empty, the stored number stays; the page shows only its masked form.
    response = client.post(step, leaders_post(application.version, security_certificate_number="",
                                              security_name="李娜娜"))
    assert response.status_code == 302
    leader.refresh_from_db()
    assert leader.name == "李娜娜" and leader.certificate_number == INDIVIDUAL_ID
    # A new number replaces it.
    application.refresh_from_db()
    client.post(step, leaders_post(application.version, security_certificate_number=PERSON_ID))
    leader.refresh_from_db()
    assert leader.certificate_number == PERSON_ID


def test_the_pages_of_a_filed_website_never_show_a_full_number(client, sponsor):
    website = file_website(sponsor)
    client.force_login(sponsor.owner)
    message = SystemMessage.objects.filter(user=sponsor.owner).first()
    assert message is not None
    assert_masked(client, [
        reverse("filings:filed"), reverse("filings:website", args=[website.pk]),
        reverse("filings:changes"),
        reverse("cancellations:list"), reverse("cancellations:new", args=[website.pk]),
        reverse("claims:mine"), reverse("unregistered:mine"), reverse("sponsors:entity"),
        reverse("sponsors:edit"), reverse("notifications:inbox"),
        reverse("notifications:detail", args=[message.pk]), reverse("accounts:menu"),
    ])
    # A change of the filed website: its wizard and its comparison with the filed data.
    response = client.post(reverse("filings:start_change", args=[website.pk]), follow=True)
    assert response.status_code == 200
    change = WebsiteApplication.objects.exclude(pk=website.application_id).get(owner=sponsor.owner)
    assert_masked(client, [reverse("filings:step", args=[change.pk, "leaders"]),
                           reverse("filings:check", args=[change.pk]),
                           reverse("filings:application", args=[change.pk]), reverse("filings:changes")])
