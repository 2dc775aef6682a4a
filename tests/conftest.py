"""Shared test set-up: reference data in every test database, plain static storage."""

import pytest
from django.test.utils import override_settings

from beian.core.models import Division
from beian.core.reference.loader import load_reference_data


@pytest.fixture(scope="session", autouse=True)
def _test_settings(tmp_path_factory):
    """Plain static files (the hashed manifest needs collectstatic), uploads in memory, tasks run
    at once after commit, and files the platform writes (SMS log, e-mails) in a temporary folder."""
    scratch = tmp_path_factory.mktemp("var")
    with override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        SCRATCH_DIR=scratch,
    ):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def reference_data(db):
    """Reference data, reloaded when a transactional test (live server) has flushed it."""
    if not Division.objects.exists():
        load_reference_data()
