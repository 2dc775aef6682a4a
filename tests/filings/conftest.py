import pytest

from tests.filings import helpers


@pytest.fixture
def sponsor(reference_data):
    return helpers.approved_sponsor()


@pytest.fixture
def chaoyang_reviewer(reference_data):
    return helpers.reviewer("110105")
