"""Two reviewers deciding the same entity at once: exactly one decision wins, the other is told
clearly (needs PostgreSQL's row locks across two connections; SQLite serialises whole writes)."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import translation

from beian.review.services import ReviewActionRefused
from beian.sponsors import services
from beian.sponsors.models import SponsorEntity
from tests.factories import make_reviewer
from tests.sponsors.helpers import make_reasons, ready_entity, reason_dicts


def _waiting_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        # pg_locks, not pg_stat_activity: the statistics views keep one snapshot per transaction.
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0] > 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_decide_at_once_and_exactly_one_wins(reference_data):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")
    entity = ready_entity()
    services.submit_sponsor_entity(actor=entity.owner)
    first, second = make_reviewer(), make_reviewer()
    reasons = reason_dicts(make_reasons()[:1])
    outcome = {}

    def second_reviewer_returns():
        try:
            with translation.override("en"):
                services.return_sponsor_entity(actor=second, entity=entity, reasons=reasons, note="")
            outcome["second"] = "returned"
        except ReviewActionRefused as refused:
            outcome["second"] = str(refused)
        finally:
            from django.db import connection as own_connection

            own_connection.close()

    with transaction.atomic():
        services.approve_sponsor_entity(actor=first, entity=entity)  # holds the row lock until commit
        other = threading.Thread(target=second_reviewer_returns)
        other.start()
        for _attempt in range(500):  # until the second connection is really blocked on the lock
            if _waiting_for_a_lock():
                break
            time.sleep(0.01)
        else:
            pytest.fail("the second decision never waited for the first one's lock")
    other.join(timeout=30)
    assert not other.is_alive()
    assert SponsorEntity.objects.get(pk=entity.pk).status == "approved"
    assert "decided a moment ago by someone else" in outcome["second"]
