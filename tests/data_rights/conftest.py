import pytest
from django.core.cache import cache

from tests.data_rights.helpers import clock  # noqa: F401 - fixture


@pytest.fixture(autouse=True)
def _fresh_cache(db):
    """Sign-in limits live in the cache, which outlives a test's transaction."""
    cache.clear()
