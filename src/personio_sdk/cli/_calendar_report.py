"""The `personio calendar` subcommand: scheduled, absent and target hours per day.

CSV output has one row per date. The `absence_*` columns list the absences of the
date in the order they were counted, joined by "; ", so the n-th value of each
column belongs to the same absence. `absence_counted_fraction` is the share of the
scheduled day each one counted, so `target_hours` is `scheduled_hours` times one
minus their sum, up to the rounding of repeating fractions such as 2/7.5.
"""

from __future__ import annotations

import argparse
import calendar as calendar_module
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TextIO

from personio_sdk._client import PersonioClient
from personio_sdk._sync import employee_calendar_for
from personio_sdk.calendar import Calendar, CalendarDay, DayAbsence
from personio_sdk.cli._commands import (
    describe_employee,
    employee_summary,
    kind_label,
    resolve_employee,
)
from personio_sdk.cli._output import (
    Column,
    Report,
    format_cell,
)
from personio_sdk.cli._parser import DateRange, calendar_range
from personio_sdk.models.employees import Employee
from personio_sdk.models.kinds import AbsenceKind

# English names, independent of the process locale, so output is the same everywhere.
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ZERO = Decimal(0)
_HALF = Decimal("0.5")
_ONE = Decimal(1)


def absence_text(absence: DayAbsence) -> str:
    """Describe one absence of a day: kind, type name and its share when partial."""
    text = kind_label(absence.kind)
    if absence.name:
        text += f": {absence.name}"
    if absence.counts_as_work:
        return text + " (counts as work)"
    if absence.fraction == _ZERO:
        return text + " (day off)"
    if absence.fraction == _HALF:
        text += ", ½ day"
    elif absence.fraction != _ONE and absence.hours is not None:
        text += f", {format_cell(absence.hours)} h"
    elif absence.fraction is not None and absence.fraction != _ONE:
        text += f", {format_cell(absence.fraction)} day"
    if absence.counted_fraction == _ZERO:
        # Another absence of the day, such as a public holiday, already took it.
        text += " (not counted)"
    return text


def _holiday_listed(day: CalendarDay) -> bool:
    return any(item.kind is AbsenceKind.PUBLIC_HOLIDAY for item in day.absences)


def day_texts(day: CalendarDay) -> list[str]:
    """Describe every absence of a day, with a holiday the absences do not list."""
    if not day.employed:
        return ["not employed"]
    texts = [absence_text(absence) for absence in day.absences]
    if day.holiday and not _holiday_listed(day):
        texts.insert(0, f"{kind_label(AbsenceKind.PUBLIC_HOLIDAY)}: {day.holiday}")
    return texts


def _day_record(day: CalendarDay) -> dict[str, Any]:
    return {
        "date": day.date,
        "weekday": _WEEKDAYS[day.date.weekday()],
        "week": day.date.isocalendar()[1],
        "scheduled_hours": day.scheduled_hours,
        "kind": day.kind,
        "absence": "; ".join(day_texts(day)),
        "absence_name": [absence.name or "" for absence in day.absences],
        "absence_fraction": [absence.fraction for absence in day.absences],
        "absence_hours": [absence.hours for absence in day.absences],
        "absence_counted_fraction": [
            absence.counted_fraction for absence in day.absences
        ],
        "holiday": day.holiday,
        "target_hours": day.target_hours,
    }


CALENDAR_COLUMNS = (
    Column("date", "Date"),
    Column("weekday", "Day"),
    Column("scheduled_hours", "Scheduled (h)", numeric=True),
    Column("absence", "Absence", in_csv=False),
    Column("kind", "Kind", in_table=False),
    Column("absence_name", "Absence name", in_table=False),
    Column("absence_fraction", "Fraction", in_table=False),
    Column("absence_hours", "Absence hours", in_table=False),
    Column("absence_counted_fraction", "Counted fraction", in_table=False),
    Column("holiday", "Holiday", in_table=False),
    Column("target_hours", "Target (h)", numeric=True),
)


def _range_text(period: DateRange) -> str:
    start, end = period.start, period.end
    whole_month = (
        start.day == 1
        and (start.year, start.month) == (end.year, end.month)
        and end.day == calendar_module.monthrange(end.year, end.month)[1]
    )
    if whole_month:
        return f"{_MONTHS[start.month - 1]} {start.year}"
    return f"{start} to {end}"


def _title(employee: Employee, period: DateRange) -> str:
    title = f"Calendar of {describe_employee(employee)}, {_range_text(period)}"
    holiday_calendar = employee.holiday_calendar
    if holiday_calendar is not None and holiday_calendar.name:
        title += f"\nPublic holidays: {holiday_calendar.name}"
    return title


def _totals(calendar: Calendar) -> dict[str, Any]:
    scheduled = calendar.total_scheduled_hours
    target = calendar.total_target_hours
    absent = (
        scheduled - target if scheduled is not None and target is not None else None
    )
    return {
        "scheduled_hours": scheduled,
        "absent_hours": absent,
        "target_hours": target,
        "absence_days": calendar.totals_by_kind,
    }


def _footer(totals: Mapping[str, Any], notes: tuple[str, ...]) -> tuple[str, ...]:
    lines = [
        f"Scheduled {format_cell(totals['scheduled_hours'])} h, "
        f"absent {format_cell(totals['absent_hours'])} h, "
        f"target {format_cell(totals['target_hours'])} h."
    ]
    absence_days: Mapping[AbsenceKind, Decimal] | None = totals["absence_days"]
    parts = [
        f"{kind_label(kind)} {format_cell(days)}"
        for kind, days in (absence_days or {}).items()
        if days
    ]
    if parts:
        lines.append("Absence days: " + ", ".join(parts) + ".")
    lines.extend(f"Note: {note}" for note in notes)
    return tuple(lines)


def calendar_report(
    client: PersonioClient, args: argparse.Namespace, stderr: TextIO
) -> Report:
    """Show each day of a month or range with scheduled hours, absences and target."""
    period = calendar_range(args, today=dt.date.today())
    employee = resolve_employee(client, args.employee)
    # The employee read to resolve the argument is reused, which saves a request.
    calendar = employee_calendar_for(
        client,
        employee,
        start=period.start,
        end=period.end,
        include_regional_holidays=args.regional_holidays,
        december_half_days=args.december_half_days,
    )
    records = [_day_record(day) for day in calendar.days]
    totals = _totals(calendar)
    notes = tuple(calendar.notes)
    document = {
        "employee": employee_summary(employee),
        "start": period.start,
        "end": period.end,
        "days": [
            {
                "date": day.date,
                "weekday": _WEEKDAYS[day.date.weekday()],
                "scheduled_hours": day.scheduled_hours,
                "target_hours": day.target_hours,
                "kind": day.kind,
                "holiday": day.holiday,
                "employed": day.employed,
                "absences": [
                    {
                        "absence_id": absence.absence_id,
                        "kind": absence.kind,
                        "name": absence.name,
                        "fraction": absence.fraction,
                        "hours": absence.hours,
                        "counted_fraction": absence.counted_fraction,
                        "counts_as_work": absence.counts_as_work,
                    }
                    for absence in day.absences
                ],
            }
            for day in calendar.days
        ],
        "totals": totals,
        "notes": list(notes),
    }
    return Report(
        CALENDAR_COLUMNS,
        records,
        title=_title(employee, period),
        footer=_footer(totals, notes),
        document=document,
        group_by="week",
        empty_message="No days in this range.",
    )
