"""The absence column of `personio calendar`, one day at a time."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from personio_sdk.calendar import CalendarDay, DayAbsence
from personio_sdk.cli._calendar_report import absence_text, day_texts
from personio_sdk.cli._commands import employee_name
from personio_sdk.models.employees import Employee
from personio_sdk.models.kinds import AbsenceKind

MONDAY = dt.date(2026, 3, 16)


def entry(
    kind: AbsenceKind = AbsenceKind.VACATION,
    *,
    fraction: str | None = "1",
    hours: str | None = "7.5",
    counted: str | None = None,
    name: str | None = "Paid vacation",
    counts_as_work: bool = False,
) -> DayAbsence:
    return DayAbsence(
        absence_id="1",
        kind=kind,
        fraction=None if fraction is None else Decimal(fraction),
        hours=None if hours is None else Decimal(hours),
        name=name,
        counts_as_work=counts_as_work,
        counted_fraction=Decimal(counted or fraction) if counted or fraction else None,
    )


def day(
    *absences: DayAbsence, holiday: str | None = None, employed: bool = True
) -> CalendarDay:
    return CalendarDay(
        date=MONDAY,
        weekday=0,
        scheduled_hours=Decimal("7.5"),
        absences=absences,
        kind=absences[0].kind if absences else None,
        target_hours=Decimal(0),
        holiday=holiday,
        employed=employed,
    )


def test_full_day_shows_kind_and_name() -> None:
    assert absence_text(entry()) == "vacation: Paid vacation"


def test_half_day_shows_half_mark() -> None:
    assert absence_text(entry(fraction="0.5", hours="3.75")) == (
        "vacation: Paid vacation, ½ day"
    )


def test_partial_day_shows_hours() -> None:
    text = absence_text(
        entry(AbsenceKind.OTHER, fraction="0.2", hours="1.5", name="Arzt")
    )
    assert text == "other: Arzt, 1.5 h"


def test_partial_day_without_hours_shows_share() -> None:
    assert absence_text(entry(fraction="0.25", hours=None)) == (
        "vacation: Paid vacation, 0.25 day"
    )


def test_unknown_share_shows_hours() -> None:
    assert (
        absence_text(entry(fraction=None, hours="2")) == "vacation: Paid vacation, 2 h"
    )


def test_day_off_inside_absence() -> None:
    assert absence_text(entry(fraction="0", hours="0")) == (
        "vacation: Paid vacation (day off)"
    )


def test_absence_taken_by_holiday_not_counted() -> None:
    assert absence_text(entry(counted="0")) == "vacation: Paid vacation (not counted)"


def test_offsite_work_counts_as_work() -> None:
    text = absence_text(
        entry(AbsenceKind.OTHER, name="Home Office", counted="0", counts_as_work=True)
    )
    assert text == "other: Home Office (counts as work)"


def test_absence_without_type_name() -> None:
    assert absence_text(entry(AbsenceKind.SICK_LEAVE, name=None)) == "sick leave"


def test_holiday_from_calendar_listed_first() -> None:
    texts = day_texts(day(entry(counted="0"), holiday="St Patrick's Day"))
    assert texts == [
        "public holiday: St Patrick's Day",
        "vacation: Paid vacation (not counted)",
    ]


def test_holiday_listed_once_when_absence_has_it() -> None:
    holiday = entry(AbsenceKind.PUBLIC_HOLIDAY, name="St Patrick's Day")
    assert day_texts(day(holiday, holiday="St Patrick's Day")) == [
        "public holiday: St Patrick's Day"
    ]


def test_day_outside_employment() -> None:
    assert day_texts(day(employed=False)) == ["not employed"]


def test_employee_name_prefers_preferred_name() -> None:
    employee = Employee(
        id=1, first_name="Ada", last_name="Lovelace", preferred_name="A. L."
    )
    assert employee_name(employee) == "A. L."


def test_employee_name_joins_first_and_last() -> None:
    assert employee_name(Employee(id=1, first_name="Ada", last_name="Lovelace")) == (
        "Ada Lovelace"
    )


def test_employee_name_without_readable_name() -> None:
    assert employee_name(Employee(id=7)) == "employee 7"
