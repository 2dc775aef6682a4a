"""The applicant books a time while the reviewer records a result or another tab books another time:
the application row lock lets them through one after the other, and what the second may no longer do
is refused with a message."""

import threading

import pytest
from django.db import connection
from django.utils.translation import gettext

from beian.inspections import services
from beian.inspections.models import Appointment
from tests.inspections import helpers

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(*actions) -> list[str]:
    barrier = threading.Barrier(len(actions))
    outcomes = []

    def run(action):
        try:
            barrier.wait()
            action()
            outcomes.append("done")
        except services.InspectionRefused as refused:
            outcomes.append(str(refused))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_tabs_booking_two_times_at_once(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    first, second = appointment.current_slots
    owner = application.owner
    outcomes = _race(
        lambda: services.pick_slot(actor=owner, appointment_id=appointment.pk, slot_id=first.pk),
        lambda: services.pick_slot(actor=owner, appointment_id=appointment.pk, slot_id=second.pk))
    assert outcomes.count("done") == 1, outcomes
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED
    assert appointment.slots.filter(chosen=True).count() == 1


def test_asking_for_other_times_while_booking(application, reviewer):
    appointment = helpers.offered(application, reviewer)
    owner = application.owner
    outcomes = _race(
        lambda: services.pick_slot(actor=owner, appointment_id=appointment.pk,
                                   slot_id=appointment.current_slots.first().pk),
        lambda: services.ask_for_other_slots(actor=owner, appointment_id=appointment.pk, note="下周"))
    # One after the other under the row lock: booked then given up (both done), or asked for others
    # first and the booking refused. Either way the times are open again and no slot stays booked.
    waiting = gettext("You asked for other times: wait for the reviewer to offer them.")
    assert len(outcomes) == 2 and all(outcome in ("done", waiting) for outcome in outcomes), outcomes
    assert outcomes.count("done") >= 1, outcomes
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.OTHER_SLOTS_ASKED, outcomes
    assert not appointment.slots.filter(chosen=True).exists() and appointment.booked_at is None
