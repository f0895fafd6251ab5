"""`personio connect`, `schedule` and `balance` against the demo sandbox."""

from __future__ import annotations

import csv
import io
import json

from cli_helpers import RunCli

from personio_sdk.sandbox import Sandbox

CIARA = "ciara.byrne@demo.example"


def test_connect_table_shows_employee_and_schedule(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("connect", CIARA, env=sandbox_env)
    assert outcome.code == 0, outcome.err
    host = sandbox_env["PERSONIO_BASE_URL"].removeprefix("http://")
    assert outcome.out.startswith(
        f"Connected to {host}. Found Ciara Byrne (id 2), {CIARA}.\n"
    )
    assert "Monday" in outcome.out
    assert "Weekly hours: 37.5" in outcome.out


def test_connect_json_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    document = json.loads(personio("connect", CIARA, "--json", env=sandbox_env).out)
    assert document["connected"] is True
    assert document["employee"]["id"] == 2
    assert document["schedule"]["weekly_hours"] == 37.5


def test_connect_csv_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    out = personio("connect", CIARA, "--csv", env=sandbox_env).out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0] == {"weekday": "Monday", "hours": "7.5"}


def test_connect_with_embedded_sandbox(personio: RunCli) -> None:
    outcome = personio("connect", CIARA, "--sandbox")
    assert outcome.code == 0, outcome.err
    assert "Ciara Byrne (id 2)" in outcome.out


def test_schedule_table_lists_weekdays(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("schedule", "2", env=sandbox_env)
    assert outcome.code == 0, outcome.err
    lines = outcome.out.splitlines()
    assert lines[0].startswith("Work schedule of Ciara Byrne (id 2)")
    assert "Monday       7.5" in lines
    assert "Saturday       0" in lines


def test_schedule_json_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    document = json.loads(personio("schedule", CIARA, "--json", env=sandbox_env).out)
    assert document["schedule"]["days"]["monday"] == 7.5
    assert document["schedule"]["days"]["sunday"] == 0


def test_schedule_csv_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    out = personio("schedule", CIARA, "--csv", env=sandbox_env).out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 7
    assert rows[6] == {"weekday": "Sunday", "hours": "0"}


def test_schedule_weekly_hours_only(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("schedule", "5", env=sandbox_env)
    assert outcome.code == 0, outcome.err
    assert "Weekly hours: 30" in outcome.out
    assert "Hours per day are unknown" in outcome.out


def test_schedule_without_assignment_says_so(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    out = personio("schedule", "5", env=sandbox_env).out
    assert (
        "Hours per day are unknown. Employee 5 has no work schedule assigned in "
        "Personio." in out
    )
    assert "readable employee attributes" not in out


def narrow_env(sandbox: Sandbox) -> dict[str, str]:
    credentials = sandbox.credentials_for("narrow")
    return {
        "PERSONIO_BASE_URL": sandbox.url,
        "PERSONIO_CLIENT_ID": credentials["client_id"],
        "PERSONIO_CLIENT_SECRET": credentials["client_secret"],
    }


def test_schedule_narrow_names_credential(run_cli: RunCli, sandbox: Sandbox) -> None:
    outcome = run_cli("schedule", "2", env=narrow_env(sandbox))
    assert outcome.code == 0, outcome.err
    assert (
        'The API credential may not read the employee attribute "Work schedule"'
        in outcome.out
    )


def test_schedule_narrow_json_has_note(run_cli: RunCli, sandbox: Sandbox) -> None:
    outcome = run_cli("schedule", "2", "--json", env=narrow_env(sandbox))
    notes = json.loads(outcome.out)["notes"]
    assert len(notes) == 1
    assert '"Work schedule"' in notes[0]


def test_schedule_known_json_has_no_notes(
    run_cli: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = run_cli("schedule", "2", "--json", env=sandbox_env)
    assert json.loads(outcome.out)["notes"] == []


def test_calendar_without_assignment_says_so(
    run_cli: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = run_cli("calendar", "5", "--month", "2026-03", env=sandbox_env)
    assert "Employee 5 has no work schedule assigned in Personio." in outcome.out
    assert "may lack read access" not in outcome.out


def test_balance_table_shows_remaining_vacation(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("balance", CIARA, env=sandbox_env)
    assert outcome.code == 0, outcome.err
    assert outcome.out.startswith("Absence balances of Ciara Byrne (id 2)\n")
    assert "\nRemaining vacation days: " in outcome.out


def test_balance_json_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    document = json.loads(personio("balance", "2", "--json", env=sandbox_env).out)
    assert document["employee"]["id"] == 2
    assert isinstance(document["remaining_vacation_days"], (int, float))
    assert document["balances"]


def test_balance_csv_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    out = personio("balance", "2", "--csv", env=sandbox_env).out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert list(rows[0]) == [
        "type_id",
        "name",
        "kind",
        "category",
        "balance",
        "available_balance",
    ]
