"""The `personio` subcommands that read employees, absences, schedules and balances.

Each command takes an open client and the parsed arguments and returns a `Report`;
rendering and exit codes are left to the caller.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TextIO

from personio_sdk._calendar_notes import unknown_schedule_reason
from personio_sdk._client import PersonioClient
from personio_sdk.cli._output import Column, Report, format_cell
from personio_sdk.cli._parser import EmployeeRef, check_order
from personio_sdk.cli._progress import Progress
from personio_sdk.models.absences import Absence
from personio_sdk.models.employees import Employee
from personio_sdk.models.kinds import AbsenceKind
from personio_sdk.models.status import AbsenceStatus, parse_status
from personio_sdk.models.work_schedule import WEEKDAYS, WorkSchedule


def kind_label(kind: AbsenceKind | None) -> str:
    """Return the kind as words, `sick leave` for SICK_LEAVE; empty for None."""
    return kind.value.replace("_", " ") if kind is not None else ""


def employee_name(employee: Employee) -> str:
    """Return the name to show: Personio's full preferred name, else first and last."""
    if employee.preferred_name:
        return employee.preferred_name
    parts = [employee.first_name, employee.last_name]
    name = " ".join(part for part in parts if part)
    return name or f"employee {employee.id}"


def employee_summary(employee: Employee) -> dict[str, Any]:
    """Return the fields of an employee that JSON output shows."""
    return {
        "id": employee.id,
        "name": employee_name(employee),
        "email": employee.email,
        "status": employee.status,
    }


def describe_employee(employee: Employee) -> str:
    """Return `Name (id 2)`, the heading of a report about one employee."""
    return f"{employee_name(employee)} (id {employee.id})"


def resolve_employee(client: PersonioClient, ref: EmployeeRef) -> Employee:
    """Fetch the employee named on the command line by email or id.

    Raises EmployeeNotFoundError when no profile has the email, NotFoundError when no
    employee has the id.
    """
    if ref.email is not None:
        return client.employees.find_by_email(ref.email)
    if ref.employee_id is None:
        raise ValueError("an employee needs an email or an id")
    return client.employees.get(ref.employee_id)


# --- employees ---------------------------------------------------------------------

EMPLOYEE_COLUMNS = (
    Column("id", "ID", numeric=True),
    Column("name", "Name"),
    Column("email", "Email"),
    Column("status", "Status"),
    Column("weekly_hours", "Weekly hours", numeric=True),
)


def employees_report(
    client: PersonioClient, args: argparse.Namespace, stderr: TextIO
) -> Report:
    """List every employee the credentials may read: id, name, email, status, hours."""
    records = []
    for employee in Progress(stderr, "employees").track(client.employees.list()):
        weekly_hours = employee.weekly_working_hours
        if weekly_hours is None and employee.work_schedule is not None:
            weekly_hours = employee.work_schedule.weekly_hours
        records.append({**employee_summary(employee), "weekly_hours": weekly_hours})
    count = len(records)
    return Report(
        EMPLOYEE_COLUMNS,
        records,
        footer=(f"{count} employee{'s' if count != 1 else ''}",),
        empty_message="No employees are readable with these credentials.",
    )


# --- schedule and connect ----------------------------------------------------------

SCHEDULE_COLUMNS = (
    Column("weekday", "Day"),
    Column("hours", "Hours", numeric=True),
)


def _schedule_records(schedule: WorkSchedule | None) -> list[dict[str, Any]]:
    return [
        {
            "weekday": day.capitalize(),
            "hours": schedule.hours(index) if schedule is not None else None,
        }
        for index, day in enumerate(WEEKDAYS)
    ]


def _schedule_document(schedule: WorkSchedule | None) -> dict[str, Any]:
    days = {
        day: schedule.hours(index) if schedule is not None else None
        for index, day in enumerate(WEEKDAYS)
    }
    return {
        "name": schedule.name if schedule is not None else None,
        "weekly_hours": schedule.weekly_hours if schedule is not None else None,
        "days": days,
    }


def schedule_notes(client: PersonioClient, employee: Employee) -> list[str]:
    """Explain unknown hours per day, with the reason when it can be found.

    When Personio sent no schedule, the credential's readable attributes are read
    (one request per client) to tell a credential that may not read "Work
    schedule" from an employee who has none.
    """
    schedule = employee.work_schedule
    if schedule is not None and schedule.days_known:
        return []
    readable: bool | None = None
    if not employee.is_readable("work_schedule"):
        readable = client.work_schedules.schedule_readable(refresh=False)
    reason = unknown_schedule_reason(employee, readable)
    return [f"Hours per day are unknown. {reason}"]


def _schedule_footer(employee: Employee, notes: list[str]) -> tuple[str, ...]:
    schedule = employee.work_schedule
    weekly = schedule.weekly_hours if schedule is not None else None
    return (f"Weekly hours: {format_cell(weekly)}", *notes)


def schedule_report(
    client: PersonioClient, args: argparse.Namespace, stderr: TextIO
) -> Report:
    """Show the contracted hours per weekday of one employee.

    An unknown schedule still exits 0: the weekly hours are shown, and a note in
    the footer and in the JSON `notes` explains why the days are unknown.
    """
    employee = resolve_employee(client, args.employee)
    # The employee record carries the schedule, so no second request is needed, and
    # an unreadable schedule still shows the weekly hours instead of failing.
    schedule = employee.work_schedule
    notes = schedule_notes(client, employee)
    title = f"Work schedule of {describe_employee(employee)}"
    if schedule is not None and schedule.name:
        title += f": {schedule.name}"
    return Report(
        SCHEDULE_COLUMNS,
        _schedule_records(schedule),
        title=title,
        footer=_schedule_footer(employee, notes),
        document={
            "employee": employee_summary(employee),
            "schedule": _schedule_document(schedule),
            "notes": notes,
        },
    )


def connect_report(
    client: PersonioClient, args: argparse.Namespace, stderr: TextIO, *, host: str
) -> Report:
    """Authenticate, find the employee and show their name, id and weekly schedule."""
    employee = resolve_employee(client, args.employee)
    schedule = employee.work_schedule
    notes = schedule_notes(client, employee)
    identity = describe_employee(employee)
    if employee.email:
        identity += f", {employee.email}"
    return Report(
        SCHEDULE_COLUMNS,
        _schedule_records(schedule),
        title=f"Connected to {host}. Found {identity}.",
        footer=_schedule_footer(employee, notes),
        document={
            "connected": True,
            "host": host,
            "employee": employee_summary(employee),
            "schedule": _schedule_document(schedule),
            "notes": notes,
        },
    )


# --- absences ----------------------------------------------------------------------


def _half_days(record: Mapping[str, Any]) -> str:
    marks = []
    if record.get("half_day_start"):
        marks.append("start")
    if record.get("half_day_end"):
        marks.append("end")
    return "½ " + " and ".join(marks) if marks else ""


def _amount(record: Mapping[str, Any]) -> str:
    if record.get("unit") == "hour":
        hours = record.get("hours")
        return f"{format_cell(hours)} h" if hours is not None else "-"
    days = record.get("days")
    if days is None:
        return "-"
    return f"{format_cell(days)} day{'' if days == 1 else 's'}"


ABSENCE_COLUMNS = (
    Column("id", "ID"),
    Column("employee_id", "Employee", numeric=True),
    Column("kind", "Kind", display=lambda record: kind_label(record["kind"])),
    Column("type_id", "Type ID", in_table=False),
    Column("type_name", "Type"),
    Column("status", "Status"),
    Column("start_date", "Start"),
    Column("end_date", "End"),
    Column("half_days", "Half days", display=_half_days, in_csv=False),
    Column("half_day_start", "Half day at start", in_table=False),
    Column("half_day_end", "Half day at end", in_table=False),
    Column("amount", "Amount", numeric=True, display=_amount, in_csv=False),
    Column("unit", "Unit", in_table=False),
    Column("days", "Days", in_table=False),
    Column("hours", "Hours", in_table=False),
    Column("counts_as_work", "Counts as work", in_table=False),
)


def absence_record(absence: Absence) -> dict[str, Any]:
    """Return the fields of an absence that the absences listing shows."""
    return {
        "id": absence.id,
        "employee_id": absence.employee_id,
        "kind": absence.kind,
        "type_id": absence.type_id,
        "type_name": absence.type_name,
        "status": absence.status,
        "start_date": absence.start_date,
        "end_date": absence.end_date,
        "half_day_start": absence.half_day_start,
        "half_day_end": absence.half_day_end,
        "unit": absence.unit,
        "days": absence.days,
        "hours": absence.hours,
        "counts_as_work": absence.counts_as_work,
    }


def _statuses(values: list[str] | None) -> list[AbsenceStatus | str]:
    return [parse_status(value) for value in values or ["approved"]]


def absences_report(
    client: PersonioClient, args: argparse.Namespace, stderr: TextIO
) -> Report:
    """List absences of one employee (by --email or --employee-id) or of everyone."""
    check_order(args.start, args.end)
    employee: Employee | None = None
    if args.email is not None:
        employee = resolve_employee(client, EmployeeRef(email=args.email))
    elif args.employee_id is not None:
        employee = resolve_employee(client, EmployeeRef(employee_id=args.employee_id))
    statuses = _statuses(args.status)
    listing = client.absences.list(
        start=args.start,
        end=args.end,
        employee_ids=[employee.id] if employee is not None else None,
        statuses=statuses,
    )
    records = [
        absence_record(absence)
        for absence in Progress(stderr, "absences").track(listing)
    ]
    who = describe_employee(employee) if employee is not None else "all employees"
    period = _period(args)
    status_text = ", ".join(format_cell(status) for status in statuses)
    count = len(records)
    return Report(
        ABSENCE_COLUMNS,
        records,
        title=f"Absences of {who}{period}, status {status_text}",
        footer=(f"{count} absence{'s' if count != 1 else ''}",),
        empty_message="No absences match.",
    )


def _period(args: argparse.Namespace) -> str:
    if args.start is not None and args.end is not None:
        return f" from {args.start} to {args.end}"
    if args.start is not None:
        return f" from {args.start}"
    if args.end is not None:
        return f" until {args.end}"
    return ""


# --- balance -----------------------------------------------------------------------

BALANCE_COLUMNS = (
    Column("type_id", "Type ID", numeric=True),
    Column("name", "Absence type"),
    Column("kind", "Kind", display=lambda record: kind_label(record["kind"])),
    Column("category", "Category", in_table=False),
    Column("balance", "Balance (days)", numeric=True),
    Column("available_balance", "Available (days)", numeric=True),
)


def balance_report(
    client: PersonioClient, args: argparse.Namespace, stderr: TextIO
) -> Report:
    """Show the balance per absence type and the remaining vacation days."""
    employee = resolve_employee(client, args.employee)
    balances = client.balances.list(employee.id)
    remaining: Decimal = client.balances.remaining_vacation_days(employee.id)
    records = [
        {
            "type_id": balance.type_id,
            "name": balance.name,
            "kind": balance.kind,
            "category": balance.category,
            "balance": balance.balance,
            "available_balance": balance.available_balance,
        }
        for balance in balances
    ]
    return Report(
        BALANCE_COLUMNS,
        records,
        title=f"Absence balances of {describe_employee(employee)}",
        footer=(f"Remaining vacation days: {format_cell(remaining)}",),
        document={
            "employee": employee_summary(employee),
            "balances": records,
            "remaining_vacation_days": remaining,
        },
        empty_message="No absence balances.",
    )
