"""Sync target hours and absences from Personio into a time-tracking backend.

A time-tracking backend compares the hours people track with the hours they were
due to work. This script keeps, per person, the target hours of each day of an open
window (this month, say), their approved absences and their remaining vacation
days. A JSON file takes the place of the backend's database.

Two modes, as a backend would schedule them:

- A full run (the default) re-reads each person's whole window with
  `client.sync()` and replaces what is stored. Deleted absences disappear,
  because Personio's answers simply leave them out and the stored window is
  replaced. Run it nightly.
- An incremental run (`--incremental`) asks Personio which absences changed since
  the last run, in any status, and re-syncs only the people they belong to. It
  is cheap enough to run every few minutes, but it cannot see deletions: only
  the next full run removes a deleted absence.

Without PERSONIO_CLIENT_ID and PERSONIO_CLIENT_SECRET, or with --sandbox, it runs
against an embedded sandbox with the demo company:

    python examples/timetracking_sync.py --sandbox
    python examples/timetracking_sync.py --state sync.json ana@example.com
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from personio_sdk import EmployeeNotFoundError, PersonioClient
from personio_sdk.models import AbsenceStatus

DEMO_EMAILS = ("anna.schmidt@demo.example", "ciara.byrne@demo.example")
# An incremental run requests the changes since the previous run started, minus
# this margin, because the clocks of this host and of Personio may differ.
CLOCK_MARGIN = timedelta(minutes=5)


def has_credentials() -> bool:
    """Tell whether the environment names a Personio API credential."""
    names = ("PERSONIO_CLIENT_ID", "PERSONIO_CLIENT_SECRET")
    return all(os.environ.get(name) for name in names)


@contextlib.contextmanager
def open_client(use_sandbox: bool) -> Iterator[PersonioClient]:
    """Yield a client for an embedded sandbox, or for the account in the environment."""
    if not use_sandbox:
        with PersonioClient(app_id="TIMETRACKING_SYNC_EXAMPLE") as client:
            yield client
        return
    from personio_sdk.sandbox import Sandbox

    with (
        Sandbox() as sandbox,
        PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client,
    ):
        yield client


def sync_person(
    client: PersonioClient, email: str, start: date, end: date
) -> dict[str, Any]:
    """Read one person's window and return it as the backend stores it."""
    result = client.sync(email, start=start, end=end)
    days = [
        {
            "date": day.date.isoformat(),
            "scheduled_hours": _number(day.scheduled_hours),
            "target_hours": _number(day.target_hours),
            "kind": day.kind.value if day.kind else None,
            "holiday": day.holiday,
        }
        for day in result.calendar
    ]
    absences = {
        absence.id: {
            "kind": absence.kind.value,
            "type": absence.type_name,
            "start_date": absence.start_date.isoformat(),
            "end_date": absence.end_date.isoformat(),
            "days": _number(absence.days),
            "hours": _number(absence.hours),
            "counts_as_work": absence.counts_as_work,
        }
        for absence in result.absences
    }
    return {
        "employee_id": result.employee.id,
        "target_hours": _number(result.calendar.total_target_hours),
        "remaining_vacation_days": _number(result.remaining_vacation_days),
        "notes": list(result.calendar.notes),
        "days": days,
        "absences": absences,
    }


def _number(value: object) -> str | None:
    # Decimals are stored as strings, so that no hour is rounded through a float.
    return None if value is None else str(value)


def changed_employee_ids(client: PersonioClient, since: datetime) -> set[int]:
    """Return the ids of employees with an absence created or changed since `since`.

    Every status is read, so that an approved absence that was later rejected also
    counts as a change.
    """
    changed = client.absences.list(updated_since=since, statuses=list(AbsenceStatus))
    return {absence.employee_id for absence in changed}


def people_to_sync(
    client: PersonioClient, state: dict[str, Any], emails: list[str]
) -> list[str]:
    """Keep the emails of people who are new or whose absences changed.

    The changes are those since the previous run started, as stored in `state`.
    """
    since = datetime.fromisoformat(state["synced_at"]) - CLOCK_MARGIN
    changed = changed_employee_ids(client, since)
    known = state["people"]
    selected = [
        email
        for email in emails
        if email not in known or known[email]["employee_id"] in changed
    ]
    print(f"{len(selected)} people with changes since {since:%Y-%m-%d %H:%M} UTC")
    return selected


def sync_all(
    client: PersonioClient,
    state: dict[str, Any],
    emails: list[str],
    args: argparse.Namespace,
) -> int:
    """Sync each email into `state`; return how many were not found."""
    failures = 0
    for email in emails:
        try:
            person = sync_person(client, email, args.start, args.end)
        except EmployeeNotFoundError as error:
            failures += 1
            hint = " (differs only in letter case)" if error.suggestion else ""
            print(f"{email}: not found in Personio{hint}", file=sys.stderr)
            continue
        state["people"][email] = person
        count = len(person["absences"])
        print(
            f"{email}: target {person['target_hours']} h from {args.start} to "
            f"{args.end}, {count} absence{'' if count == 1 else 's'}, "
            f"{person['remaining_vacation_days']} vacation days left"
        )
    return failures


def run(args: argparse.Namespace) -> int:
    """Sync the requested people and write the state file; return the exit status."""
    state: dict[str, Any] = {"people": {}}
    if args.state is not None and args.state.exists():
        state = json.loads(args.state.read_text(encoding="utf-8"))

    use_sandbox = args.sandbox or not has_credentials()
    emails: list[str] = list(args.emails) or list(state["people"])
    if not emails and use_sandbox:
        emails = list(DEMO_EMAILS)
    if not emails:
        print("error: pass the emails of the people to sync", file=sys.stderr)
        return 2

    started = datetime.now(timezone.utc)
    with open_client(use_sandbox) as client:
        if args.incremental and "synced_at" in state:
            emails = people_to_sync(client, state, emails)
        failures = sync_all(client, state, emails, args)

    state["synced_at"] = started.isoformat()
    if args.state is not None:
        args.state.write_text(json.dumps(state, indent=2), encoding="utf-8")
    return 1 if failures else 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("emails", nargs="*", help="emails of the people to sync")
    parser.add_argument("--start", type=date.fromisoformat, default=date(2026, 3, 1))
    parser.add_argument("--end", type=date.fromisoformat, default=date(2026, 3, 31))
    parser.add_argument(
        "--state", type=Path, help="JSON file that holds the synced data between runs"
    )
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="re-sync only people with absences changed since the last run",
    )
    parser.add_argument(
        "--sandbox", action="store_true", help="run against an embedded sandbox"
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(run(parse_args()))
