import pytest


@pytest.fixture(autouse=True)
def _in_english(english):
    """Service messages are asserted in English; pages choose their language per request."""
