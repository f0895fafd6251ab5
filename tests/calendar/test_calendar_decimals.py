"""Calendar quantities are written without trailing zeros or exponent.

Decimal equality ignores trailing zeros, so these tests compare `str()`, which is
what a user who prints a total sees. 2 to 6 March 2026 are Monday to Friday.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from personio_sdk._calendar_days import plain_decimal
from personio_sdk.calendar import Calendar, build_calendar
from personio_sdk.models import (
    Absence,
    AbsenceDay,
    AbsenceKind,
    AbsenceStatus,
    Employee,
    WorkSchedule,
)

EMPLOYEE_ID = 2
MON, WED, FRI = date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 6)
SEVEN_AND_A_HALF = WorkSchedule(
    **dict.fromkeys(
        ("monday", "tuesday", "wednesday", "thursday", "friday"),
        timedelta(hours=7, minutes=30),
    ),
    saturday=timedelta(0),
    sunday=timedelta(0),
)


def vacation(start: date, end: date, **fields: object) -> Absence:
    return Absence(
        id="1",
        employee_id=EMPLOYEE_ID,
        kind=AbsenceKind.VACATION,
        status=AbsenceStatus.APPROVED,
        start_date=start,
        end_date=end,
        unit="day",
        **fields,
    )


def appointment(on: date, hours: str) -> Absence:
    return Absence(
        id="h1",
        employee_id=EMPLOYEE_ID,
        kind=AbsenceKind.OTHER,
        status=AbsenceStatus.APPROVED,
        start_date=on,
        end_date=on,
        unit="hour",
        hours=Decimal(hours),
        breakdown=(AbsenceDay(date=on, hours=Decimal(hours)),),
    )


def week(*absences: Absence) -> Calendar:
    return build_calendar(
        employee=Employee(id=EMPLOYEE_ID, work_schedule=SEVEN_AND_A_HALF),
        absences=absences,
        start=MON,
        end=date(2026, 3, 8),
        holidays={},
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("165.0", "165"),
        ("125.50", "125.5"),
        ("0.00", "0"),
        ("-0.0", "0"),
        ("1E+2", "100"),
        ("0.250", "0.25"),
        ("0.2666666666666666666666666667", "0.2666666666666666666666666667"),
    ],
)
def test_plain_decimal_forms(value: str, expected: str) -> None:
    assert str(plain_decimal(Decimal(value))) == expected


def test_plain_decimal_keeps_none() -> None:
    assert plain_decimal(None) is None


def test_totals_have_no_trailing_zeros() -> None:
    days = week(vacation(MON, WED, half_day_end=True))
    assert str(days.total_scheduled_hours) == "37.5"
    # 37.5 - 7.5 - 7.5 - 3.75
    assert str(days.total_target_hours) == "18.75"
    assert str(days.absence_days(AbsenceKind.VACATION)) == "2.5"


def test_whole_totals_are_integers() -> None:
    days = week(vacation(MON, WED, half_day_start=True, half_day_end=True))
    # Half of Monday, all of Tuesday and half of Wednesday: 0.5 + 1 + 0.5 days.
    assert str(days.total_target_hours) == "22.5"
    assert str(days.absence_days(AbsenceKind.VACATION)) == "2"


def test_day_targets_share_one_zero() -> None:
    days = week(vacation(MON, FRI))
    assert {str(day.target_hours) for day in days} == {"0"}


def test_day_quantities_have_no_trailing_zeros() -> None:
    days = week(vacation(WED, WED, half_day_start=True))
    entry = days.day(WED).absences[0]
    assert str(entry.fraction) == "0.5"
    assert str(entry.hours) == "3.75"
    assert str(entry.counted_fraction) == "0.5"
    assert str(days.day(WED).target_hours) == "3.75"
    assert str(days.day(MON).scheduled_hours) == "7.5"


def test_repeating_share_keeps_28_digits() -> None:
    days = week(appointment(WED, "2"))
    # 2 h of a 7.5 h day is 4/15, not rounded.
    share = days.absence_days(AbsenceKind.OTHER)
    assert share == Decimal(2) / Decimal("7.5")
    assert str(share) == "0.2666666666666666666666666667"
