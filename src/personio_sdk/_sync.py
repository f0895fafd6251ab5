"""The calendar of one employee and the one-call sync a time-tracking backend runs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from personio_sdk.calendar import Calendar, check_holiday_source, employee_calendar
from personio_sdk.models import Absence, AbsenceBalance, Employee, WorkSchedule
from personio_sdk.resources._common import check_date

if TYPE_CHECKING:
    from personio_sdk._client import PersonioClient

HolidaySource = Mapping[date, str] | Literal["auto"] | None


@dataclass(frozen=True)
class SyncResult:
    """The data `PersonioClient.sync` read for one employee and one date range.

    `absences` are the approved absences overlapping the range, day- and
    hour-based. `work_schedule` is the employee's schedule as read. Its days are
    None when Personio sent no schedule, because the API credential may not read
    the "Work schedule" attribute or because the employee has none, and
    `calendar.notes` states which. It is None when the weekly hours are unknown too.
    Unlike `client.work_schedules.get`, which raises AttributeNotReadableError,
    `sync` never raises for an unreadable schedule: it returns what it read, and
    the calendar's hours and totals are then None. `remaining_vacation_days` is
    the `available_balance` of the paid vacation types, in days.
    """

    employee: Employee
    work_schedule: WorkSchedule | None
    absences: tuple[Absence, ...]
    balances: tuple[AbsenceBalance, ...]
    remaining_vacation_days: Decimal
    calendar: Calendar


def check_range(start: object, end: object) -> tuple[date, date]:
    """Return `start` and `end` as dates, raising ValueError for a bad range."""
    first = check_date(start, "start")
    last = check_date(end, "end")
    if first is None or last is None:
        raise ValueError("start and end are required: pass two datetime.date values.")
    if last < first:
        raise ValueError(
            f"end ({last}) is before start ({first}): pass an end on or after the start"
        )
    return first, last


def check_holidays(value: object) -> HolidaySource:
    """Return the `holidays` argument if it is `"auto"`, None or dates with names.

    Call it before the first request. Raises ValueError for a string other than
    `"auto"` and TypeError for anything else that is not a mapping of
    `datetime.date` to str, naming `holidays` and the accepted forms.
    """
    return check_holiday_source(value, "holidays")


def employee_calendar_for(
    client: PersonioClient,
    employee: Employee,
    *,
    start: date,
    end: date,
    absences: tuple[Absence, ...] | None = None,
    holidays: HolidaySource = "auto",
    include_regional_holidays: bool = False,
    december_half_days: bool = False,
) -> Calendar:
    """Build the calendar of `employee`, reading the absences unless given.

    When the employee record has no work schedule, the credential's readable
    attributes are read once per client (`work_schedules.schedule_readable`), so
    that the calendar's note states whether the credential may not read "Work
    schedule" or the employee has none. Raises ValueError or TypeError for invalid
    `holidays` before any request.
    """
    holidays = check_holidays(holidays)
    if absences is None:
        absences = tuple(
            client.absences.list(employee_ids=[employee.id], start=start, end=end)
        )
    schedule_readable: bool | None = None
    if _schedule_missing(employee):
        schedule_readable = client.work_schedules.schedule_readable(refresh=False)
    return employee_calendar(
        employee=employee,
        absences=absences,
        start=start,
        end=end,
        holidays=holidays,
        include_regional_holidays=include_regional_holidays,
        december_half_days=december_half_days,
        schedule_readable=schedule_readable,
    )


def _schedule_missing(employee: Employee) -> bool:
    """Tell whether Personio sent no work schedule, so the reason is unknown."""
    schedule = employee.work_schedule
    no_days = schedule is None or not any(
        schedule.hours(weekday) is not None for weekday in range(7)
    )
    return no_days and not employee.is_readable("work_schedule")


def sync_employee(
    client: PersonioClient,
    email: str,
    *,
    start: date,
    end: date,
    holidays: HolidaySource = "auto",
    include_regional_holidays: bool = False,
    december_half_days: bool = False,
) -> SyncResult:
    """Read everything a time-tracking backend needs about one employee.

    The requests are: the token (first call of a client only), the employee by
    email, the absence types (cached per client), time-offs, hour-based absence
    periods and the balances. The work schedule comes with the employee record.
    When it is missing, the credential's readable attributes are read once per
    client to explain why (see `employee_calendar_for`). The calendar and
    remaining vacation days are computed from what was read.
    Raises ValueError or TypeError for an invalid range or `holidays` before any
    request.
    """
    holidays = check_holidays(holidays)
    first, last = check_range(start, end)
    employee = client.employees.find_by_email(email)
    absences = tuple(
        client.absences.list(employee_ids=[employee.id], start=first, end=last)
    )
    balances = tuple(client.balances.list(employee.id))
    calendar = employee_calendar_for(
        client,
        employee,
        start=first,
        end=last,
        absences=absences,
        holidays=holidays,
        include_regional_holidays=include_regional_holidays,
        december_half_days=december_half_days,
    )
    return SyncResult(
        employee=employee,
        work_schedule=employee.work_schedule,
        absences=absences,
        balances=balances,
        remaining_vacation_days=client.balances.remaining_from(balances),
        calendar=calendar,
    )
