"""The notes of a calendar: skipped absences, days outside employment, unknown hours.

`personio_sdk.calendar` documents when each note appears.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from personio_sdk._calendar_days import CalendarDay
    from personio_sdk.models.employees import Employee

__all__ = ["absence_notes", "count_noun", "schedule_notes", "unknown_schedule_reason"]

_ATTRIBUTE = "work_schedule"
_GRANT = (
    'add "Work schedule" to the readable employee attributes of the API credential '
    "in Personio"
)


def count_noun(count: int, singular: str, plural: str | None = None) -> str:
    """Write a count with its noun in the matching number: `1 day`, `2 days`."""
    noun = singular if count == 1 else plural or f"{singular}s"
    return f"{count} {noun}"


def absence_notes(
    unapproved: Mapping[str, int],
    other_employees: int,
    reversed_ids: Sequence[str],
    unspread_ids: Sequence[str],
) -> list[str]:
    """Explain the absences a calendar skipped, by reason."""
    notes: list[str] = []
    if unapproved:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(unapproved.items()))
        total = sum(unapproved.values())
        which = "that is" if total == 1 else "that are"
        notes.append(
            f"Skipped {count_noun(total, 'absence')} {which} not approved ({counts})."
        )
    if other_employees:
        whose = "another employee" if other_employees == 1 else "other employees"
        notes.append(f"Skipped {count_noun(other_employees, 'absence')} of {whose}.")
    if reversed_ids:
        notes.append(
            "Skipped absences that end before they start, ids: "
            f"{', '.join(reversed_ids)}."
        )
    if unspread_ids:
        notes.append(
            "Skipped hour-based absences that span several days without a per-date "
            f"breakdown of their hours, ids: {', '.join(unspread_ids)}."
        )
    return notes


def unknown_schedule_reason(
    employee: Employee, schedule_readable: bool | None = None
) -> str:
    """Say why the hours per weekday of `employee` are unknown, as a sentence.

    Personio leaves the "Work schedule" attribute out both when the API credential
    may not read it and when the employee has no schedule, so the employee record
    alone cannot tell the two apart. `schedule_readable` is the result of
    `client.work_schedules.schedule_readable()` when the caller has it: True, False,
    or None when unknown. A schedule that was sent but lacks some weekdays, or an
    empty one, is reported as such.
    """
    schedule = employee.work_schedule
    if schedule is not None and any(
        schedule.hours(weekday) is not None for weekday in range(7)
    ):
        return "The work schedule in Personio has no hours for some weekdays."
    if employee.is_readable(_ATTRIBUTE) or schedule_readable is True:
        return f"Employee {employee.id} has no work schedule assigned in Personio."
    if schedule_readable is False:
        return (
            'The API credential may not read the employee attribute "Work schedule": '
            f"{_GRANT}."
        )
    return (
        "Personio sent no work schedule, so either the API credential may not read "
        'the employee attribute "Work schedule" or the employee has none.'
    )


def schedule_notes(
    employee: Employee,
    days: Sequence[CalendarDay],
    *,
    schedule_readable: bool | None = None,
) -> list[str]:
    """Explain days outside employment and days whose hours are unknown."""
    notes: list[str] = []
    before = sum(
        1 for day in days if employee.hire_date and day.date < employee.hire_date
    )
    if before:
        notes.append(
            "No hours are scheduled and no absences counted on "
            f"{count_noun(before, 'day')} before the hire date {employee.hire_date}."
        )
    ended = employee.termination_date
    after = sum(1 for day in days if ended and day.date > ended)
    if after:
        notes.append(
            "No hours are scheduled and no absences counted on "
            f"{count_noun(after, 'day')} after the termination date {ended}."
        )
    unknown = sum(1 for day in days if day.scheduled_hours is None)
    if unknown:
        schedule = employee.work_schedule
        weekly = schedule.weekly_hours if schedule else employee.weekly_working_hours
        known = f" (only the weekly hours, {weekly}, are known)" if weekly else ""
        notes.append(
            f"Scheduled and target hours are unknown on {count_noun(unknown, 'day')}"
            f"{known}, so the calendar's totals are unknown. "
            f"{unknown_schedule_reason(employee, schedule_readable)}"
        )
    return notes
