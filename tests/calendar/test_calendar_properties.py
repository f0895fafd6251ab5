"""Invariants of the calendar over random absences, schedules and holidays."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from personio_sdk.calendar import build_calendar
from personio_sdk.models import (
    Absence,
    AbsenceDay,
    AbsenceKind,
    AbsenceStatus,
    Employee,
    WorkSchedule,
)

START = date(2026, 3, 1)
END = date(2026, 3, 21)
DATES = st.dates(min_value=START - timedelta(days=5), max_value=END + timedelta(days=5))
HOURS = st.sampled_from(
    [Decimal(0), Decimal(4), Decimal(6), Decimal("7.5"), Decimal(8)]
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")


@st.composite
def schedules(draw: st.DrawFn) -> WorkSchedule:
    days = {day: timedelta(hours=float(draw(HOURS))) for day in WEEKDAYS}
    return WorkSchedule(**days, sunday=timedelta(0))


@st.composite
def absences(draw: st.DrawFn, absence_id: str) -> Absence:
    start = draw(DATES)
    end = start + timedelta(days=draw(st.integers(0, 6)))
    kind = draw(st.sampled_from(list(AbsenceKind)))
    common = {
        "id": absence_id,
        "employee_id": 1,
        "kind": kind,
        "counts_as_work": draw(st.booleans()),
        "status": AbsenceStatus.APPROVED,
        "start_date": start,
        "end_date": end,
    }
    if draw(st.booleans()):
        return Absence(
            **common,
            unit="day",
            half_day_start=draw(st.booleans()),
            half_day_end=draw(st.booleans()),
        )
    breakdown = tuple(
        AbsenceDay(date=start + timedelta(days=i), hours=draw(HOURS))
        for i in range((end - start).days + 1)
    )
    return Absence(**common, unit="hour", breakdown=breakdown)


@st.composite
def cases(draw: st.DrawFn) -> tuple[WorkSchedule, list[Absence], dict[date, str]]:
    count = draw(st.integers(0, 5))
    items = [draw(absences(str(i))) for i in range(count)]
    holiday_dates = draw(st.sets(DATES, max_size=3))
    return draw(schedules()), items, dict.fromkeys(holiday_dates, "Holiday")


@settings(max_examples=200, deadline=None)
@given(cases())
def test_targets_stay_within_scheduled_hours(
    case: tuple[WorkSchedule, list[Absence], dict[date, str]],
) -> None:
    schedule, items, holidays = case
    days = build_calendar(
        employee=Employee(id=1, work_schedule=schedule),
        absences=items,
        start=START,
        end=END,
        holidays=holidays,
    )
    for day in days:
        assert day.scheduled_hours is not None
        assert day.target_hours is not None
        assert Decimal(0) <= day.target_hours <= day.scheduled_hours
        counted = sum(
            (entry.counted_fraction or Decimal(0) for entry in day.absences),
            Decimal(0),
        )
        assert counted <= 1
        absent = day.scheduled_hours - day.target_hours
        assert (absent > 0) == (day.kind is not None)


@settings(max_examples=100, deadline=None)
@given(cases())
def test_kind_totals_stay_within_working_days(
    case: tuple[WorkSchedule, list[Absence], dict[date, str]],
) -> None:
    schedule, items, holidays = case
    days = build_calendar(
        employee=Employee(id=1, work_schedule=schedule),
        absences=items,
        start=START,
        end=END,
        holidays=holidays,
    )
    totals = days.totals_by_kind
    assert totals is not None
    worked = sum(1 for day in days if day.scheduled_hours)
    assert sum(totals.values(), Decimal(0)) <= worked
