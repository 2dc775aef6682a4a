import pytest

from tests.filings import helpers as filing_helpers
from tests.inspections import helpers


@pytest.fixture
def sponsor(reference_data):
    return filing_helpers.approved_sponsor()


@pytest.fixture
def application(sponsor):
    return helpers.interactive_application(sponsor)
