"""What makes a set of offered time slots acceptable: one rule, used by the reviewer's form and
re-checked by the service."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from beian.core.calendar import is_working_day, load_overrides

MAX_SLOTS = 5


@dataclass(frozen=True)
class ProposedSlot:
    starts_at: datetime.datetime  # aware
    ends_at: datetime.datetime


def combine(day: datetime.date, start: datetime.time, end: datetime.time) -> ProposedSlot:
    """A slot from a local date and local times (China Standard Time)."""
    zone = timezone.get_current_timezone()
    return ProposedSlot(timezone.make_aware(datetime.datetime.combine(day, start), zone),
                        timezone.make_aware(datetime.datetime.combine(day, end), zone))


def slot_problem(slot: ProposedSlot, *, now: datetime.datetime, overrides=None) -> str:
    """The reason one slot cannot be offered, or ""."""
    if slot.ends_at <= slot.starts_at:
        return _("The end time must be after the start time.")
    if slot.starts_at <= now:
        return _("This time has already passed: offer a time in the future.")
    working, _known = is_working_day(timezone.localdate(slot.starts_at),
                                     overrides if overrides is not None else load_overrides())
    if not working:
        return _("This day is not a working day: offer a time on a working day.")
    return ""


def slots_problem(slots: list[ProposedSlot], *, now: datetime.datetime) -> str:
    """The reason a set of slots cannot be offered, or ""."""
    if not slots:
        return _("Offer at least one time.")
    if len(slots) > MAX_SLOTS:
        return _("Offer at most %(count)d times.") % {"count": MAX_SLOTS}
    overrides = load_overrides()
    for slot in slots:
        problem = slot_problem(slot, now=now, overrides=overrides)
        if problem:
            return problem
    if len({(slot.starts_at, slot.ends_at) for slot in slots}) != len(slots):
        return _("The same time is offered twice.")
    return ""
