"""Export the absences of one department to CSV, for a team lead's spreadsheet.

Reads the employees once, keeps those of the department, and lists their absences
in the range with one listing per Personio endpoint (the ids go out 50 per
request). Off-site work such as home office is exported too, marked in the
`counts_as_work` column, because a team lead planning cover wants to see it.

Without PERSONIO_CLIENT_ID and PERSONIO_CLIENT_SECRET, or with --sandbox, it runs
against an embedded sandbox with the demo company:

    python examples/team_absences_csv.py --sandbox --department Sales
    python examples/team_absences_csv.py --department Sales --start 2026-07-01 \
        --end 2026-08-31 --output summer.csv
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from personio_sdk import PersonioClient
from personio_sdk.models import Absence, AbsenceStatus, Employee

COLUMNS = (
    "employee_id",
    "name",
    "email",
    "kind",
    "type",
    "status",
    "start_date",
    "end_date",
    "half_day_start",
    "half_day_end",
    "days",
    "hours",
    "counts_as_work",
)


def has_credentials() -> bool:
    """Tell whether the environment names a Personio API credential."""
    names = ("PERSONIO_CLIENT_ID", "PERSONIO_CLIENT_SECRET")
    return all(os.environ.get(name) for name in names)


@contextlib.contextmanager
def open_client(use_sandbox: bool) -> Iterator[PersonioClient]:
    """Yield a client for an embedded sandbox, or for the account in the environment."""
    if not use_sandbox:
        with PersonioClient(app_id="TEAM_ABSENCES_EXAMPLE") as client:
            yield client
        return
    from personio_sdk.sandbox import Sandbox

    with (
        Sandbox() as sandbox,
        PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client,
    ):
        yield client


def department_members(client: PersonioClient, department: str) -> list[Employee]:
    """Return the employees whose department has this name, compared without case."""
    wanted = department.casefold()
    return [
        employee
        for employee in client.employees.list()
        if employee.department is not None
        and (employee.department.name or "").casefold() == wanted
    ]


def write_csv(
    out: TextIO, members: Sequence[Employee], absences: Iterable[Absence]
) -> int:
    """Write one row per absence, sorted by start date and name; return the count."""
    by_id = {employee.id: employee for employee in members}

    def name(employee: Employee) -> str:
        return " ".join(filter(None, [employee.first_name, employee.last_name]))

    rows = sorted(
        absences,
        key=lambda a: (a.start_date, name(by_id[a.employee_id]), a.id),
    )
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for absence in rows:
        employee = by_id[absence.employee_id]
        writer.writerow(
            [
                employee.id,
                name(employee),
                employee.email or "",
                absence.kind.value,
                absence.type_name or "",
                _status(absence),
                absence.start_date.isoformat(),
                absence.end_date.isoformat(),
                absence.half_day_start,
                absence.half_day_end,
                "" if absence.days is None else absence.days,
                "" if absence.hours is None else absence.hours,
                absence.counts_as_work,
            ]
        )
    return len(rows)


def _status(absence: Absence) -> str:
    status = absence.status
    return status.value if isinstance(status, AbsenceStatus) else str(status or "")


def run(args: argparse.Namespace) -> int:
    """Export the department's absences; return the exit status."""
    if args.end < args.start:
        print(
            f"error: --end {args.end} is before --start {args.start}", file=sys.stderr
        )
        return 2
    statuses = [AbsenceStatus.APPROVED]
    if args.include_requests:
        statuses += [AbsenceStatus.PENDING, AbsenceStatus.REQUESTED]
    with open_client(args.sandbox or not has_credentials()) as client:
        members = department_members(client, args.department)
        if not members:
            print(
                f"error: no employee in department {args.department!r}", file=sys.stderr
            )
            return 1
        absences = client.absences.list(
            employee_ids=[employee.id for employee in members],
            start=args.start,
            end=args.end,
            statuses=statuses,
        )
        if args.output is None:
            count = write_csv(sys.stdout, members, absences)
        else:
            with args.output.open("w", newline="", encoding="utf-8") as out:
                count = write_csv(out, members, absences)
    print(
        f"{count} absences of {len(members)} people in {args.department} "
        f"from {args.start} to {args.end}",
        file=sys.stderr,
    )
    return 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--department", default="Sales", help="department name")
    parser.add_argument("--start", type=date.fromisoformat, default=date(2026, 3, 1))
    parser.add_argument("--end", type=date.fromisoformat, default=date(2026, 3, 31))
    parser.add_argument(
        "--include-requests",
        action="store_true",
        help="also export pending and requested absences",
    )
    parser.add_argument(
        "--output", type=Path, help="CSV file to write (default: stdout)"
    )
    parser.add_argument(
        "--sandbox", action="store_true", help="run against an embedded sandbox"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(run(parse_args()))
