import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _own_cache(settings):
    """A process-local cache per test: cached records and rate-limit counters never leak between
    tests (the database cache of the default settings behaves the same through Django's API)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                                   "LOCATION": "tests-public"}}
    cache.clear()
    yield
    cache.clear()
