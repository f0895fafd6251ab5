"""A monthly report of scheduled hours, target hours and days off per employee.

Written for a notebook: `monthly_report()` returns one dict per employee, which
`pandas.DataFrame(rows)` turns into a table, and the script prints the same rows.

    from monthly_report import monthly_report
    rows = monthly_report(client, 2026, 3)
    frame = pandas.DataFrame(rows).set_index("id")

It makes a handful of requests whatever the company size: one listing of the
employees and one listing of the month's absences per Personio endpoint. The
calendars are then computed locally with `employee_calendar()`, public holidays
included (from the optional `holidays` package).

Without PERSONIO_CLIENT_ID and PERSONIO_CLIENT_SECRET, or with --sandbox, it runs
against an embedded sandbox with the demo company:

    python examples/monthly_report.py --sandbox --month 2026-03
"""

from __future__ import annotations

import argparse
import calendar as calendar_module
import contextlib
import os
import sys
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from personio_sdk import AbsenceKind, PersonioClient
from personio_sdk.calendar import employee_calendar
from personio_sdk.models import Absence, Employee

COLUMNS = (
    ("id", "ID", 4),
    ("name", "Name", 22),
    ("scheduled_hours", "Sched. h", 9),
    ("target_hours", "Target h", 9),
    ("vacation_days", "Vacation", 9),
    ("sick_days", "Sick", 6),
    ("personal_days", "Personal", 9),
    ("other_days", "Other", 6),
    ("public_holidays", "Holidays", 9),
)


def has_credentials() -> bool:
    """Tell whether the environment names a Personio API credential."""
    names = ("PERSONIO_CLIENT_ID", "PERSONIO_CLIENT_SECRET")
    return all(os.environ.get(name) for name in names)


@contextlib.contextmanager
def open_client(use_sandbox: bool) -> Iterator[PersonioClient]:
    """Yield a client for an embedded sandbox, or for the account in the environment."""
    if not use_sandbox:
        with PersonioClient(app_id="MONTHLY_REPORT_EXAMPLE") as client:
            yield client
        return
    from personio_sdk.sandbox import Sandbox

    with (
        Sandbox() as sandbox,
        PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client,
    ):
        yield client


def _employed_in(employee: Employee, start: date, end: date) -> bool:
    hired = employee.hire_date is None or employee.hire_date <= end
    left = employee.termination_date is not None and employee.termination_date < start
    return hired and not left


def _name(employee: Employee) -> str:
    return " ".join(filter(None, [employee.first_name, employee.last_name]))


def monthly_report(
    client: PersonioClient,
    year: int,
    month: int,
    employee_ids: Collection[int] | None = None,
) -> list[dict[str, Any]]:
    """Return one row per employee employed in the month, ordered by id.

    `employee_ids` limits the report to these employees; None reports everyone.

    Hours and days are `Decimal`. They are None for an employee whose work
    schedule has no hours per weekday, because the calendar does not guess them,
    and `notes` then explains why.
    """
    start = date(year, month, 1)
    end = date(year, month, calendar_module.monthrange(year, month)[1])
    employees = [
        employee
        for employee in client.employees.list()
        if _employed_in(employee, start, end)
        and (employee_ids is None or employee.id in employee_ids)
    ]
    by_employee: dict[int, list[Absence]] = defaultdict(list)
    for absence in client.absences.list(start=start, end=end):
        by_employee[absence.employee_id].append(absence)
    rows = []
    for employee in sorted(employees, key=lambda e: e.id):
        days = employee_calendar(
            employee=employee,
            absences=by_employee[employee.id],
            start=start,
            end=end,
        )
        totals = days.totals_by_kind
        rows.append(
            {
                "id": employee.id,
                "name": _name(employee),
                "scheduled_hours": days.total_scheduled_hours,
                "target_hours": days.total_target_hours,
                "vacation_days": totals and totals[AbsenceKind.VACATION],
                "sick_days": totals and totals[AbsenceKind.SICK_LEAVE],
                "personal_days": totals and totals[AbsenceKind.PERSONAL_TIME_OFF],
                "other_days": totals and totals[AbsenceKind.OTHER],
                "public_holidays": totals and totals[AbsenceKind.PUBLIC_HOLIDAY],
                "notes": list(days.notes),
            }
        )
    return rows


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, Decimal):
        # Two decimals at most, without trailing zeros: 0.27 days, 125.5 hours.
        rounded = value.quantize(Decimal("0.01")).normalize()
        return f"{rounded:f}"
    return str(value)


def print_report(rows: Sequence[dict[str, Any]]) -> None:
    """Print the rows as a fixed-width table, then the notes once each."""
    print("  ".join(f"{title:<{width}}" for _, title, width in COLUMNS).rstrip())
    for row in rows:
        cells = [f"{_cell(row[key]):<{width}}" for key, _, width in COLUMNS]
        print("  ".join(cells).rstrip())
    notes = {note for row in rows for note in row["notes"]}
    for note in sorted(notes):
        print(f"Note: {note}")


def run(args: argparse.Namespace) -> int:
    """Print the report for the month given on the command line."""
    year, month = (int(part) for part in args.month.split("-"))
    with open_client(args.sandbox or not has_credentials()) as client:
        rows = monthly_report(client, year, month, args.employee_id)
    print(f"Report for {args.month}: {len(rows)} employees")
    print_report(rows)
    return 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--month", default="2026-03", help="the month as YYYY-MM")
    parser.add_argument(
        "--employee-id",
        type=int,
        action="append",
        help="report only this employee; repeat for several (default: everyone)",
    )
    parser.add_argument(
        "--sandbox", action="store_true", help="run against an embedded sandbox"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(run(parse_args()))
