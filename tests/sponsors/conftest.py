import pytest

from tests.sponsors.helpers import make_applicant
from tests.staff.conftest import make_user, sign_in_verified


@pytest.fixture
def applicant(reference_data):
    return make_applicant()


@pytest.fixture
def reviewer(reference_data):
    """A reviewer of the Beijing Chaoyang brigade (the agency of the sample address)."""
    return make_user("reviewer", "110105")


@pytest.fixture
def other_reviewer(reference_data):
    """A reviewer of another county (Beijing Haidian)."""
    return make_user("reviewer", "110108")


@pytest.fixture
def signed_in_staff(client):
    return lambda user: sign_in_verified(client, user)
