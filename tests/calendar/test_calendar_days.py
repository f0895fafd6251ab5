"""Calendar rules, one test each, with the expected numbers worked out by hand.

March 2026 starts on a Sunday: Monday 2 March to Friday 6 March is the first full
working week and the month has 22 weekdays.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from personio_sdk.calendar import Calendar, build_calendar
from personio_sdk.models import (
    Absence,
    AbsenceDay,
    AbsenceKind,
    AbsenceStatus,
    Employee,
    WorkSchedule,
)

EMPLOYEE_ID = 7
MARCH = (date(2026, 3, 1), date(2026, 3, 31))
MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 3, day) for day in range(2, 9))


def schedule(*day_hours: int) -> WorkSchedule:
    monday, tuesday, wednesday, thursday, friday, saturday, sunday = (
        timedelta(hours=h) for h in day_hours
    )
    return WorkSchedule(
        monday=monday,
        tuesday=tuesday,
        wednesday=wednesday,
        thursday=thursday,
        friday=friday,
        saturday=saturday,
        sunday=sunday,
    )


FULL_TIME = schedule(8, 8, 8, 8, 8, 0, 0)
SIX_HOURS = schedule(6, 6, 6, 6, 6, 0, 0)
WEDNESDAY_OFF = schedule(8, 8, 0, 8, 8, 0, 0)


def employee(
    work_schedule: WorkSchedule | None = FULL_TIME, **fields: object
) -> Employee:
    return Employee(id=EMPLOYEE_ID, work_schedule=work_schedule, **fields)


def absence(
    start: date,
    end: date | None = None,
    *,
    absence_id: str = "1",
    kind: AbsenceKind = AbsenceKind.VACATION,
    **fields: object,
) -> Absence:
    values: dict[str, object] = {
        "id": absence_id,
        "employee_id": EMPLOYEE_ID,
        "kind": kind,
        "type_name": kind.value,
        "status": AbsenceStatus.APPROVED,
        "start_date": start,
        "end_date": end or start,
        "unit": "day",
    }
    values.update(fields)
    return Absence.model_validate(values)


def hourly(
    on: date, hours: str, *, absence_id: str = "h1", **fields: object
) -> Absence:
    return absence(
        on,
        absence_id=absence_id,
        unit="hour",
        hours=Decimal(hours),
        breakdown=(AbsenceDay(date=on, hours=Decimal(hours)),),
        **fields,
    )


def calendar(
    *absences: Absence,
    person: Employee | None = None,
    start: date = MON,
    end: date = SUN,
) -> Calendar:
    return build_calendar(
        employee=person or employee(),
        absences=absences,
        start=start,
        end=end,
        holidays={},
    )


# Range and totals


def test_calendar_has_one_day_per_date() -> None:
    days = calendar(start=MARCH[0], end=MARCH[1])
    assert len(days) == 31
    assert days[0].date == date(2026, 3, 1)
    assert days[-1].date == date(2026, 3, 31)
    assert days.day(MON).weekday == 0


def test_calendar_day_outside_range_raises() -> None:
    with pytest.raises(KeyError):
        calendar().day(date(2026, 3, 9))


def test_calendar_through_last_date() -> None:
    days = calendar(start=date(9999, 12, 27), end=date.max)
    assert len(days) == 5
    assert days[-1].date == date.max


def test_absence_ending_on_last_date() -> None:
    vacation = absence(date(9999, 12, 30), date.max)
    days = calendar(vacation, start=date(9999, 12, 27), end=date.max)
    # 30 and 31 December 9999 are a Thursday and a Friday.
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(2)


def test_calendar_from_first_date() -> None:
    days = calendar(start=date.min, end=date(1, 1, 7))
    assert days[0].date == date.min
    assert len(days) == 7


def test_calendar_rejects_end_before_start() -> None:
    with pytest.raises(ValueError, match="before start"):
        calendar(start=FRI, end=MON)


def test_march_totals_without_absences() -> None:
    days = calendar(start=MARCH[0], end=MARCH[1])
    assert days.total_scheduled_hours == 22 * Decimal(8)
    assert days.total_target_hours == 22 * Decimal(8)
    assert days.notes == ()


def test_march_totals_with_vacation() -> None:
    # Monday to Wednesday, starting with a half day: 0.5 + 1 + 1 days.
    days = calendar(
        absence(MON, WED, half_day_start=True), start=MARCH[0], end=MARCH[1]
    )
    assert days.absence_days(AbsenceKind.VACATION) == Decimal("2.5")
    assert days.total_target_hours == 22 * Decimal(8) - Decimal("2.5") * 8
    assert days.totals_by_kind == {
        AbsenceKind.VACATION: Decimal("2.5"),
        AbsenceKind.SICK_LEAVE: Decimal(0),
        AbsenceKind.PUBLIC_HOLIDAY: Decimal(0),
        AbsenceKind.PERSONAL_TIME_OFF: Decimal(0),
        AbsenceKind.OTHER: Decimal(0),
    }


# Half days


def test_half_day_start_halves_first_date() -> None:
    days = calendar(absence(MON, WED, half_day_start=True))
    assert days.day(MON).absences[0].fraction == Decimal("0.5")
    assert days.day(MON).target_hours == Decimal(8) - Decimal(4)
    assert days.day(TUE).absences[0].fraction == Decimal(1)
    assert days.day(TUE).target_hours == Decimal(0)


def test_half_day_end_halves_last_date() -> None:
    days = calendar(absence(MON, WED, half_day_end=True))
    assert days.day(WED).absences[0].fraction == Decimal("0.5")
    assert days.day(WED).absences[0].hours == Decimal(4)
    assert days.day(TUE).absences[0].fraction == Decimal(1)


@pytest.mark.parametrize(
    ("half_day_start", "half_day_end"), [(True, False), (False, True), (True, True)]
)
def test_one_day_half_day_is_half(half_day_start: bool, half_day_end: bool) -> None:
    days = calendar(
        absence(TUE, half_day_start=half_day_start, half_day_end=half_day_end)
    )
    assert days.day(TUE).absences[0].fraction == Decimal("0.5")
    assert days.day(TUE).target_hours == Decimal(8) - Decimal("0.5") * 8
    assert days.absence_days(AbsenceKind.VACATION) == Decimal("0.5")


def test_days_count_is_not_divided() -> None:
    # Personio's days_count is 10 here, but the calendar counts the dates itself.
    days = calendar(absence(MON, WED, days=Decimal(10)))
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(3)


# Several absences on one day


def test_two_full_absences_count_one_day() -> None:
    days = calendar(
        absence(TUE, absence_id="v"),
        absence(TUE, absence_id="s", kind=AbsenceKind.SICK_LEAVE),
    )
    tuesday = days.day(TUE)
    assert [entry.absence_id for entry in tuesday.absences] == ["s", "v"]
    assert [entry.counted_fraction for entry in tuesday.absences] == [1, 0]
    assert tuesday.kind is AbsenceKind.SICK_LEAVE
    assert tuesday.target_hours == Decimal(0)
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(0)
    assert days.absence_days(AbsenceKind.SICK_LEAVE) == Decimal(1)


def test_larger_share_is_the_days_kind() -> None:
    # A half day of vacation (4 h) and two hours of other time off: 8 - 4 - 2.
    days = calendar(
        absence(TUE, absence_id="v", half_day_end=True),
        hourly(TUE, "2", kind=AbsenceKind.OTHER),
    )
    tuesday = days.day(TUE)
    assert tuesday.kind is AbsenceKind.VACATION
    assert tuesday.target_hours == Decimal(8) - Decimal(4) - Decimal(2)


def test_equal_shares_go_to_priority() -> None:
    days = calendar(
        absence(TUE, absence_id="v", half_day_end=True),
        absence(TUE, absence_id="s", kind=AbsenceKind.SICK_LEAVE, half_day_start=True),
    )
    assert days.day(TUE).kind is AbsenceKind.SICK_LEAVE
    assert days.day(TUE).target_hours == Decimal(8) - Decimal(4) - Decimal(4)


def test_overlapping_shares_are_capped() -> None:
    # Sick all day (8 h) takes the day; the half day of vacation gets nothing left.
    days = calendar(
        absence(TUE, absence_id="v", half_day_end=True),
        absence(TUE, absence_id="s", kind=AbsenceKind.SICK_LEAVE),
    )
    by_id = {entry.absence_id: entry for entry in days.day(TUE).absences}
    assert by_id["v"].fraction == Decimal("0.5")
    assert by_id["v"].counted_fraction == Decimal(0)
    assert days.day(TUE).target_hours == Decimal(0)


# Hour-based absences


def test_hour_absence_on_six_hour_day() -> None:
    days = calendar(hourly(TUE, "2"), person=employee(SIX_HOURS))
    entry = days.day(TUE).absences[0]
    assert entry.hours == Decimal(2)
    assert entry.fraction == Decimal(2) / Decimal(6)
    assert days.day(TUE).target_hours == Decimal(6) - Decimal(2)
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(2) / Decimal(6)


def test_hour_absence_longer_than_day_is_capped() -> None:
    days = calendar(hourly(TUE, "8"), person=employee(SIX_HOURS))
    entry = days.day(TUE).absences[0]
    assert entry.hours == Decimal(8)
    assert entry.fraction == Decimal(1)
    assert days.day(TUE).target_hours == Decimal(0)


def test_hour_absence_uses_breakdown_per_date() -> None:
    # 10 hours from Monday to Tuesday: 6 on Monday, 4 on Tuesday.
    two_days = absence(
        MON,
        TUE,
        absence_id="h2",
        unit="hour",
        hours=Decimal(10),
        breakdown=(
            AbsenceDay(date=MON, hours=Decimal(6)),
            AbsenceDay(date=TUE, hours=Decimal(4)),
        ),
    )
    days = calendar(two_days)
    assert days.day(MON).target_hours == Decimal(8) - Decimal(6)
    assert days.day(TUE).target_hours == Decimal(8) - Decimal(4)


def test_hour_absence_without_breakdown_on_one_day() -> None:
    days = calendar(absence(TUE, absence_id="h", unit="hour", hours=Decimal(3)))
    assert days.day(TUE).target_hours == Decimal(8) - Decimal(3)


def test_hour_absence_over_days_without_breakdown_is_skipped() -> None:
    days = calendar(absence(MON, TUE, absence_id="h", unit="hour", hours=Decimal(9)))
    assert days.day(MON).absences == ()
    assert any("ids: h." in note and "breakdown" in note for note in days.notes)


# Days without scheduled hours


def test_weekend_inside_vacation_counts_nothing() -> None:
    days = calendar(absence(FRI, date(2026, 3, 9)), end=date(2026, 3, 9))
    saturday = days.day(SAT)
    assert saturday.absences[0].fraction == Decimal(0)
    assert saturday.kind is None
    assert saturday.target_hours == Decimal(0)
    # Friday and Monday only.
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(2)


def test_day_off_inside_vacation_counts_nothing() -> None:
    days = calendar(absence(MON, FRI), person=employee(WEDNESDAY_OFF))
    assert days.day(WED).absences[0].counted_fraction == Decimal(0)
    # Five dates minus the Wednesday off.
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(5 - 1)


def test_hour_absence_on_day_off_counts_nothing() -> None:
    days = calendar(hourly(SAT, "3"))
    entry = days.day(SAT).absences[0]
    assert entry.hours == Decimal(3)
    assert entry.fraction == Decimal(0)
    assert days.day(SAT).target_hours == Decimal(0)
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(0)


# Off-site work


def test_offsite_work_reduces_nothing() -> None:
    days = calendar(absence(TUE, kind=AbsenceKind.OTHER, counts_as_work=True))
    tuesday = days.day(TUE)
    assert tuesday.absences[0].counts_as_work is True
    assert tuesday.kind is None
    assert tuesday.target_hours == Decimal(8)
    assert days.absence_days(AbsenceKind.OTHER) == Decimal(0)


def test_offsite_work_beside_half_vacation() -> None:
    days = calendar(
        absence(TUE, absence_id="v", half_day_start=True),
        absence(TUE, absence_id="w", kind=AbsenceKind.OTHER, counts_as_work=True),
    )
    tuesday = days.day(TUE)
    assert [entry.absence_id for entry in tuesday.absences] == ["v", "w"]
    assert tuesday.kind is AbsenceKind.VACATION
    assert tuesday.target_hours == Decimal(8) - Decimal(4)


# Clipping to the range


def test_range_clips_absence() -> None:
    # 26 February (half day) to 4 March; the range starts on Monday 2 March.
    long_vacation = absence(date(2026, 2, 26), WED, half_day_start=True)
    days = calendar(long_vacation, start=MON, end=TUE)
    assert [day.date for day in days] == [MON, TUE]
    assert days.absence_days(AbsenceKind.VACATION) == Decimal(2)


def test_half_day_end_outside_range_ignored() -> None:
    days = calendar(absence(MON, date(2026, 3, 9), half_day_end=True), end=FRI)
    assert days.day(FRI).absences[0].fraction == Decimal(1)


# Employment


def test_days_before_hire_schedule_nothing() -> None:
    days = calendar(absence(TUE), person=employee(hire_date=WED))
    tuesday = days.day(TUE)
    assert tuesday.employed is False
    assert tuesday.scheduled_hours == Decimal(0)
    assert tuesday.target_hours == Decimal(0)
    assert tuesday.absences == ()
    # Wednesday to Friday at 8 hours.
    assert days.total_scheduled_hours == 3 * Decimal(8)
    assert any("2 days before the hire date 2026-03-04" in note for note in days.notes)


def test_days_after_termination_schedule_nothing() -> None:
    days = calendar(person=employee(termination_date=TUE))
    assert days.day(WED).employed is False
    assert days.day(WED).scheduled_hours == Decimal(0)
    # Monday and Tuesday at 8 hours.
    assert days.total_target_hours == 2 * Decimal(8)
    assert any("5 days after the termination date" in note for note in days.notes)


# Unknown schedule


def test_unknown_schedule_leaves_hours_none() -> None:
    weekly_only = WorkSchedule(weekly_hours=Decimal(40))
    days = calendar(absence(TUE), person=employee(weekly_only))
    tuesday = days.day(TUE)
    assert tuesday.scheduled_hours is None
    assert tuesday.target_hours is None
    assert tuesday.absences[0].fraction == Decimal(1)
    assert tuesday.absences[0].hours is None
    assert tuesday.kind is AbsenceKind.VACATION


def test_unknown_schedule_leaves_totals_none() -> None:
    days = calendar(
        absence(TUE), person=employee(WorkSchedule(weekly_hours=Decimal(40)))
    )
    assert days.total_scheduled_hours is None
    assert days.total_target_hours is None
    assert days.absence_days(AbsenceKind.VACATION) is None
    assert days.totals_by_kind is None
    assert any("weekly hours, 40" in note for note in days.notes)


def test_missing_schedule_is_unknown() -> None:
    days = calendar(hourly(TUE, "2"), person=employee(None))
    entry = days.day(TUE).absences[0]
    assert entry.fraction is None
    assert entry.hours == Decimal(2)
    assert days.day(TUE).kind is AbsenceKind.VACATION
    assert days.total_target_hours is None


# Statuses and employees


@pytest.mark.parametrize(
    "status",
    [AbsenceStatus.PENDING, AbsenceStatus.REQUESTED, AbsenceStatus.REJECTED, None],
)
def test_unapproved_absence_is_skipped(status: AbsenceStatus | None) -> None:
    days = calendar(absence(TUE, status=status))
    assert days.day(TUE).absences == ()
    assert days.day(TUE).target_hours == Decimal(8)
    assert any("not approved" in note for note in days.notes)


def test_plain_approved_string_counts() -> None:
    days = calendar(absence(TUE, status="approved"))
    assert days.day(TUE).target_hours == Decimal(0)


def test_unapproved_note_counts_statuses() -> None:
    days = calendar(
        absence(MON, absence_id="a", status=AbsenceStatus.PENDING),
        absence(TUE, absence_id="b", status=AbsenceStatus.PENDING),
        absence(WED, absence_id="c", status="cancelled"),
    )
    assert "Skipped 3 absences that are not approved (1 cancelled, 2 pending)." in (
        days.notes
    )


def test_absence_without_status_is_named() -> None:
    days = calendar(absence(TUE, status=None))
    assert "Skipped 1 absence that is not approved (1 without status)." in (days.notes)


def test_absence_ending_before_start_is_skipped() -> None:
    days = calendar(absence(WED, TUE, absence_id="r"))
    assert days.day(TUE).absences == ()
    assert "Skipped absences that end before they start, ids: r." in days.notes


def test_other_employees_absences_are_counted() -> None:
    days = calendar(
        absence(MON, absence_id="a", employee_id=EMPLOYEE_ID + 1),
        absence(TUE, absence_id="b", employee_id=EMPLOYEE_ID + 2),
    )
    assert "Skipped 2 absences of other employees." in days.notes


def test_one_day_before_hire_is_singular() -> None:
    days = calendar(person=employee(hire_date=TUE))
    assert (
        "No hours are scheduled and no absences counted on 1 day before the hire "
        "date 2026-03-03." in days.notes
    )


def test_unknown_hours_note_says_unknown() -> None:
    days = calendar(
        person=employee(WorkSchedule(weekly_hours=Decimal(40))), start=MON, end=MON
    )
    note = next(note for note in days.notes if "weekly hours" in note)
    assert "unknown on 1 day (" in note
    assert "None" not in note


def test_other_employees_absence_is_skipped() -> None:
    days = calendar(absence(TUE, employee_id=EMPLOYEE_ID + 1))
    assert days.day(TUE).absences == ()
    assert "Skipped 1 absence of another employee." in days.notes
