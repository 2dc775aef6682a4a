import pytest
from django.core.cache import cache

from tests.cancellations import helpers


@pytest.fixture(autouse=True)
def _probe_settings(settings):
    """Short probe timeouts; nothing is looked up in DNS unless a test maps it."""
    settings.CANCELLATION_PROBE_TIMEOUT_SECONDS = 0.5
    settings.CANCELLATION_PROBE_RESOLVE = {}


@pytest.fixture
def clean_limits(db):
    cache.clear()  # SMS code and probe rate limits
    yield
    cache.clear()


@pytest.fixture
def website(reference_data, settings, clean_limits):
    """A filed website whose domains refuse connections (closed)."""
    filed = helpers.filed_website()
    helpers.close(settings, filed)
    return filed
