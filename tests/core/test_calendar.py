from datetime import date

import pytest

from beian.core.calendar import add_working_days, is_working_day, load_overrides, working_days_between
from beian.core.models import CalendarOverride


def test_twenty_one_working_days_after_the_national_day_week():
    result = add_working_days(date(2026, 9, 28), 21)
    assert result.date == date(2026, 11, 2)
    assert result.exact


def test_adjusted_working_weekend_counts_and_holiday_does_not():
    # 2026-10-01 is National Day; the holiday data knows it.
    assert is_working_day(date(2026, 10, 1)) == (False, True)
    assert is_working_day(date(2026, 9, 29)) == (True, True)


def test_years_without_holiday_data_fall_back_to_weekends_and_say_estimated():
    # 2027-01-01 is a Friday: a weekday, so the fallback counts it.
    result = add_working_days(date(2026, 12, 30), 3)
    assert not result.exact
    assert result.date == date(2027, 1, 4)


def test_overrides_win_over_both_sources():
    overrides = {date(2027, 1, 1): False}
    assert add_working_days(date(2026, 12, 30), 3, overrides).date == date(2027, 1, 5)
    assert is_working_day(date(2027, 1, 1), overrides) == (False, True)


def test_working_days_between_counts_after_first_up_to_last():
    assert working_days_between(date(2026, 9, 28), date(2026, 11, 2)).days == 21
    assert working_days_between(date(2026, 11, 2), date(2026, 9, 28)).days == -21
    assert working_days_between(date(2026, 11, 2), date(2026, 11, 2)).days == 0


def test_zero_days_is_the_start_and_negative_is_refused():
    assert add_working_days(date(2026, 11, 7), 0).date == date(2026, 11, 7)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 11, 7), -1)


@pytest.mark.django_db
def test_overrides_come_from_the_administrators_table():
    CalendarOverride.objects.create(date=date(2027, 2, 8), is_working_day=False, note="春节")
    overrides = load_overrides()
    assert overrides == {date(2027, 2, 8): False}
    assert add_working_days(date(2027, 2, 5), 1, overrides).date == date(2027, 2, 9)
