"""`personio calendar` against the demo sandbox: Ciara Byrne in March 2026."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from cli_helpers import RunCli

CIARA = "ciara.byrne@demo.example"
MARCH = ("--month", "2026-03")


def row(out: str, day: str) -> str:
    """Return the table line of one date."""
    lines = [line for line in out.splitlines() if line.startswith(day)]
    assert len(lines) == 1, out
    return lines[0]


def test_calendar_table_exits_0(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    outcome = personio("calendar", CIARA, *MARCH, env=sandbox_env)
    assert outcome.code == 0, outcome.err
    assert outcome.err == ""


def test_calendar_table_names_employee_and_month(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    out = personio("calendar", CIARA, *MARCH, env=sandbox_env).out
    assert out.startswith("Calendar of Ciara Byrne (id 2), March 2026\n")


def test_calendar_table_shows_st_patricks_day(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    line = row(personio("calendar", CIARA, *MARCH, env=sandbox_env).out, "2026-03-17")
    assert "Tue" in line
    assert "public holiday: Saint Patrick's Day" in line
    assert line.endswith(" 0")


def test_calendar_table_marks_half_day(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    line = row(personio("calendar", CIARA, *MARCH, env=sandbox_env).out, "2026-03-20")
    assert "½ day" in line
    assert line.endswith(" 3.75")


def test_calendar_table_marks_half_day_at_end(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    line = row(personio("calendar", CIARA, *MARCH, env=sandbox_env).out, "2026-03-11")
    assert "vacation" in line
    assert "½ day" in line


def test_calendar_table_shows_hour_based_absence(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    line = row(personio("calendar", CIARA, *MARCH, env=sandbox_env).out, "2026-03-26")
    assert "2 h" in line
    assert line.endswith(" 5.5")


def test_calendar_table_ignores_pending_vacation(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    line = row(personio("calendar", CIARA, *MARCH, env=sandbox_env).out, "2026-03-30")
    assert "vacation" not in line
    assert line.endswith(" 7.5")


def test_calendar_table_prints_totals(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    out = personio("calendar", CIARA, *MARCH, env=sandbox_env).out
    assert "\nScheduled 165 h, absent " in out
    assert "\nAbsence days: " in out


def test_calendar_by_id_matches_by_email(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    by_id = personio("calendar", "2", *MARCH, env=sandbox_env)
    by_email = personio("calendar", CIARA, *MARCH, env=sandbox_env)
    assert by_id.out == by_email.out


def test_calendar_start_end_limits_rows(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio(
        "calendar",
        "2",
        "--start",
        "2026-03-16",
        "--end",
        "2026-03-20",
        "--csv",
        env=sandbox_env,
    )
    rows = list(csv.DictReader(io.StringIO(outcome.out)))
    assert [item["date"] for item in rows] == [
        "2026-03-16",
        "2026-03-17",
        "2026-03-18",
        "2026-03-19",
        "2026-03-20",
    ]


def test_calendar_json_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    outcome = personio("calendar", CIARA, *MARCH, "--json", env=sandbox_env)
    document = json.loads(outcome.out)
    assert document["employee"]["id"] == 2
    assert len(document["days"]) == 31
    assert document["days"][16]["holiday"] == "Saint Patrick's Day"
    assert document["days"][19]["absences"][0]["fraction"] == 0.5
    assert document["days"][19]["target_hours"] == 3.75
    assert document["totals"]["scheduled_hours"] == 165


def test_calendar_json_totals_keyed_by_kind_value(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("calendar", CIARA, *MARCH, "--json", env=sandbox_env)
    absence_days = json.loads(outcome.out)["totals"]["absence_days"]
    assert absence_days["vacation"] == 3
    assert set(absence_days) == {
        "vacation",
        "sick_leave",
        "public_holiday",
        "personal_time_off",
        "other",
    }


def test_calendar_csv_parses(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    outcome = personio("calendar", CIARA, *MARCH, "--csv", env=sandbox_env)
    rows = list(csv.DictReader(io.StringIO(outcome.out)))
    assert len(rows) == 31
    assert rows[16]["holiday"] == "Saint Patrick's Day"
    assert rows[19]["absence_fraction"] == "0.5"
    assert rows[19]["target_hours"] == "3.75"


def test_calendar_csv_has_counted_fraction(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("calendar", CIARA, *MARCH, "--csv", env=sandbox_env)
    rows = list(csv.DictReader(io.StringIO(outcome.out)))
    # The 2-hour appointment on Thursday 26 March counts 2 / 7.5 of the day.
    assert rows[25]["absence_counted_fraction"] == "0.2666666666666666666666666667"
    assert rows[19]["absence_counted_fraction"] == "0.5"


def test_calendar_csv_rebuilds_target(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("calendar", CIARA, *MARCH, "--csv", env=sandbox_env)
    for record in csv.DictReader(io.StringIO(outcome.out)):
        counted = record["absence_counted_fraction"].split("; ")
        absent = sum(Decimal(share) for share in counted if share)
        rebuilt = Decimal(record["scheduled_hours"]) * (1 - absent)
        target = Decimal(record["target_hours"])
        assert abs(rebuilt - target) < Decimal("1E-20"), record["date"]


def test_calendar_help_explains_csv_columns(run_cli: RunCli) -> None:
    outcome = run_cli("calendar", "--help")
    assert "absence_counted_fraction" in outcome.out


def test_readme_quick_start_command(personio: RunCli) -> None:
    outcome = personio("--sandbox", "calendar", CIARA, "--month", "2026-03")
    assert outcome.code == 0, outcome.err
    assert "Patrick's Day" in outcome.out
    assert "½ day" in outcome.out


def test_calendar_december_half_days_option(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    argv = ("calendar", "8", "--start", "2026-12-24", "--end", "2026-12-24")
    plain = json.loads(personio(*argv, "--json", env=sandbox_env).out)
    halved = json.loads(
        personio(*argv, "--december-half-days", "--json", env=sandbox_env).out
    )
    assert plain["days"][0]["target_hours"] == 7.5
    assert halved["days"][0]["target_hours"] == 3.75


def test_calendar_last_month_of_year_9999(run_cli: RunCli) -> None:
    outcome = run_cli("--sandbox", "calendar", "2", "--month", "9999-12")
    assert outcome.code == 0, outcome.err
    assert outcome.out.startswith("Calendar of Ciara Byrne (id 2), December 9999\n")
