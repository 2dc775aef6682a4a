"""The security leader's ID photos: copied with "same as the person in charge", uploaded otherwise,
required before submission, served only to the owner and reviewers of the jurisdiction (logged)."""

import pytest
from django.urls import reverse

from beian.core.models import AuditEntry
from beian.filings import services
from beian.filings.models import LeaderDocument
from tests.factories import make_applicant, make_reviewer, sign_in_verified
from tests.filings import helpers
from tests.sponsors.helpers import INDIVIDUAL_ID, jpeg, png, upload

pytestmark = pytest.mark.django_db


def leaders_post(version, **extra):
    data = {"version": version, "security_name": "李娜", "security_certificate_type": "resident_id",
            "security_certificate_number": INDIVIDUAL_ID, "security_mobile": "13915827461",
            "security_office_phone": "010-65871235", "security_email": "lina@example.cn",
            "emergency_same_as_person_in_charge": "on", "action": "continue"}
    data.update(extra)
    return data


def test_same_as_person_in_charge_copies_the_id_photos(sponsor):
    application = helpers.complete_application(sponsor)
    assert set(application.leader_documents.values_list("kind", flat=True)) == {"id_front", "id_back"}


def test_an_own_security_leader_uploads_photos_and_they_are_required(client, sponsor):
    application = helpers.complete_application(sponsor)
    client.force_login(sponsor.owner)
    url = reverse("filings:step", args=[application.pk, "leaders"])
    response = client.post(url, leaders_post(application.version))  # the copied photos go
    assert response.status_code == 302
    application.refresh_from_db()
    with pytest.raises(services.SubmissionBlocked) as blocked:
        services.submit_application(actor=sponsor.owner, application=application)
    missing = {entry["field"] for entry in blocked.value.missing}
    assert missing == {"security_photo_id_front", "security_photo_id_back"}
    response = client.post(url, leaders_post(application.version,
                                             security_photo_id_front=upload("a.jpg", jpeg()),
                                             security_photo_id_back=upload("b.png", png(), "image/png")))
    assert response.status_code == 302
    services.submit_application(actor=sponsor.owner, application=application)
    assert application.leaders.get(role="security_leader").name == "李娜"


def test_a_file_that_is_no_image_is_refused_next_to_its_field(client, sponsor):
    application = helpers.complete_application(sponsor)
    client.force_login(sponsor.owner)
    response = client.post(reverse("filings:step", args=[application.pk, "leaders"]),
                           leaders_post(application.version,
                                        security_photo_id_front=upload("x.jpg", b"nope")))
    assert response.status_code == 400
    assert 'id="id_security_photo_id_front"' in response.content.decode()


def test_photos_are_served_to_the_owner_and_reviewers_in_scope_only(client, sponsor, reviewer):
    application = helpers.submitted_application(sponsor)
    photo = application.leader_documents.get(kind="id_front")
    url = reverse("filings:leader_document", args=[photo.pk])
    client.force_login(sponsor.owner)
    response = client.get(url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    client.force_login(make_applicant())
    assert client.get(url).status_code == 404
    sign_in_verified(client, make_reviewer("110108"))
    assert client.get(url).status_code == 404
    sign_in_verified(client, reviewer)
    assert client.get(url).status_code == 200
    entry = AuditEntry.objects.get(action="document_viewed", object_id=str(photo.pk))
    assert entry.actor == reviewer
    assert LeaderDocument.objects.filter(application=application).count() == 2
