"""What a website application puts in the review queue's row: the interactive answer, for the filter."""

import pytest

from beian.review.services import item_for
from tests.filings import helpers

pytestmark = pytest.mark.django_db


def test_an_interactive_application_is_marked_interactive_in_the_queue(reference_data):
    sponsor = helpers.approved_sponsor()
    interactive = helpers.submitted_application(sponsor, interactive=True, interactive_services=["comments"])
    plain = helpers.submitted_application(sponsor)
    assert item_for(interactive).interactive is True
    assert item_for(plain).interactive is False
