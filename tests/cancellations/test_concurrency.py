"""Two submissions for the same website at the same moment: exactly one open request (PostgreSQL)."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from beian.cancellations import services
from beian.cancellations.models import CancellationApplication
from tests.cancellations import helpers


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_make_one_open_request(reference_data, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…)")
    website = helpers.filed_website()
    owner = website.sponsor.owner
    start = threading.Barrier(4)
    created, refused, failures = [], [], []

    def submit():
        from django.db import connection as own_connection

        try:
            start.wait(timeout=30)
            # The step after the probe and the code: the part that must hold under concurrency.
            created.append(services._create(actor=owner, website=website, reason="", results=[],
                                            probed_at=timezone.now(), client_address=None,
                                            now=timezone.now()))
        except services.CancellationRefused as refusal:
            refused.append(refusal.message)
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(repr(error))
        finally:
            own_connection.close()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    assert len(created) == 1 and len(refused) == 3
    assert CancellationApplication.objects.filter(status__in=CancellationApplication.OPEN).count() == 1
