"""What a website application puts in the review queue's row: the interactive answer, for the filter."""

from importlib import import_module

import pytest
from django.apps import apps

from beian.review.models import ReviewItem
from beian.review.services import item_for
from tests.filings import helpers

pytestmark = pytest.mark.django_db


def test_an_interactive_application_is_marked_interactive_in_the_queue(reference_data):
    sponsor = helpers.approved_sponsor()
    interactive = helpers.submitted_application(sponsor, interactive=True, interactive_services=["comments"])
    plain = helpers.submitted_application(sponsor)
    assert item_for(interactive).interactive is True
    assert item_for(plain).interactive is False


def test_the_data_migration_marks_the_items_opened_before_the_column(reference_data):
    migration = import_module("beian.filings.migrations.0007_review_items_interactive")
    sponsor = helpers.approved_sponsor()
    interactive = helpers.submitted_application(sponsor, interactive=True, interactive_services=["comments"])
    plain = helpers.submitted_application(sponsor)
    ReviewItem.objects.update(interactive=False)  # as before the column existed
    migration.copy_interactive(apps, None)
    assert item_for(interactive).interactive is True
    assert item_for(plain).interactive is False
