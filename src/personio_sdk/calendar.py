"""A day-by-day calendar of an employee: scheduled hours, absences, holidays, targets.

The calendar is computed by pure functions from models, so it needs no network.
`build_calendar` takes the employee, their absences and the public holidays;
`employee_calendar` also looks the holidays up from the employee's holiday calendar.
All quantities are `Decimal`, written without trailing zeros or exponent (`165`,
`7.5`, `0.25`). They are not rounded, so a quotient such as 2 hours of a 7.5-hour
day keeps the 28 significant digits of Decimal's default context
(0.2666666666666666666666666667); round it for display. The rules, each tested:

Range and employment
    One `CalendarDay` per date from `start` to `end`, inclusive. An absence that
    starts before `start` or ends after `end` contributes only its days inside the
    range. Days before the hire date or after the termination date are not
    employed: they schedule 0 hours, list no absences, have target 0 and a note.

Scheduled hours
    From the work schedule's hours for the weekday. When the schedule has no hours
    per weekday (only weekly hours are known), `scheduled_hours` and `target_hours`
    are None on those days and every total of the calendar is None, with a note.
    The note gives the reason: an employee without a schedule, a credential that
    may not read the "Work schedule" attribute, or, when neither is known, both.
    The calendar never raises for an unknown schedule.
    The weekly hours are never spread over days. Absences are still listed on such
    days: a day-based one with its fraction (1 or 0.5), an hour-based one with its
    hours and fraction None, and the day's `kind` is set.

Absences
    Only approved absences of the employee count. Others (pending, requested,
    rejected, another employee's) are skipped and counted in a note. A day-based
    absence covers each of its dates with fraction 1, or 0.5 on its first date when
    `half_day_start` is set and on its last date when `half_day_end` is set. A
    one-day absence with either flag or both is 0.5. The calendar computes these
    shares itself and never divides Personio's `days_count`. An hour-based absence
    covers the dates of its per-date breakdown with those hours, and its fraction is
    hours / scheduled hours, at most 1. One without a breakdown counts only when it
    lies on one date; otherwise it is skipped with a note.

Days without scheduled hours
    On a day with 0 scheduled hours (a weekend or day off inside a vacation) the
    absences are listed with fraction 0 and count no absence day, and target is 0.

Off-site work
    An absence whose type counts as work (home office, business trip) is listed but
    reduces no target hours, counts no absence day and is never the day's kind.

Several absences on one day
    All are listed. They are counted in the order of `KIND_PRIORITY` (public
    holiday, sick leave, vacation, personal time off, other), larger fraction first
    within a kind. Each one counts at most what the earlier ones left of the
    scheduled day, so the absent share of a day is at most 1, and its
    `counted_fraction` is the share it counted. The day's `kind` is the kind with
    the largest counted share, ties going to the earlier kind in `KIND_PRIORITY`.

Public holidays
    A date in `holidays` is a PUBLIC_HOLIDAY for the whole day, a date in
    `half_day_holidays` for half of it (24 and 31 December as a company rule). A
    holiday time-off recorded in Personio (kind PUBLIC_HOLIDAY) on such a date is
    the same holiday: both are listed, and only the larger share counts.

Target hours
    Scheduled hours minus the counted absent hours, never below 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, overload

from personio_sdk._calendar_days import (
    KIND_PRIORITY,
    CalendarDay,
    DayAbsence,
    DayInput,
    build_day,
    collect_absences,
    plain_decimal,
)
from personio_sdk._calendar_notes import schedule_notes
from personio_sdk._holidays import december_half_day_dates, public_holidays
from personio_sdk.models.kinds import AbsenceKind

if TYPE_CHECKING:
    from personio_sdk.models.absences import Absence
    from personio_sdk.models.employees import Employee

__all__ = [
    "KIND_PRIORITY",
    "Calendar",
    "CalendarDay",
    "DayAbsence",
    "build_calendar",
    "employee_calendar",
]

_ZERO = Decimal(0)
_HOLIDAY_FORMS = (
    'pass "auto", None, or a mapping of datetime.date to the holiday\'s name such '
    'as {date(2026, 12, 25): "Christmas Day"}'
)


@dataclass(frozen=True)
class Calendar(Sequence[CalendarDay]):
    """The days of an employee from `start` to `end`, inclusive, with their totals.

    A sequence of `CalendarDay`, one per date in order. `notes` explains whatever
    the caller should know about the result, such as a missing holiday source or an
    unknown schedule: the calendar raises no warnings.
    """

    employee_id: int
    start: date
    end: date
    days: tuple[CalendarDay, ...]
    notes: tuple[str, ...] = ()

    @overload
    def __getitem__(self, index: int) -> CalendarDay: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[CalendarDay, ...]: ...

    def __getitem__(self, index: int | slice) -> CalendarDay | tuple[CalendarDay, ...]:
        return self.days[index]

    def __len__(self) -> int:
        return len(self.days)

    def __iter__(self) -> Iterator[CalendarDay]:
        return iter(self.days)

    def day(self, on: date) -> CalendarDay:
        """Return the day of the date `on`. Raises KeyError outside the range."""
        if not self.start <= on <= self.end:
            raise KeyError(on)
        return self.days[(on - self.start).days]

    @property
    def hours_known(self) -> bool:
        """True when every day's scheduled hours are known, so the totals are set."""
        return all(day.scheduled_hours is not None for day in self.days)

    @property
    def total_scheduled_hours(self) -> Decimal | None:
        """Sum of the scheduled hours, or None when any day's hours are unknown."""
        return _sum_or_none(day.scheduled_hours for day in self.days)

    @property
    def total_target_hours(self) -> Decimal | None:
        """Sum of the target hours, or None when any day's hours are unknown."""
        return _sum_or_none(day.target_hours for day in self.days)

    def absence_days(self, kind: AbsenceKind) -> Decimal | None:
        """Count the days of `kind` taken in the range, as a sum of counted shares.

        A half day counts 0.5, two hours of a 6-hour day count 1/3. Off-site work and
        days without scheduled hours count nothing. None when any day's scheduled
        hours are unknown, because whether such a day is a working day is unknown.
        """
        totals = self.totals_by_kind
        return None if totals is None else totals[kind]

    @property
    def totals_by_kind(self) -> dict[AbsenceKind, Decimal] | None:
        """Days taken per kind, 0 for a kind not taken; None as for `absence_days`."""
        if not self.hours_known:
            return None
        totals = dict.fromkeys(AbsenceKind, _ZERO)
        for day in self.days:
            for entry in day.absences:
                if entry.counted_fraction and not entry.counts_as_work:
                    totals[entry.kind] += entry.counted_fraction
        return {kind: plain_decimal(days) for kind, days in totals.items()}


def check_holiday_dates(value: object, argument: str) -> dict[date, str]:
    """Return `value`, a mapping of dates to holiday names, as a dict.

    Raises TypeError naming `argument` when `value` is not a mapping, a key is not
    a `datetime.date` (a `datetime` included, because it never equals a date) or a
    name is not a str. A list of dates is rejected too: give each date a name.
    """
    if not isinstance(value, Mapping):
        raise TypeError(
            f"{argument} must be a mapping of dates to names, got "
            f"{type(value).__name__}; {_HOLIDAY_FORMS}"
        )
    for day, name in value.items():
        if isinstance(day, datetime) or not isinstance(day, date):
            raise TypeError(
                f"{argument} keys must be datetime.date, got {type(day).__name__} "
                f"{day!r}; {_HOLIDAY_FORMS}"
            )
        if not isinstance(name, str):
            raise TypeError(
                f"{argument}[{day.isoformat()}] must be the holiday's name as a str, "
                f"got {type(name).__name__}"
            )
    return dict(value)


def check_holiday_source(
    value: object, argument: str = "holidays"
) -> dict[date, str] | Literal["auto"] | None:
    """Return the public-holiday source `value` if it is one of the accepted forms.

    The forms are `"auto"` (exactly, in lower case), None, and a mapping of
    `datetime.date` to the holiday's name. Raises ValueError naming `argument` for
    any other string and TypeError for any other type, see `check_holiday_dates`.
    """
    if value is None:
        return None
    if isinstance(value, str):
        if value == "auto":
            return "auto"
        raise ValueError(
            f"{argument} {value!r} is not a holiday source; {_HOLIDAY_FORMS}"
        )
    return check_holiday_dates(value, argument)


def build_calendar(
    *,
    employee: Employee,
    absences: Iterable[Absence],
    start: date,
    end: date,
    holidays: Mapping[date, str] | None = None,
    half_day_holidays: Mapping[date, str] | None = None,
    notes: Sequence[str] = (),
    schedule_readable: bool | None = None,
) -> Calendar:
    """Build the calendar of `employee` from `start` to `end`, inclusive.

    `absences` may contain absences of any status and employee; only the approved
    ones of `employee` count. `holidays` maps full-day public holidays to their
    names, `half_day_holidays` those that take half of the scheduled day. With
    `holidays=None` the calendar gets a note that no public holidays were given,
    while an empty mapping means that there are none. `notes` come first in the
    calendar's notes, for example the note of a holiday lookup.
    `schedule_readable` words the note on unknown hours when the employee record
    has no work schedule: True when the API credential may read the "Work schedule"
    attribute, so the employee has none, False when it may not, None when unknown
    (`client.work_schedules.schedule_readable()` finds out). The module docstring
    lists the rules.

    Raises:
        ValueError: `end` is before `start`.
        TypeError: `holidays` or `half_day_holidays` is not a mapping of
            `datetime.date` to str.
    """
    if end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    full_days = {} if holidays is None else check_holiday_dates(holidays, "holidays")
    half_day_dates = (
        {}
        if half_day_holidays is None
        else check_holiday_dates(half_day_holidays, "half_day_holidays")
    )
    collected = collect_absences(employee.id, absences, start, end)
    all_notes = list(notes)
    if holidays is None:
        all_notes.append(
            "No public holidays were given, so only holiday time-offs recorded in "
            "Personio are marked; pass holidays={date: name}, or {} if there are none."
        )
    half_days = {
        day: name for day, name in half_day_dates.items() if day not in full_days
    }
    days: list[CalendarDay] = []
    # Counting days instead of stepping a date past `end` keeps date.max in range.
    for offset in range((end - start).days + 1):
        current = start + timedelta(days=offset)
        days.append(
            build_day(
                DayInput(
                    on=current,
                    scheduled=_scheduled(employee, current),
                    employed=_employed(employee, current),
                    holiday=full_days.get(current),
                    half_day_holiday=half_days.get(current),
                    absences=collected.by_date.get(current, ()),
                )
            )
        )
    all_notes.extend(collected.notes)
    all_notes.extend(
        schedule_notes(employee, days, schedule_readable=schedule_readable)
    )
    return Calendar(
        employee_id=employee.id,
        start=start,
        end=end,
        days=tuple(days),
        notes=tuple(all_notes),
    )


def employee_calendar(
    *,
    employee: Employee,
    absences: Iterable[Absence],
    start: date,
    end: date,
    holidays: Mapping[date, str] | Literal["auto"] | None = "auto",
    include_regional_holidays: bool = False,
    december_half_days: bool = False,
    notes: Sequence[str] = (),
    schedule_readable: bool | None = None,
) -> Calendar:
    """Build the calendar of `employee`, with public holidays from a chosen source.

    `holidays` is the source. `"auto"` looks them up from the employee's holiday
    calendar through the optional `holidays` package (see `public_holidays`). A
    mapping of `datetime.date` to names uses those dates. None marks no public
    holidays, so only holiday time-offs recorded in Personio count. No other form
    is accepted: for a list of dates, give each a name. `include_regional_holidays` adds
    holidays of parts of a state to the lookup. `december_half_days` makes 24 and
    31 December half-day holidays with any source. `notes` come first in the
    calendar's notes, followed by the note of the holiday lookup, if any.
    `schedule_readable` is passed to `build_calendar`.

    Raises:
        ValueError: `end` is before `start`, or `holidays` is a string other than
            `"auto"`.
        TypeError: `holidays` is neither `"auto"`, None nor a mapping of
            `datetime.date` to str.
    """
    source = check_holiday_source(holidays)
    if end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    all_notes = list(notes)
    if source == "auto":
        lookup = public_holidays(
            employee.holiday_calendar,
            start,
            end,
            include_regional=include_regional_holidays,
            december_half_days=december_half_days,
        )
        full_days, half_days = lookup.dates, lookup.half_day_dates
        if lookup.note:
            all_notes.append(lookup.note)
    else:
        full_days = source or {}
        half_days = december_half_day_dates(start, end) if december_half_days else {}
    return build_calendar(
        employee=employee,
        absences=absences,
        start=start,
        end=end,
        holidays=full_days,
        half_day_holidays=half_days,
        notes=all_notes,
        schedule_readable=schedule_readable,
    )


def _sum_or_none(values: Iterable[Decimal | None]) -> Decimal | None:
    total = _ZERO
    for value in values:
        if value is None:
            return None
        total += value
    return plain_decimal(total)


def _employed(employee: Employee, on: date) -> bool:
    if employee.hire_date is not None and on < employee.hire_date:
        return False
    return employee.termination_date is None or on <= employee.termination_date


def _scheduled(employee: Employee, on: date) -> Decimal | None:
    schedule = employee.work_schedule
    return None if schedule is None else schedule.hours_on(on)
