import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from beian.accounts.models import User, VerificationCode
from beian.core.models import AuditEntry
from tests.accounts.helpers import PASSED, STRONG_PASSWORD
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Ocean-breeze-77"


@pytest.mark.parametrize("password", ["Abcdef1!", "abcdef12!", "ABCDEF12!", "Gqwmzplx7"])
def test_applicant_passwords_of_eight_with_three_classes_pass(password):
    validate_password(password, User(username="someone_else", role=User.Role.APPLICANT))


@pytest.mark.parametrize("password", ["Abc1!", "abcdefgh", "abcd1234", "ABCDEFGH", "12345678!"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password, User(username="someone_else", role=User.Role.APPLICANT))


def test_staff_passwords_need_twelve_characters():
    with translation.override("en"), pytest.raises(ValidationError, match="12 characters"):
        validate_password("Abcdefg1!xy", User(username="officer_x", role=User.Role.REVIEWER))
    validate_password("Abcdefg1!xyz", User(username="officer_x", role=User.Role.REVIEWER))


def test_password_fields_allow_paste(client):
    page = client.get(reverse("accounts:register")).content.decode()
    assert "onpaste" not in page and "paste" not in page.lower()


def test_password_change_is_audited_and_keeps_the_session(client):
    user = make_applicant()
    client.force_login(user)
    response = client.post(reverse("accounts:password_change"), {
        "old_password": STRONG_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert AuditEntry.objects.filter(action="password_changed", actor=user).exists()
    assert client.get(reverse("accounts:menu")).status_code == 200


def test_password_change_needs_the_current_password(client):
    user = make_applicant()
    client.force_login(user)
    response = client.post(reverse("accounts:password_change"), {
        "old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and "There is a problem" in response.content.decode()


def _request_reset(client, login):
    return client.post(reverse("accounts:password_reset"), {"username": login, **PASSED},
                       HTTP_ACCEPT_LANGUAGE="en")


def test_password_reset_by_sms_code(client, sent_codes):
    user = make_applicant(mobile="13957021846")
    response = _request_reset(client, "13957021846")
    assert response["Location"] == reverse("accounts:password_reset_verify")
    assert VerificationCode.objects.filter(phone="13957021846", purpose="password_reset").exists()
    response = client.post(reverse("accounts:password_reset_verify"), {
        "code": sent_codes.last("13957021846"), "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response["Location"] == reverse("accounts:login")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert AuditEntry.objects.filter(action="password_reset", actor=user).exists()


def test_a_reset_code_cannot_be_replayed(client, sent_codes):
    user = make_applicant(mobile="13957021846")
    _request_reset(client, user.username)
    data = {"code": sent_codes.last("13957021846"), "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    client.post(reverse("accounts:password_reset_verify"), data)
    replay = dict(data, password1="Another-pass-99", password2="Another-pass-99")
    response = client.post(reverse("accounts:password_reset_verify"), replay)
    assert response["Location"] == reverse("accounts:password_reset")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_an_unknown_account_gets_the_same_page_and_no_code(client, sent_codes):
    response = _request_reset(client, "nobody_here")
    assert response["Location"] == reverse("accounts:password_reset_verify")
    assert sent_codes.sent == []
    response = client.post(reverse("accounts:password_reset_verify"), {
        "code": "123456", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, HTTP_ACCEPT_LANGUAGE="en")
    assert "The code is not correct" in response.content.decode()


def test_a_reset_lifts_the_sign_in_lock(client, sent_codes):
    user = make_applicant(mobile="13957021846")
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": user.username, "password": "x", **PASSED},
                    REMOTE_ADDR="10.3.3.3")
    _request_reset(client, user.username)
    client.post(reverse("accounts:password_reset_verify"), {
        "code": sent_codes.last("13957021846"), "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    response = client.post(reverse("accounts:login"), {"username": user.username, "password": NEW_PASSWORD,
                                                       **PASSED})
    assert response.status_code == 302
