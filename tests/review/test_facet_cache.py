"""The queue's counts per option come from the cache for a short while (beian.review.facet_cache): a
second page asks the database nothing for them, a saved queue row counts again at once, and 0 seconds
turns the cache off."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from beian.review.facet_cache import cached_facet_counts
from beian.review.selectors import QueueFilter

pytestmark = pytest.mark.django_db


def _counted(reviewer, filters=None):
    with CaptureQueriesContext(connection) as queries:
        counts = cached_facet_counts(reviewer, filters or QueueFilter())
    aggregates = [query for query in queries  # the queue's counts, not the database cache's own culling
                  if "COUNT(" in query["sql"].upper() and "beian_cache" not in query["sql"]]
    return counts, len(aggregates)


def test_a_second_page_takes_the_counts_from_the_cache(submit, staff):
    submit(title="一")
    reviewer = staff("reviewer", "330106")
    first, counted = _counted(reviewer)
    assert counted == 1 and sum(first["status"].values()) == 1
    again, counted = _counted(reviewer)
    assert counted == 0 and again == first
    other_filter, counted = _counted(reviewer, QueueFilter(interactive=True))
    assert counted == 1


def test_a_saved_queue_row_counts_again_at_once(submit, staff):
    submit(title="一")
    reviewer = staff("reviewer", "330106")
    _counted(reviewer)
    submit(title="二")
    counts, counted = _counted(reviewer)
    assert counted == 1 and sum(counts["status"].values()) == 2


def test_zero_seconds_counts_on_every_page(submit, staff, settings):
    settings.REVIEW_FACET_COUNTS_SECONDS = 0
    submit(title="一")
    reviewer = staff("reviewer", "330106")
    assert _counted(reviewer)[1] == 1
    assert _counted(reviewer)[1] == 1
