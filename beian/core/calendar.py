"""Working days in mainland China (SPEC §3): review deadlines are counted in working days.

chinese-calendar knows the official holidays and adjusted working days for the years it was
released for and raises for others; there we fall back to "weekends are off" and say the result is
only an estimate. Administrators correct either through CalendarOverride rows, which always win.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

from beian.core.models import CalendarOverride

Overrides = Mapping[date, bool]


@dataclass(frozen=True)
class WorkingDayDate:
    date: date
    exact: bool  # False when a year outside the holiday data was involved


@dataclass(frozen=True)
class WorkingDayCount:
    days: int
    exact: bool


def is_working_day(day: date, overrides: Overrides | None = None) -> tuple[bool, bool]:
    """Return (is a working day, known exactly)."""
    if overrides and day in overrides:
        return overrides[day], True
    try:
        return chinese_calendar.is_workday(day), True
    except NotImplementedError:
        return day.weekday() < 5, False


def add_working_days(start: date, count: int, overrides: Overrides | None = None) -> WorkingDayDate:
    """The date that is `count` working days after `start` (start itself is not counted)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day, exact, remaining = start, True, count
    while remaining:
        day += timedelta(days=1)
        working, known = is_working_day(day, overrides)
        exact = exact and known
        remaining -= working
    return WorkingDayDate(day, exact)


def working_days_between(first: date, last: date,
                         overrides: Overrides | None = None) -> WorkingDayCount:
    """Working days after `first` up to and including `last`; negative when `last` is earlier.

    working_days_between(today, due_date) is the "working days left" shown in the review queue.
    """
    sign, low, high = (1, first, last) if last >= first else (-1, last, first)
    days, exact, day = 0, True, low
    while day < high:
        day += timedelta(days=1)
        working, known = is_working_day(day, overrides)
        exact = exact and known
        days += working
    return WorkingDayCount(sign * days, exact)


def load_overrides() -> dict[date, bool]:
    return dict(CalendarOverride.objects.values_list("date", "is_working_day"))
