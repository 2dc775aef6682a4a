"""Shared test set-up: reference data in every test database, plain static storage, and the accounts
every folder uses (built by tests/factories.py)."""

import pytest
from django.conf import settings
from django.test.utils import override_settings


@pytest.fixture(scope="session", autouse=True)
def _test_settings(tmp_path_factory):
    """Plain static files (the hashed manifest needs collectstatic), uploads in memory, tasks run
    at once after commit, and files the platform writes (SMS log, e-mails) in a temporary folder."""
    if not settings.configured:  # pure-Python tests (tests/rules) may run without Django
        yield
        return
    scratch = tmp_path_factory.mktemp("var")
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        SCRATCH_DIR=scratch,
        SMS_LOG_PATH=scratch / "sms.jsonl",
        AUDIT_HEAD_LOG_PATH=scratch / "audit_heads.jsonl",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        CAPTCHA_TEST_MODE=True,  # the human check accepts "PASSED" (tests/accounts keep one real check)
        # argon2 is slow by design; one registration test checks that production uses it.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from beian.core.reference.loader import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture(autouse=True)
def _fresh_audit_head_log():
    """Exported audit heads name entries of one test's database: the next test starts without them."""
    yield
    if settings.configured and hasattr(settings, "AUDIT_HEAD_LOG_PATH"):
        settings.AUDIT_HEAD_LOG_PATH.unlink(missing_ok=True)


@pytest.fixture
def reference_data(db):
    """Reference data, reloaded when a transactional test (live server) has flushed it."""
    from beian.core.models import Division
    from beian.core.reference.loader import load_reference_data

    if not Division.objects.exists():
        load_reference_data()


@pytest.fixture(autouse=True)
def _postgres_only(request):
    """@pytest.mark.postgres tests need real row locks and concurrent connections."""
    if request.node.get_closest_marker("postgres") and settings.DATABASES["default"]["ENGINE"] != \
            "django.db.backends.postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://…)")


@pytest.fixture(autouse=True)
def _no_language_leaks():
    """Each test starts in the default language (Chinese) whatever the one before activated."""
    if not settings.configured:
        yield
        return
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


# Accounts every folder uses (built by tests/factories.py).


@pytest.fixture
def applicant(reference_data):
    from tests.factories import make_applicant

    return make_applicant()


@pytest.fixture
def reviewer(reference_data):
    """A reviewer of the Beijing Chaoyang brigade (the agency of the sample sponsor's address)."""
    from tests.factories import make_reviewer

    return make_reviewer()


@pytest.fixture
def other_reviewer(reference_data):
    """A reviewer of another county (Beijing Haidian)."""
    from tests.factories import HAIDIAN, make_reviewer

    return make_reviewer(HAIDIAN)


@pytest.fixture
def supervisor(reference_data):
    """A supervisor of the Beijing corps: Chaoyang and Haidian are below."""
    from tests.factories import UserFactory

    return UserFactory(supervisor=True)


@pytest.fixture
def staff(reference_data):
    """staff(role, agency_code=None, **fields) → a new account (TOTP enrolled unless enrolled=False)."""
    from tests.factories import make_staff

    return make_staff


@pytest.fixture
def signed_in(client):
    """signed_in(user) → the test client, signed in with password and second factor."""
    from tests.factories import sign_in_verified

    return lambda user: sign_in_verified(client, user)


@pytest.fixture
def english():
    """The test runs in English (folders whose messages are asserted in English use it for every test)."""
    from django.utils import translation

    with translation.override("en"):
        yield
