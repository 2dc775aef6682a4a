import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from beian.accounts.demo import DEMO_PASSWORD, create_demo_accounts
from beian.accounts.models import User
from tests.accounts.helpers import PASSED

pytestmark = pytest.mark.django_db


def test_demo_accounts_are_created_once(reference_data):
    first = create_demo_accounts()
    second = create_demo_accounts()
    assert first == second
    assert User.objects.filter(username__startswith="demo_").count() == 6
    reviewer = User.objects.get(username="demo_reviewer")
    assert reviewer.agency.code == "330106" and reviewer.is_police
    assert User.objects.get(username="demo_supervisor").agency.code == "330100"
    assert TOTPDevice.objects.filter(user__username__in=["demo_reviewer", "demo_supervisor",
                                                         "demo_admin"]).count() == 3
    assert all(login.totp_secret for login in first if login.username != "demo_applicant")
    applicant = User.objects.get(username="demo_applicant")
    assert applicant.is_active and applicant.mobile_verified_at is not None


def test_the_demo_agencies_have_contact_details_that_pass_the_rules_and_edits_are_kept(reference_data):
    from beian.core.models import Agency
    from beian.rules import check_office_phone

    create_demo_accounts()
    for code in ("330106", "330100", "330000"):
        agency = Agency.objects.get(code=code)
        assert agency.telephone and agency.address and agency.office_hours
        assert check_office_phone(agency.telephone, path="telephone") == []
    Agency.objects.filter(code="330106").update(telephone="0571-86089999")
    create_demo_accounts()
    assert Agency.objects.get(code="330106").telephone == "0571-86089999"


def test_the_demo_applicant_can_sign_in_and_out(client, reference_data):
    create_demo_accounts()
    response = client.post("/accounts/login/", {"username": "demo_applicant", "password": DEMO_PASSWORD,
                                                **PASSED})
    assert response.status_code == 302
    assert "demo_applicant" in client.get("/").content.decode()
    client.post("/accounts/logout/")
    assert "demo_applicant" not in client.get("/").content.decode()


def test_a_wrong_password_comes_back_with_a_clear_error_and_the_username_kept(client, reference_data):
    create_demo_accounts()
    response = client.post("/accounts/login/", {"username": "demo_applicant", "password": "nope", **PASSED},
                           HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "not correct" in page
    assert 'value="demo_applicant"' in page


def test_police_accounts_must_belong_to_an_agency():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("lonely_reviewer", password="x", role=User.Role.REVIEWER)
