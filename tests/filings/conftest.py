import pytest

from tests.filings import helpers


@pytest.fixture
def sponsor(reference_data):
    return helpers.approved_sponsor()
