import pytest
from django.test import Client, override_settings
from django.urls import reverse

from beian.accounts.models import User
from beian.core.models import AuditEntry
from tests.accounts.helpers import PASSED, STRONG_PASSWORD
from tests.factories import make_applicant

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


def _sign_in(client, login, password, **extra):
    return client.post(LOGIN, {"username": login, "password": password, **PASSED}, HTTP_ACCEPT_LANGUAGE="en",
                       **extra)


def test_sign_in_with_username_goes_to_the_account_menu(client):
    user = make_applicant()
    response = _sign_in(client, user.username, STRONG_PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:menu")
    assert AuditEntry.objects.filter(action="sign_in", actor=user).exists()


def test_sign_in_with_the_mobile_number(client):
    make_applicant(mobile="13957021846")
    assert _sign_in(client, "139 5702 1846", STRONG_PASSWORD).status_code == 302


def test_sign_in_follows_a_safe_next_only(client):
    user = make_applicant()
    response = client.post(LOGIN, {"username": user.username, "password": STRONG_PASSWORD, "next": "/x/",
                                   **PASSED})
    assert response["Location"] == "/x/"
    client.post(reverse("accounts:logout"))
    response = client.post(LOGIN, {"username": user.username, "password": STRONG_PASSWORD,
                                   "next": "https://evil.example/", **PASSED})
    assert response["Location"] == reverse("accounts:menu")


def test_a_failure_is_audited_and_the_message_is_clear(client):
    user = make_applicant()
    response = _sign_in(client, user.username, "wrong")
    assert "The username or password is not correct" in response.content.decode()
    entry = AuditEntry.objects.get(action="sign_in_failed")
    assert entry.object_id == str(user.pk) and entry.details["reason"] == "credentials"


def test_five_failures_lock_the_account_for_five_minutes_and_the_lock_ends(client, clock):
    user = make_applicant()
    for _ in range(4):
        _sign_in(client, user.username, "wrong")
    response = _sign_in(client, user.username, "wrong")
    assert "locked for 5 more minutes" in response.content.decode()
    assert AuditEntry.objects.filter(action="locked_out", object_id=str(user.pk)).exists()
    # Even the right password is refused now, from another address too.
    other = Client(REMOTE_ADDR="10.1.1.1")
    clock.advance(minutes=2, seconds=30)
    response = _sign_in(other, user.username, STRONG_PASSWORD)
    assert response.status_code == 200 and "locked for 3 more minutes" in response.content.decode()
    clock.advance(minutes=2, seconds=31)
    assert _sign_in(other, user.username, STRONG_PASSWORD).status_code == 302


def test_the_lock_also_holds_per_client_address(client, settings):
    for index in range(settings.SIGN_IN_ADDRESS_MAX_FAILURES):
        _sign_in(client, f"nobody_{index}", "wrong")
    user = make_applicant()
    response = _sign_in(client, user.username, STRONG_PASSWORD)
    assert response.status_code == 200 and "locked" in response.content.decode()
    assert _sign_in(Client(REMOTE_ADDR="10.2.2.2"), user.username, STRONG_PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, settings):
    """The account's count of failures in a row (the address's own count does not reset)."""
    settings.SIGN_IN_ADDRESS_MAX_FAILURES = 100
    user = make_applicant()
    for _ in range(4):
        _sign_in(client, user.username, "wrong")
    assert _sign_in(client, user.username, STRONG_PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(4):
        response = _sign_in(client, user.username, "wrong")
    assert "locked" not in response.content.decode()


def test_a_pending_registration_with_the_right_password_goes_to_the_code_page(client):
    make_applicant("pending_one", is_active=False)
    response = _sign_in(client, "pending_one", STRONG_PASSWORD)
    assert response["Location"] == reverse("accounts:verify_mobile")


def test_a_deactivated_account_cannot_sign_in(client):
    user = make_applicant()
    user.is_active = False
    user.save()
    assert _sign_in(client, user.username, STRONG_PASSWORD).status_code == 200


@override_settings(CAPTCHA_TEST_MODE=False)
def test_a_wrong_captcha_is_refused(client):
    user = make_applicant()
    response = _sign_in(client, user.username, STRONG_PASSWORD)
    assert response.status_code == 200
    assert "The answer to the check is not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(CAPTCHA_TEST_MODE=False)
def test_the_text_question_is_an_alternative_that_keeps_what_was_typed(client):
    from captcha.models import CaptchaStore

    user = make_applicant()
    response = client.post(LOGIN, {"username": user.username, "password": STRONG_PASSWORD,
                                   "captcha_switch": "text"}, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert "What is" in page and f'value="{user.username}"' in page and STRONG_PASSWORD not in page
    assert "There is a problem" not in page
    store = CaptchaStore.objects.filter(challenge__startswith="text:").latest("id")
    response = client.post(LOGIN, {"username": user.username, "password": STRONG_PASSWORD,
                                   "captcha_0": store.hashkey, "captcha_1": store.response,
                                   "captcha_mode": "text"})
    assert response.status_code == 302


def test_the_text_question_reads_in_chinese(client):
    response = client.get(LOGIN + "?check=text", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "等于几" in response.content.decode()


def test_sign_out_is_audited(client):
    user = make_applicant()
    client.force_login(user)
    client.post(reverse("accounts:logout"))
    assert AuditEntry.objects.filter(action="sign_out", actor=user).exists()
    assert "_auth_user_id" not in client.session


def test_idle_applicants_are_signed_out_after_thirty_minutes(client, clock):
    user = make_applicant()
    client.force_login(user)
    assert client.get(reverse("accounts:menu")).status_code == 200
    clock.advance(minutes=29)
    assert client.get(reverse("accounts:menu")).status_code == 200
    clock.advance(minutes=30, seconds=1)
    response = client.get(reverse("accounts:menu"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "signed out after 30 minutes without activity" in page


def test_staying_signed_in_extends_the_session(client, clock):
    user = make_applicant()
    client.force_login(user)
    client.get(reverse("accounts:menu"))
    clock.advance(minutes=28)
    assert client.post(reverse("accounts:extend_session")).status_code == 200
    clock.advance(minutes=28)
    assert client.get(reverse("accounts:menu")).status_code == 200


def test_staff_are_signed_out_after_fifteen_minutes(client, clock, reference_data):
    from beian.accounts.middleware import idle_timeout_minutes

    reviewer = User(role=User.Role.REVIEWER)
    assert idle_timeout_minutes(reviewer) == 15
    assert idle_timeout_minutes(User(role=User.Role.APPLICANT)) == 30


def test_pages_carry_the_timeout_for_the_warning_script(client):
    client.force_login(make_applicant())
    page = client.get(reverse("accounts:menu")).content.decode()
    assert 'data-idle-timeout="1800"' in page and 'role="alertdialog"' in page
    assert "accounts/idle-timeout.js" in page


def test_an_applicant_cannot_reach_the_admin(client):
    client.force_login(make_applicant())
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/login/" in response["Location"]


# ---- password spraying (issue 14, item 2) -----------------------------------------------------------

def test_signing_in_to_ones_own_account_does_not_clear_the_address_count(client, settings):
    """4 guesses at other accounts, a sign-in to one's own, again and again: the address locks."""
    settings.SIGN_IN_ADDRESS_MAX_FAILURES = 10
    own = make_applicant("spray_owner", mobile="13957020001", email="owner@example.cn")
    victims = [make_applicant(f"victim_{index}", mobile=f"139570210{index:02d}", email=f"v{index}@example.cn")
               for index in range(6)]
    guesses = 0
    locked = False
    for round_number in range(6):
        for _ in range(4):
            response = _sign_in(client, victims[round_number].username, f"Guess-{guesses}")
            guesses += 1
            locked = locked or "locked" in response.content.decode()
        response = _sign_in(client, own.username, STRONG_PASSWORD)
        if response.status_code == 302:
            client.post(reverse("accounts:logout"))
        else:
            locked = True
            break
    assert locked and guesses <= 12
    assert AuditEntry.objects.filter(action="locked_out", details__scopes=["address"]).exists()
    # No victim account is locked: the lock is on the address, the owners are not bothered.
    assert _sign_in(Client(REMOTE_ADDR="10.3.3.3"), victims[0].username, STRONG_PASSWORD).status_code == 302


def test_the_address_count_decays_with_time(client, clock, settings):
    settings.SIGN_IN_ADDRESS_MAX_FAILURES = 4
    settings.SIGN_IN_ADDRESS_WINDOW_MINUTES = 10
    user = make_applicant()
    for index in range(3):
        _sign_in(client, f"nobody_{index}", "wrong")
        clock.advance(minutes=4)
    # 3 failures, the first 12 minutes old: 2 in the window, so the 2nd failure from now locks.
    assert "locked" not in _sign_in(client, "someone_1", "wrong").content.decode()
    assert "locked" in _sign_in(client, "someone_2", "wrong").content.decode()
    assert "locked" in _sign_in(client, user.username, STRONG_PASSWORD).content.decode()
    clock.advance(minutes=10, seconds=1)
    assert _sign_in(client, user.username, STRONG_PASSWORD).status_code == 302


# ---- the time of the answer (issue 14, item 4) ------------------------------------------------------

@pytest.fixture
def hash_computations(monkeypatch, settings):
    """The production hasher (argon2), with a count of the hashes it computes: Django's encode (a new
    hash) and verify (a hash compared with a stored one) each compute one."""
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from beian import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    calls = []
    for name in ("encode", "verify"):
        original = getattr(Argon2PasswordHasher, name)

        def counted(self, *args, _original=original, _name=name, **kwargs):
            calls.append(_name)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Argon2PasswordHasher, name, counted)
    return calls


@pytest.mark.parametrize("login", ["wang_applicant", "13957021846", "no_such_user", "13900000000"])
def test_the_password_is_hashed_once_whether_or_not_the_account_exists(client, hash_computations, login):
    make_applicant("wang_applicant", mobile="13957021846")
    hash_computations.clear()
    response = _sign_in(client, login, "Wrong-password-1")
    assert "The username or password is not correct" in response.content.decode()
    assert len(hash_computations) == 1
