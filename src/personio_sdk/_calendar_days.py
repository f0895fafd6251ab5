"""The days of a calendar: each absence's share of a date, and how shares are counted.

`personio_sdk.calendar` documents the rules and re-exports the public classes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, overload

from personio_sdk._calendar_notes import absence_notes
from personio_sdk.models.kinds import AbsenceKind

if TYPE_CHECKING:
    from personio_sdk.models.absences import Absence

__all__ = [
    "KIND_PRIORITY",
    "CalendarDay",
    "CollectedAbsences",
    "DayAbsence",
    "DayEntry",
    "DayInput",
    "build_day",
    "collect_absences",
    "plain_decimal",
]

KIND_PRIORITY: tuple[AbsenceKind, ...] = (
    AbsenceKind.PUBLIC_HOLIDAY,
    AbsenceKind.SICK_LEAVE,
    AbsenceKind.VACATION,
    AbsenceKind.PERSONAL_TIME_OFF,
    AbsenceKind.OTHER,
)
"""Order in which the absences of one day are counted.

A public holiday comes first, because no vacation day is spent on a holiday. Sick
leave comes before vacation, because in Germany a day of illness during a vacation,
certified by a doctor, is not taken from the vacation (Bundesurlaubsgesetz § 9).
"""

_ZERO = Decimal(0)
_HALF = Decimal("0.5")
_ONE = Decimal(1)


@overload
def plain_decimal(value: Decimal) -> Decimal: ...


@overload
def plain_decimal(value: None) -> None: ...


def plain_decimal(value: Decimal | None) -> Decimal | None:
    """Drop trailing zeros of a quantity without exponent notation: 165, 7.5, 0.25.

    `Decimal.normalize()` alone would turn 165.0 into 1.65E+2, so whole values are
    quantized to an integer instead. A value of at most 28 significant digits, as
    Decimal's default context computes, keeps its value; None stays None.
    """
    if value is None:
        return None
    if value == value.to_integral_value():
        # Adding zero also turns a negative zero into 0.
        return value.quantize(_ONE) + _ZERO
    return value.normalize()


@dataclass(frozen=True)
class DayAbsence:
    """One absence or public holiday on one date of a calendar."""

    absence_id: str | None
    """The Personio absence id, or None for a public holiday from the holiday source."""
    kind: AbsenceKind
    fraction: Decimal | None
    """Share of the scheduled day the absence covers: 1, 0.5 for a half day, hours /
    scheduled hours for an hour-based absence (at most 1), and 0 on a day without
    scheduled hours. None for an hour-based absence when the scheduled hours are
    unknown."""
    hours: Decimal | None
    """Hours of the absence on this date: as recorded for hour-based absences, else
    fraction times scheduled hours. None when the scheduled hours are unknown."""
    name: str | None
    """The absence type's name, or the public holiday's name."""
    counts_as_work: bool
    """True for off-site work, which reduces no target hours."""
    counted_fraction: Decimal | None
    """Share of the scheduled day this absence counts for, after the absences
    counted before it on this date; 0 for off-site work. None when it cannot be
    known (an hour-based absence on a day of unknown hours)."""


@dataclass(frozen=True)
class CalendarDay:
    """One date of a calendar with its scheduled hours, absences and target hours."""

    date: date
    weekday: int
    """0 is Monday and 6 is Sunday, as in `date.weekday()`."""
    scheduled_hours: Decimal | None
    """Contracted hours, 0 on days off and outside employment. None when the work
    schedule has no hours for this weekday."""
    absences: tuple[DayAbsence, ...]
    """Absences and public holidays on this date in the order they were counted,
    off-site work last."""
    kind: AbsenceKind | None
    """Kind of the dominant absence, or None on a day without counted time off."""
    target_hours: Decimal | None
    """Scheduled hours minus the counted absent hours, never below 0. None when the
    scheduled hours are unknown."""
    holiday: str | None
    """Name of the public holiday on this date (also on a day off), or None."""
    employed: bool
    """False before the hire date and after the termination date."""


@dataclass(frozen=True)
class DayEntry:
    """An absence on one date before it is measured against the scheduled hours."""

    absence_id: str | None
    kind: AbsenceKind
    name: str | None
    counts_as_work: bool
    share: Decimal | None = None
    """Day-based: 1 or 0.5."""
    hours: Decimal | None = None
    """Hour-based: the hours recorded on this date."""
    from_personio: bool = True


@dataclass(frozen=True)
class DayInput:
    """Everything `build_day` needs to know about one date."""

    on: date
    scheduled: Decimal | None
    employed: bool
    holiday: str | None = None
    half_day_holiday: str | None = None
    absences: tuple[DayEntry, ...] = ()


@dataclass
class CollectedAbsences:
    """Approved absences spread over the dates of a range, and notes on the rest."""

    by_date: dict[date, tuple[DayEntry, ...]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def collect_absences(
    employee_id: int, absences: Iterable[Absence], start: date, end: date
) -> CollectedAbsences:
    """Spread the approved absences of `employee_id` over the dates `start`..`end`."""
    by_date: dict[date, list[DayEntry]] = {}
    unapproved: Counter[str] = Counter()
    other_employees = 0
    reversed_ids: list[str] = []
    unspread_ids: list[str] = []
    for absence in absences:
        if absence.employee_id != employee_id:
            other_employees += 1
        elif not _is_approved(absence.status):
            unapproved[_status_label(absence.status)] += 1
        elif absence.end_date < absence.start_date:
            reversed_ids.append(absence.id)
        elif absence.overlaps(start, end):
            shares = _spread(absence, start, end)
            if shares is None:
                unspread_ids.append(absence.id)
                continue
            for on, entry in shares:
                by_date.setdefault(on, []).append(entry)

    notes = absence_notes(unapproved, other_employees, reversed_ids, unspread_ids)
    return CollectedAbsences(
        by_date={on: tuple(entries) for on, entries in by_date.items()}, notes=notes
    )


def _status_label(status: object) -> str:
    if status is None:
        return "without status"
    return str(getattr(status, "value", status))


def _is_approved(status: object) -> bool:
    # A plain "approved" string counts as well as AbsenceStatus.APPROVED.
    return isinstance(status, str) and status.strip().lower() == "approved"


def _spread(
    absence: Absence, start: date, end: date
) -> list[tuple[date, DayEntry]] | None:
    """Return the absence's entries on the dates in range.

    None when its hours cannot be spread over dates (no breakdown, several days).
    """
    if absence.unit == "hour":
        return _spread_hours(absence, start, end)
    shares: list[tuple[date, DayEntry]] = []
    first = max(absence.start_date, start)
    last = min(absence.end_date, end)
    # Counting days instead of stepping a date past `last` keeps date.max in range.
    for offset in range((last - first).days + 1):
        on = first + timedelta(days=offset)
        half = (on == absence.start_date and absence.half_day_start) or (
            on == absence.end_date and absence.half_day_end
        )
        shares.append((on, _entry(absence, share=_HALF if half else _ONE)))
    return shares


def _spread_hours(
    absence: Absence, start: date, end: date
) -> list[tuple[date, DayEntry]] | None:
    hours_by_date: dict[date, Decimal] = {}
    for part in absence.breakdown:
        hours_by_date[part.date] = hours_by_date.get(part.date, _ZERO) + part.hours
    if not absence.breakdown:
        if absence.start_date != absence.end_date or absence.hours is None:
            return None
        hours_by_date[absence.start_date] = absence.hours
    return [
        (on, _entry(absence, hours=hours))
        for on, hours in sorted(hours_by_date.items())
        if start <= on <= end
    ]


def _entry(
    absence: Absence, *, share: Decimal | None = None, hours: Decimal | None = None
) -> DayEntry:
    return DayEntry(
        absence_id=absence.id,
        kind=absence.kind,
        name=absence.type_name,
        counts_as_work=absence.counts_as_work,
        share=share,
        hours=hours,
    )


def build_day(day: DayInput) -> CalendarDay:
    """Measure the day's absences against its scheduled hours and count them."""
    holiday = day.holiday or day.half_day_holiday
    if not day.employed:
        return CalendarDay(
            date=day.on,
            weekday=day.on.weekday(),
            scheduled_hours=_ZERO,
            absences=(),
            kind=None,
            target_hours=_ZERO,
            holiday=holiday,
            employed=False,
        )

    entries = list(day.absences)
    if day.holiday is not None:
        entries.append(_holiday_entry(day.holiday, _ONE))
    elif day.half_day_holiday is not None:
        entries.append(_holiday_entry(day.half_day_holiday, _HALF))
    measured = [_measure(entry, day.scheduled) for entry in entries]
    time_off = sorted((m for m in measured if not m.entry.counts_as_work), key=_order)
    work = [m for m in measured if m.entry.counts_as_work]
    counted, remaining = _count(time_off, day.scheduled)
    listed = counted + [m.listed(_ZERO) for m in work]

    if holiday is None:
        holiday = next(
            (
                m.entry.name
                for m in time_off
                if m.entry.kind is AbsenceKind.PUBLIC_HOLIDAY
            ),
            None,
        )
    return CalendarDay(
        date=day.on,
        weekday=day.on.weekday(),
        scheduled_hours=plain_decimal(day.scheduled),
        absences=tuple(listed),
        kind=_dominant(counted),
        target_hours=None
        if remaining is None
        else plain_decimal(max(remaining, _ZERO)),
        holiday=holiday,
        employed=True,
    )


def _holiday_entry(name: str, share: Decimal) -> DayEntry:
    return DayEntry(
        absence_id=None,
        kind=AbsenceKind.PUBLIC_HOLIDAY,
        name=name,
        counts_as_work=False,
        share=share,
        from_personio=False,
    )


@dataclass(frozen=True)
class _Measured:
    entry: DayEntry
    fraction: Decimal | None
    hours: Decimal | None
    absent_hours: Decimal | None
    """The hours this entry takes from the scheduled day, at most all of them."""

    def listed(self, counted: Decimal | None) -> DayAbsence:
        return DayAbsence(
            absence_id=self.entry.absence_id,
            kind=self.entry.kind,
            fraction=plain_decimal(self.fraction),
            hours=plain_decimal(self.hours),
            name=self.entry.name,
            counts_as_work=self.entry.counts_as_work,
            counted_fraction=plain_decimal(counted),
        )


def _measure(entry: DayEntry, scheduled: Decimal | None) -> _Measured:
    if entry.share is not None:
        if scheduled is None:
            return _Measured(entry, entry.share, None, None)
        if scheduled == _ZERO:
            return _Measured(entry, _ZERO, _ZERO, _ZERO)
        hours = entry.share * scheduled
        return _Measured(entry, entry.share, hours, hours)
    recorded = entry.hours if entry.hours is not None else _ZERO
    if scheduled is None:
        return _Measured(entry, None, recorded, None)
    if scheduled == _ZERO:
        return _Measured(entry, _ZERO, recorded, _ZERO)
    absent = min(recorded, scheduled)
    return _Measured(entry, absent / scheduled, recorded, absent)


def _order(measured: _Measured) -> tuple[int, Decimal, bool, str]:
    entry = measured.entry
    larger_first = -(measured.fraction or _ZERO)
    # The holiday source comes before a holiday time-off of the same share.
    return (
        KIND_PRIORITY.index(entry.kind),
        larger_first,
        entry.from_personio,
        entry.absence_id or "",
    )


def _count(
    time_off: list[_Measured], scheduled: Decimal | None
) -> tuple[list[DayAbsence], Decimal | None]:
    """Count each entry's share in order, and return the entries and the hours left.

    On a day of known hours the shares are counted in hours, so that the target is
    exact. On a day of unknown hours they are counted as fractions of the day, and
    no hours are left to report.
    """
    left = _ONE if scheduled is None else scheduled
    holiday_counted = False
    listed: list[DayAbsence] = []
    for measured in time_off:
        is_holiday = measured.entry.kind is AbsenceKind.PUBLIC_HOLIDAY
        absent = measured.fraction if scheduled is None else measured.absent_hours
        if absent is None:
            listed.append(measured.listed(None))
            continue
        counted = _ZERO if is_holiday and holiday_counted else min(absent, left)
        holiday_counted = holiday_counted or is_holiday
        left -= counted
        if scheduled is None or counted == absent:
            # Keep the exact fraction instead of dividing again.
            share = counted if scheduled is None else measured.fraction
        else:
            share = counted / scheduled
        listed.append(measured.listed(share))
    return listed, None if scheduled is None else left


def _dominant(counted: list[DayAbsence]) -> AbsenceKind | None:
    """Pick the kind with the largest counted share, ties by `KIND_PRIORITY`."""
    shares: dict[AbsenceKind, Decimal] = {}
    for entry in counted:
        if entry.counted_fraction:
            shares[entry.kind] = shares.get(entry.kind, _ZERO) + entry.counted_fraction
    if not shares:
        # An hour-based absence on a day of unknown hours still names the day.
        unmeasured = [e.kind for e in counted if e.counted_fraction is None and e.hours]
        return min(unmeasured, key=KIND_PRIORITY.index, default=None)
    return max(shares, key=lambda kind: (shares[kind], -KIND_PRIORITY.index(kind)))
