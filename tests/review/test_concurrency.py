"""Two reviewers press "take" on the same item at the same moment: exactly one gets it."""

import threading

import pytest
from django.db import connection

from beian.review import services

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_reviewers_taking_the_same_item_at_once(submit, staff, reference_data):
    first, second = staff("reviewer", "330106"), staff("reviewer", "330106")
    item = submit()
    barrier = threading.Barrier(2)
    outcomes = {}

    def take(reviewer):
        try:
            barrier.wait()
            services.assign(actor=reviewer, item_id=item.pk)
            outcomes[reviewer.pk] = "taken"
        except services.ReviewActionRefused as refused:
            outcomes[reviewer.pk] = str(refused)
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(reviewer,)) for reviewer in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert list(outcomes.values()).count("taken") == 1, outcomes
    refused = next(text for text in outcomes.values() if text != "taken")
    assert "正在审核" in refused  # the loser is told who has it (in the default language)
    item.refresh_from_db()
    assert item.assignee_id in (first.pk, second.pk)
    assert item.events.filter(action="assigned").count() == 1
