"""Records of the demo company, stored compactly so that 200,000 absences stay small.

Employees are one object each. Absences live in column arrays (one `array` per field),
which keeps a large company to a few bytes per field and lets the store slice pages
without building objects for records no request selects.
"""

from __future__ import annotations

import datetime as dt
from array import array
from dataclasses import dataclass, field

from personio_sdk.sandbox._calendars import CALENDARS, HolidayCalendar, public_holidays
from personio_sdk.sandbox._catalog import OrgUnit, WorkSchedule


@dataclass(slots=True)
class EmployeeRecord:
    """One employee with plain values; the serializer wraps them as Personio does.

    `schedule` is what the API shows: a schedule, `None` (attribute absent) or `""`.
    `counting_schedule` is what days are counted with, which exists even when the
    API hides the schedule.
    """

    id: int
    first_name: str
    last_name: str
    email: str
    gender: str
    status: str
    position: str
    region: str
    schedule: WorkSchedule | str | None
    counting_schedule: WorkSchedule
    weekly_hours: str
    hire_date: dt.date
    created_at: int
    last_modified_at: int
    department: OrgUnit
    team: OrgUnit | None
    supervisor_id: int | None = None
    termination_date: dt.date | None = None
    termination_type: str | None = None
    termination_reason: str | None = None
    contract_end_date: dt.date | None = None
    probation_period_end: dt.date | None = None
    employment_type: str = "internal"
    fix_salary: int = 4000
    vacation_entitlement: float = 30.0
    title: str | None = None
    iban: str = ""
    birthday: str | None = None
    languages: tuple[str, ...] = ()
    shirt_size: str | None = None

    @property
    def calendar(self) -> HolidayCalendar:
        """The employee's holiday calendar."""
        return CALENDARS[self.region]

    @property
    def preferred_name(self) -> str:
        """The display name Personio derives from first and last name."""
        return f"{self.first_name} {self.last_name}"


# First and last day that the day tables cover: every generated absence fits in here.
SPAN_START = dt.date(2025, 10, 1)
SPAN_END = dt.date(2027, 3, 31)
_SPAN_BASE = SPAN_START.toordinal()
_SPAN_DAYS = SPAN_END.toordinal() - _SPAN_BASE + 1


class WorkingDays:
    """Prefix sums of working days for one schedule and one holiday calendar.

    `count(first, last)` is O(1), so counting `days_count` for 200,000 absences costs
    no more than generating them.
    """

    def __init__(
        self, schedule: WorkSchedule, calendar: HolidayCalendar | None
    ) -> None:
        holidays: set[int] = set()
        if calendar is not None:
            for year in range(SPAN_START.year, SPAN_END.year + 1):
                holidays |= {day.toordinal() for day in public_holidays(calendar, year)}
        self.working = array("b", bytes(_SPAN_DAYS))
        self.prefix = array("i", [0] * (_SPAN_DAYS + 1))
        self.ordinals = array("i")
        weekday = SPAN_START.weekday()
        running = 0
        for index in range(_SPAN_DAYS):
            works = schedule.minutes[(weekday + index) % 7] > 0
            if works and _SPAN_BASE + index not in holidays:
                self.working[index] = 1
                self.ordinals.append(_SPAN_BASE + index)
                running += 1
            self.prefix[index + 1] = running

    def is_working(self, ordinal: int) -> bool:
        """Tell whether the day is scheduled and not a public holiday."""
        return self.working[ordinal - _SPAN_BASE] == 1

    def count(self, first: int, last: int) -> int:
        """Return the working days from ordinal `first` to `last`, both included."""
        if last < first:
            return 0
        return self.prefix[last - _SPAN_BASE + 1] - self.prefix[first - _SPAN_BASE]

    def days_count(
        self, first: int, last: int, half_start: bool, half_end: bool
    ) -> float:
        """Return Personio's `days_count`: working days less 0.5 per half-day flag."""
        days = float(self.count(first, last))
        if half_start and self.is_working(first):
            days -= 0.5
        single_day_with_start_flag = half_start and last == first
        if half_end and self.is_working(last) and not single_day_with_start_flag:
            days -= 0.5
        return days


_working_days_cache: dict[tuple[int, int | None], WorkingDays] = {}


def working_days(
    schedule: WorkSchedule, calendar: HolidayCalendar | None
) -> WorkingDays:
    """Return the shared day table of a schedule and calendar (None: no holidays)."""
    key = (schedule.id, None if calendar is None else calendar.id)
    table = _working_days_cache.get(key)
    if table is None:
        table = WorkingDays(schedule, calendar)
        _working_days_cache[key] = table
    return table


# Per-record style bits: how the record spells half-day flags and UTC offsets.
STYLE_INT_FLAGS = 1
STYLE_COLON_OFFSET = 2


@dataclass
class TimeOffTable:
    """Day-based absences (`TimeOffPeriod`), one array per field, indexed by row.

    `days_x2` is twice `days_count`, because days come in halves.
    """

    ids: array[int] = field(default_factory=lambda: array("q"))
    employee: array[int] = field(default_factory=lambda: array("i"))
    type_index: array[int] = field(default_factory=lambda: array("b"))
    status: array[int] = field(default_factory=lambda: array("b"))
    start: array[int] = field(default_factory=lambda: array("i"))
    end: array[int] = field(default_factory=lambda: array("i"))
    half_start: array[int] = field(default_factory=lambda: array("b"))
    half_end: array[int] = field(default_factory=lambda: array("b"))
    days_x2: array[int] = field(default_factory=lambda: array("i"))
    created: array[int] = field(default_factory=lambda: array("q"))
    updated: array[int] = field(default_factory=lambda: array("q"))
    style: array[int] = field(default_factory=lambda: array("b"))

    def __len__(self) -> int:
        return len(self.ids)

    def append(
        self,
        *,
        id_: int,
        employee: int,
        type_index: int,
        status: int,
        start: int,
        end: int,
        half_start: bool,
        half_end: bool,
        days: float,
        created: int,
        updated: int,
        style: int,
    ) -> None:
        """Add one absence; dates are ordinals, times Unix seconds."""
        self.ids.append(id_)
        self.employee.append(employee)
        self.type_index.append(type_index)
        self.status.append(status)
        self.start.append(start)
        self.end.append(end)
        self.half_start.append(1 if half_start else 0)
        self.half_end.append(1 if half_end else 0)
        self.days_x2.append(round(days * 2))
        self.created.append(created)
        self.updated.append(updated)
        self.style.append(style)


@dataclass
class PeriodTable:
    """Hour-based absences (`AbsencePeriod`), one array per field, indexed by row.

    A period covers `day_count` consecutive local dates from `first_day`, each with
    `daily_minutes` from `start_minute` local time; its instants are derived from that.
    """

    ids: list[str] = field(default_factory=list)
    employee: array[int] = field(default_factory=lambda: array("i"))
    type_index: array[int] = field(default_factory=lambda: array("b"))
    status: array[int] = field(default_factory=lambda: array("b"))
    first_day: array[int] = field(default_factory=lambda: array("i"))
    day_count: array[int] = field(default_factory=lambda: array("b"))
    start_minute: array[int] = field(default_factory=lambda: array("h"))
    daily_minutes: array[int] = field(default_factory=lambda: array("h"))
    created: array[int] = field(default_factory=lambda: array("q"))
    updated: array[int] = field(default_factory=lambda: array("q"))

    def __len__(self) -> int:
        return len(self.ids)

    def last_day(self, row: int) -> int:
        """Return the ordinal of the period's last local date."""
        return self.first_day[row] + self.day_count[row] - 1

    def append(
        self,
        *,
        id_: str,
        employee: int,
        type_index: int,
        status: int,
        first_day: int,
        day_count: int,
        start_minute: int,
        daily_minutes: int,
        created: int,
        updated: int,
    ) -> None:
        """Add one hour-based absence; dates are ordinals, times Unix seconds."""
        self.ids.append(id_)
        self.employee.append(employee)
        self.type_index.append(type_index)
        self.status.append(status)
        self.first_day.append(first_day)
        self.day_count.append(day_count)
        self.start_minute.append(start_minute)
        self.daily_minutes.append(daily_minutes)
        self.created.append(created)
        self.updated.append(updated)


@dataclass
class Company:
    """The whole demo company: employees by id order and both absence tables."""

    employees: list[EmployeeRecord]
    time_offs: TimeOffTable
    periods: PeriodTable
    today: dt.date
