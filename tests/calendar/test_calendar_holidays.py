"""Public holidays in the calendar: the caller's dates, the lookup and half days.

4 June 2026 (Corpus Christi in Bavaria) and 24 December 2026 are Thursdays, and
7 June 2026 is a Sunday.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from personio_sdk.calendar import build_calendar, employee_calendar
from personio_sdk.models import (
    Absence,
    AbsenceKind,
    AbsenceStatus,
    Employee,
    HolidayCalendar,
    WorkSchedule,
)

EMPLOYEE_ID = 7
CORPUS_CHRISTI = date(2026, 6, 4)
JUNE = (date(2026, 6, 1), date(2026, 6, 30))
CHRISTMAS_EVE = date(2026, 12, 24)
NEW_YEARS_EVE = date(2026, 12, 31)
DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))

FULL_TIME = WorkSchedule(
    **{day: timedelta(hours=8) for day in ("monday", "tuesday", "wednesday")},
    **{day: timedelta(hours=8) for day in ("thursday", "friday")},
    saturday=timedelta(0),
    sunday=timedelta(0),
)
BAVARIA = HolidayCalendar(
    id=1, name="Deutschland (Bayern) Feiertage", country="DE", state="Bayern"
)


def employee(calendar: HolidayCalendar | None = BAVARIA) -> Employee:
    return Employee(id=EMPLOYEE_ID, work_schedule=FULL_TIME, holiday_calendar=calendar)


def absence(
    start: date,
    end: date | None = None,
    *,
    absence_id: str = "1",
    kind: AbsenceKind = AbsenceKind.VACATION,
    type_name: str = "Urlaub",
) -> Absence:
    return Absence(
        id=absence_id,
        employee_id=EMPLOYEE_ID,
        kind=kind,
        type_name=type_name,
        status=AbsenceStatus.APPROVED,
        start_date=start,
        end_date=end or start,
        unit="day",
    )


def holiday_time_off(on: date) -> Absence:
    return absence(
        on, absence_id="f", kind=AbsenceKind.PUBLIC_HOLIDAY, type_name="Feiertag"
    )


# The caller's dates


def test_given_holiday_has_target_zero() -> None:
    days = build_calendar(
        employee=employee(),
        absences=(),
        start=CORPUS_CHRISTI,
        end=CORPUS_CHRISTI,
        holidays={CORPUS_CHRISTI: "Corpus Christi"},
    )
    day = days.day(CORPUS_CHRISTI)
    assert day.kind is AbsenceKind.PUBLIC_HOLIDAY
    assert day.holiday == "Corpus Christi"
    assert day.target_hours == Decimal(0)
    assert day.absences[0].absence_id is None
    assert days.absence_days(AbsenceKind.PUBLIC_HOLIDAY) == Decimal(1)


def test_holiday_on_sunday_counts_nothing() -> None:
    sunday = date(2026, 6, 7)
    days = build_calendar(
        employee=employee(),
        absences=(),
        start=sunday,
        end=sunday,
        holidays={sunday: "Some holiday"},
    )
    assert days.day(sunday).holiday == "Some holiday"
    assert days.day(sunday).kind is None
    assert days.absence_days(AbsenceKind.PUBLIC_HOLIDAY) == Decimal(0)


def test_no_holidays_given_adds_note() -> None:
    days = build_calendar(employee=employee(), absences=(), start=JUNE[0], end=JUNE[1])
    assert any("No public holidays were given" in note for note in days.notes)


def test_empty_holidays_adds_no_note() -> None:
    days = build_calendar(
        employee=employee(), absences=(), start=JUNE[0], end=JUNE[1], holidays={}
    )
    assert days.notes == ()


# Holidays recorded in Personio


def test_holiday_time_off_counts_once() -> None:
    days = build_calendar(
        employee=employee(),
        absences=[holiday_time_off(CORPUS_CHRISTI)],
        start=CORPUS_CHRISTI,
        end=CORPUS_CHRISTI,
        holidays={CORPUS_CHRISTI: "Corpus Christi"},
    )
    day = days.day(CORPUS_CHRISTI)
    assert [entry.absence_id for entry in day.absences] == [None, "f"]
    assert [entry.counted_fraction for entry in day.absences] == [1, 0]
    assert days.absence_days(AbsenceKind.PUBLIC_HOLIDAY) == Decimal(1)
    assert day.target_hours == Decimal(0)


def test_holiday_time_off_alone_names_the_day() -> None:
    days = build_calendar(
        employee=employee(),
        absences=[holiday_time_off(CORPUS_CHRISTI)],
        start=CORPUS_CHRISTI,
        end=CORPUS_CHRISTI,
        holidays={},
    )
    assert days.day(CORPUS_CHRISTI).holiday == "Feiertag"
    assert days.day(CORPUS_CHRISTI).kind is AbsenceKind.PUBLIC_HOLIDAY


def test_vacation_over_holiday_spends_no_vacation_day() -> None:
    # Monday 1 June to Friday 5 June: five weekdays, one of them Corpus Christi.
    days = build_calendar(
        employee=employee(),
        absences=[absence(date(2026, 6, 1), date(2026, 6, 5))],
        start=JUNE[0],
        end=JUNE[1],
        holidays={CORPUS_CHRISTI: "Corpus Christi"},
    )
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(5 - 1)
    assert days.day(CORPUS_CHRISTI).kind is AbsenceKind.PUBLIC_HOLIDAY


# Lookup through the holiday calendar


def test_lookup_marks_bavarian_june() -> None:
    pytest.importorskip("holidays")
    days = employee_calendar(
        employee=employee(), absences=(), start=JUNE[0], end=JUNE[1]
    )
    assert days.day(CORPUS_CHRISTI).kind is AbsenceKind.PUBLIC_HOLIDAY
    # 22 weekdays in June 2026, minus Corpus Christi.
    assert days.total_target_hours == (22 - 1) * Decimal(8)
    assert days.notes == ()


def test_missing_package_note_reaches_calendar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "holidays", None)
    days = employee_calendar(
        employee=employee(), absences=(), start=JUNE[0], end=JUNE[1]
    )
    assert days.day(CORPUS_CHRISTI).kind is None
    assert any("personio-sdk[holidays]" in note for note in days.notes)
    assert any("'Deutschland (Bayern) Feiertage' (DE)" in note for note in days.notes)


def test_holiday_source_turned_off() -> None:
    days = employee_calendar(
        employee=employee(), absences=(), start=JUNE[0], end=JUNE[1], holidays=None
    )
    assert days.day(CORPUS_CHRISTI).kind is None
    assert days.notes == ()


def test_employee_calendar_rejects_end_before_start() -> None:
    with pytest.raises(ValueError, match="before start"):
        employee_calendar(employee=employee(), absences=(), start=JUNE[1], end=JUNE[0])


def test_own_dates_replace_lookup() -> None:
    own = {date(2026, 6, 2): "Company day"}
    days = employee_calendar(
        employee=employee(), absences=(), start=JUNE[0], end=JUNE[1], holidays=own
    )
    assert days.day(date(2026, 6, 2)).holiday == "Company day"
    assert days.day(CORPUS_CHRISTI).kind is None


# 24 and 31 December


def test_december_half_days_off_by_default() -> None:
    days = employee_calendar(
        employee=employee(), absences=(), start=DECEMBER[0], end=DECEMBER[1]
    )
    assert days.day(CHRISTMAS_EVE).target_hours == Decimal(8)


def test_december_half_days_halve_target() -> None:
    days = employee_calendar(
        employee=employee(),
        absences=(),
        start=DECEMBER[0],
        end=DECEMBER[1],
        december_half_days=True,
    )
    for eve in (CHRISTMAS_EVE, NEW_YEARS_EVE):
        assert days.day(eve).kind is AbsenceKind.PUBLIC_HOLIDAY
        assert days.day(eve).absences[0].fraction == Decimal("0.5")
        assert days.day(eve).target_hours == Decimal(8) - Decimal(4)


def test_vacation_on_half_holiday_spends_half_day() -> None:
    days = employee_calendar(
        employee=employee(),
        absences=[absence(CHRISTMAS_EVE)],
        start=CHRISTMAS_EVE,
        end=CHRISTMAS_EVE,
        holidays={},
        december_half_days=True,
    )
    # The holiday takes the first half, the vacation the other: 1 - 0.5.
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(1) - Decimal("0.5")
    assert days.day(CHRISTMAS_EVE).target_hours == Decimal(0)


# Invalid holiday sources


@pytest.mark.parametrize("source", ["nope", "Auto", "AUTO", ""])
def test_employee_calendar_rejects_other_strings(source: str) -> None:
    with pytest.raises(ValueError, match="holidays") as raised:
        employee_calendar(
            employee=employee(),
            absences=(),
            start=JUNE[0],
            end=JUNE[1],
            holidays=source,
        )
    assert '"auto", None, or a mapping' in str(raised.value)


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(5, id="number"),
        pytest.param([CORPUS_CHRISTI], id="list-of-dates"),
        pytest.param({"2026-06-04": "Corpus Christi"}, id="string-keys"),
    ],
)
def test_employee_calendar_rejects_other_types(source: object) -> None:
    with pytest.raises(TypeError, match="holidays") as raised:
        employee_calendar(
            employee=employee(),
            absences=(),
            start=JUNE[0],
            end=JUNE[1],
            holidays=source,  # type: ignore[arg-type]
        )
    assert "datetime.date" in str(raised.value)


def test_employee_calendar_rejects_number_name() -> None:
    with pytest.raises(TypeError, match=r"holidays\[2026-06-04\] must be"):
        employee_calendar(
            employee=employee(),
            absences=(),
            start=JUNE[0],
            end=JUNE[1],
            holidays={CORPUS_CHRISTI: 1},  # type: ignore[dict-item]
        )


def test_build_calendar_rejects_datetime_keys() -> None:
    with pytest.raises(TypeError, match=r"holidays keys must be datetime\.date"):
        build_calendar(
            employee=employee(),
            absences=(),
            start=JUNE[0],
            end=JUNE[1],
            holidays={datetime(2026, 6, 4): "Corpus Christi"},
        )


def test_build_calendar_rejects_string_half_day_keys() -> None:
    with pytest.raises(TypeError, match="half_day_holidays"):
        build_calendar(
            employee=employee(),
            absences=(),
            start=JUNE[0],
            end=JUNE[1],
            half_day_holidays={"2026-12-24": "Christmas Eve"},  # type: ignore[dict-item]
        )
