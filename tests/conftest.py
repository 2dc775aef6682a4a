"""Shared test set-up: reference data in every test database, plain static storage."""

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
