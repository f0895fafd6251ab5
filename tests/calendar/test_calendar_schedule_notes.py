"""The calendar's note on unknown hours gives the reason the work schedule is unknown.

Personio leaves the "Work schedule" attribute out both when the credential may not
read it and when the employee has none, so the note names the cause only when the
employee record or `schedule_readable` tells it.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from personio_sdk.calendar import Calendar, build_calendar
from personio_sdk.models import Employee, WorkSchedule

MONDAY = date(2026, 3, 2)
WEEKLY_ONLY = WorkSchedule(weekly_hours=Decimal(30))
NO_SCHEDULE = "Employee 5 has no work schedule assigned in Personio."
NOT_READABLE = 'The API credential may not read the employee attribute "Work schedule"'
EITHER = (
    "Personio sent no work schedule, so either the API credential may not read the "
    'employee attribute "Work schedule" or the employee has none.'
)


def one_day(employee: Employee, schedule_readable: bool | None = None) -> Calendar:
    return build_calendar(
        employee=employee,
        absences=(),
        start=MONDAY,
        end=MONDAY,
        holidays={},
        schedule_readable=schedule_readable,
    )


def schedule_note(calendar: Calendar) -> str:
    notes = [note for note in calendar.notes if "unknown" in note]
    assert len(notes) == 1, calendar.notes
    return notes[0]


def test_note_counts_days_and_weekly_hours() -> None:
    note = schedule_note(one_day(Employee(id=5, work_schedule=WEEKLY_ONLY)))
    assert note.startswith(
        "Scheduled and target hours are unknown on 1 day (only the weekly hours, "
        "30, are known), so the calendar's totals are unknown. "
    )


def test_unchecked_missing_schedule_names_both_causes() -> None:
    note = schedule_note(one_day(Employee(id=5, work_schedule=WEEKLY_ONLY)))
    assert note.endswith(EITHER)


@pytest.mark.parametrize(
    ("readable", "expected"),
    [(True, NO_SCHEDULE), (False, NOT_READABLE)],
    ids=["credential-reads-it", "credential-may-not"],
)
def test_checked_missing_schedule_names_cause(readable: bool, expected: str) -> None:
    employee = Employee(id=5, work_schedule=WEEKLY_ONLY)
    note = schedule_note(one_day(employee, schedule_readable=readable))
    assert expected in note
    assert "either" not in note


def test_sent_empty_schedule_means_none_assigned() -> None:
    # Personio sent the attribute with an empty value, so the credential reads it.
    employee = Employee(
        id=5, work_schedule=WEEKLY_ONLY, attributes={"work_schedule": ""}
    )
    assert schedule_note(one_day(employee)).endswith(NO_SCHEDULE)


def test_partial_schedule_names_missing_weekdays() -> None:
    partial = WorkSchedule(monday=None, tuesday=timedelta(hours=8))
    employee = Employee(
        id=5, work_schedule=partial, attributes={"work_schedule": {"tuesday": "08:00"}}
    )
    note = schedule_note(one_day(employee, schedule_readable=False))
    assert note.endswith(
        "The work schedule in Personio has no hours for some weekdays."
    )


def test_known_schedule_has_no_note() -> None:
    full = WorkSchedule(
        **dict.fromkeys(
            ("monday", "tuesday", "wednesday", "thursday", "friday"),
            timedelta(hours=8),
        ),
        saturday=timedelta(0),
        sunday=timedelta(0),
    )
    assert one_day(Employee(id=5, work_schedule=full)).notes == ()
