"""`personio employees` and `personio absences` against the demo sandbox."""

from __future__ import annotations

import csv
import io
import json

from cli_helpers import RunCli

CIARA = "ciara.byrne@demo.example"
MARCH = ("--start", "2026-03-01", "--end", "2026-03-31")


def test_employees_table_lists_demo_employees(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("employees", env=sandbox_env)
    assert outcome.code == 0, outcome.err
    header = outcome.out.splitlines()[0].split()
    assert header == ["ID", "Name", "Email", "Status", "Weekly", "hours"]
    assert "Ciara Byrne" in outcome.out
    assert CIARA in outcome.out


def test_employees_json_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    records = json.loads(personio("employees", "--json", env=sandbox_env).out)
    ciara = next(record for record in records if record["id"] == 2)
    assert ciara == {
        "id": 2,
        "name": "Ciara Byrne",
        "email": CIARA,
        "status": "active",
        "weekly_hours": 37.5,
    }


def test_employees_csv_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    out = personio("employees", "--csv", env=sandbox_env).out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 64
    assert rows[1] == {
        "id": "2",
        "name": "Ciara Byrne",
        "email": CIARA,
        "status": "active",
        "weekly_hours": "37.5",
    }


def test_absences_table_of_one_employee(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("absences", "--email", CIARA, *MARCH, env=sandbox_env)
    assert outcome.code == 0, outcome.err
    assert outcome.out.startswith(
        "Absences of Ciara Byrne (id 2) from 2026-03-01 to 2026-03-31, status approved"
    )
    assert "½ end" in outcome.out
    assert "2.5 days" in outcome.out
    assert "2 h" in outcome.out


def test_absences_json_only_of_one_employee(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    out = personio(
        "absences", "--employee-id", "2", *MARCH, "--json", env=sandbox_env
    ).out
    records = json.loads(out)
    assert {record["employee_id"] for record in records} == {2}
    assert {record["status"] for record in records} == {"approved"}


def test_absences_status_option_includes_pending(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    out = personio(
        "absences",
        "--employee-id",
        "2",
        *MARCH,
        "--status",
        "pending",
        "--json",
        env=sandbox_env,
    ).out
    records = json.loads(out)
    assert [record["start_date"] for record in records] == ["2026-03-30"]


def test_absences_csv_of_everyone(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    out = personio("absences", *MARCH, "--csv", env=sandbox_env).out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len({row["employee_id"] for row in rows}) > 1
    assert list(rows[0]) == [
        "id",
        "employee_id",
        "kind",
        "type_id",
        "type_name",
        "status",
        "start_date",
        "end_date",
        "half_day_start",
        "half_day_end",
        "unit",
        "days",
        "hours",
        "counts_as_work",
    ]


def test_absences_none_match(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    outcome = personio(
        "absences",
        "--employee-id",
        "2",
        "--start",
        "2030-01-01",
        "--end",
        "2030-01-31",
        env=sandbox_env,
    )
    assert outcome.code == 0, outcome.err
    assert "No absences match." in outcome.out


def test_absences_open_end_title(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    outcome = personio(
        "absences", "--employee-id", "2", "--start", "2026-12-01", env=sandbox_env
    )
    assert outcome.code == 0, outcome.err
    assert outcome.out.startswith("Absences of Ciara Byrne (id 2) from 2026-12-01,")


def test_absences_open_start_title(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio(
        "absences", "--employee-id", "2", "--end", "2026-01-31", env=sandbox_env
    )
    assert outcome.code == 0, outcome.err
    assert outcome.out.startswith("Absences of Ciara Byrne (id 2) until 2026-01-31,")
