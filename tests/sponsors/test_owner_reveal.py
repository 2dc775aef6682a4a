"""The owner's own certificate numbers: masked on every page and in the edit form (SPEC §8); shown
in full only after the password is typed again, for a few minutes, and audited."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from beian.accounts import reauth, signin
from beian.core import pii
from beian.core.models import AuditEntry
from beian.sponsors import services
from beian.sponsors.models import SponsorEntity, SponsorIdentityChange
from tests.factories import PASSWORD, make_applicant, make_reviewer
from tests.sponsors.helpers import (
    ENTERPRISE_USCC,
    OTHER_USCC,
    PERSON_ID,
    enterprise_post,
    enterprise_values,
    ready_entity,
)

pytestmark = pytest.mark.django_db
ENTITY = reverse("sponsors:entity")
EDIT = reverse("sponsors:edit")


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def owner(client, reference_data):
    entity = ready_entity()
    client.force_login(entity.owner)
    return entity.owner


def reveal(client, which="sponsor", password=PASSWORD):
    return client.post(reverse("sponsors:owner_reveal", args=[which]), {"password": password})


def assert_no_full_number(body: str) -> None:
    assert ENTERPRISE_USCC not in body and PERSON_ID not in body


def test_every_page_of_the_owner_is_masked_by_default(client, owner):
    entity = SponsorEntity.objects.get(owner=owner)
    pages = [ENTITY, EDIT, reverse("sponsors:documents"),
             reverse("sponsors:owner_reveal", args=["sponsor"]),
             reverse("sponsors:owner_reveal", args=["person"])]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_full_number(response.content.decode())
    page = client.get(ENTITY).content.decode()
    assert entity.masked_certificate_number in page and entity.masked_person_certificate_number in page
    assert reverse("sponsors:owner_reveal", args=["sponsor"]) in page
    # A submission blocked by the rules shows the form again: still without the numbers.
    SponsorEntity.objects.filter(pk=entity.pk).update(office_phone="010-88888888")
    blocked = client.post(reverse("sponsors:submit"))
    assert blocked.status_code == 400
    assert_no_full_number(blocked.content.decode())
    assert not AuditEntry.objects.filter(action="pii_viewed").exists()


def test_the_right_password_shows_the_number_for_a_few_minutes_and_is_audited(client, owner, settings):
    response = reveal(client, "person")
    assert response.status_code == 302 and response.url.endswith("#certificate-person")
    response = client.get(ENTITY)
    page = response.content.decode()
    assert PERSON_ID in page and ENTERPRISE_USCC not in page  # only the number asked for
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(action="pii_viewed")
    assert entry.actor == owner and entry.details == {"field": "person", "by": "owner"}
    assert entry.object_id == str(SponsorEntity.objects.get(owner=owner).pk)
    # After the window the number is masked again.
    session = client.session
    grants = session[reauth.SESSION_KEY]
    session[reauth.SESSION_KEY] = {key: value - settings.OWNER_REVEAL_MINUTES * 60 - 1
                                   for key, value in grants.items()}
    session.save()
    assert_no_full_number(client.get(ENTITY).content.decode())


def test_the_window_ends_by_itself(rf, owner):
    request = rf.get("/")
    request.session = {}
    now = datetime.datetime(2026, 5, 1, 9, 0, tzinfo=datetime.UTC)
    until = reauth.grant(request, "sponsor:1:sponsor", now=now)
    assert reauth.granted_until(request, "sponsor:1:sponsor", now=now) == until
    assert reauth.granted_until(request, "sponsor:1:person", now=now) is None
    assert reauth.granted_until(request, "sponsor:1:sponsor", now=until) is None


def test_a_wrong_password_is_refused_counted_and_locks(client, owner, settings):
    settings.SIGN_IN_MAX_FAILURES = 3
    response = reveal(client, password="wrong-password")
    assert response.status_code == 400
    body = response.content.decode()
    assert "密码不正确" in body
    assert_no_full_number(body)
    assert AuditEntry.objects.filter(action="reauth_failed", actor=owner).count() == 1
    assert reveal(client, password="wrong-again").status_code == 400
    locked = reveal(client, password="wrong-thrice")
    assert locked.status_code == 429 and AuditEntry.objects.filter(action="locked_out").exists()
    # Locked: even the right password is refused now, and nothing is shown.
    assert reveal(client).status_code == 429
    assert_no_full_number(client.get(ENTITY).content.decode())
    assert not AuditEntry.objects.filter(action="pii_viewed").exists()
    # The sign-in of the account is not locked by it (a lock of its own).
    assert signin.account_lock().locked_for(f"user:{owner.pk}") == 0


def test_an_empty_password_is_a_clear_error(client, owner):
    response = reveal(client, password="")
    assert response.status_code == 400 and "error-summary" in response.content.decode()
    bare = client.post(reverse("sponsors:owner_reveal", args=["sponsor"]))  # no field at all
    assert bare.status_code == 400 and "error-summary" in bare.content.decode()


def test_another_applicant_cannot_reveal(client, owner):
    stranger = make_applicant()
    client.force_login(stranger)
    assert reveal(client).status_code == 404  # no entity of their own, and none of the owner
    assert client.get(reverse("sponsors:owner_reveal", args=["sponsor"])).status_code == 404
    other = ready_entity(certificate_number=OTHER_USCC)
    client.force_login(other.owner)
    assert reveal(client).status_code == 302
    page = client.get(ENTITY).content.decode()
    assert OTHER_USCC in page and ENTERPRISE_USCC not in page and PERSON_ID not in page


def test_unknown_numbers_and_staff_are_refused(client, owner, reviewer, signed_in):
    assert reveal(client, "passport").status_code == 404
    individual = make_applicant()
    services.save_sponsor_entity(actor=individual, values=enterprise_values(
        sponsor_type=enterprise_values()["sponsor_type"].__class__.objects.get(code="individual"),
        name="李娜", certificate_type=enterprise_values()["person_certificate_type"],
        certificate_number=PERSON_ID))
    client.force_login(individual)
    assert reveal(client, "person").status_code == 404  # an individual has one number only
    signed_in(reviewer)
    assert reveal(client).status_code == 403


def test_the_edit_form_keeps_the_stored_numbers_when_left_empty(client, owner):
    page = client.get(EDIT).content.decode()
    assert pii.mask(ENTERPRISE_USCC) in page and pii.mask(PERSON_ID) in page
    response = client.post(EDIT, enterprise_post(certificate_number="", person_certificate_number="",
                                                  address="建国路 99 号"))
    assert response.status_code == 302
    entity = SponsorEntity.objects.get(owner=owner)
    assert entity.address == "建国路 99 号"
    assert entity.certificate_number == ENTERPRISE_USCC and entity.person_certificate_number == PERSON_ID


def test_a_new_number_replaces_the_stored_one_and_is_checked(client, owner):
    wrong = client.post(EDIT, enterprise_post(certificate_number="91110105MA01ABCD00"))
    assert wrong.status_code == 400
    assert SponsorEntity.objects.get(owner=owner).certificate_number == ENTERPRISE_USCC
    assert client.post(EDIT, enterprise_post(certificate_number=OTHER_USCC)).status_code == 302
    assert SponsorEntity.objects.get(owner=owner).certificate_number == OTHER_USCC


def test_a_new_certificate_type_needs_its_number(client, owner):
    response = client.post(EDIT, enterprise_post(person_certificate_type="passport",
                                                  person_certificate_number=""))
    assert response.status_code == 400
    assert "证件类型已更改" in response.content.decode()
    assert SponsorEntity.objects.get(owner=owner).person_certificate_number == PERSON_ID


def test_a_new_entity_still_needs_its_numbers(client, reference_data):
    client.force_login(make_applicant())
    response = client.post(EDIT, enterprise_post(certificate_number=""))
    assert response.status_code == 400 and not SponsorEntity.objects.exists()


def test_a_change_under_review_keeps_its_number_out_of_the_locked_form(client, reference_data):
    entity = ready_entity()
    services.submit_sponsor_entity(actor=entity.owner)
    services.approve_sponsor_entity(actor=make_reviewer(), entity=entity)
    services.save_sponsor_entity(actor=entity.owner, values=enterprise_values(certificate_number=OTHER_USCC))
    services.submit_sponsor_entity(actor=entity.owner)  # the new certificate is under review
    client.force_login(entity.owner)
    page = client.get(EDIT).content.decode()
    for number in (ENTERPRISE_USCC, OTHER_USCC, PERSON_ID):
        assert number not in page
    assert pii.mask(OTHER_USCC) in page
    response = client.post(EDIT, enterprise_post(certificate_number="", person_certificate_number="",
                                                  address="建国路 100 号"))
    assert response.status_code == 302
    entity.refresh_from_db()
    change = SponsorIdentityChange.objects.get(entity=entity)
    assert entity.address == "建国路 100 号" and entity.certificate_number == ENTERPRISE_USCC
    assert change.certificate_number == OTHER_USCC and entity.person_certificate_number == PERSON_ID
