import pytest

from tests.staff.conftest import make_user, sign_in_verified


@pytest.fixture
def supervisor(reference_data):
    """A supervisor of the Beijing corps: Chaoyang (110105) and Haidian (110108) are below."""
    return make_user("supervisor", "110000")


@pytest.fixture
def reviewer(reference_data):
    return make_user("reviewer", "110105")


@pytest.fixture
def other_reviewer(reference_data):
    return make_user("reviewer", "330106")


@pytest.fixture
def signed_in(client):
    return lambda user: sign_in_verified(client, user)


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation

    with translation.override("en"):
        yield
