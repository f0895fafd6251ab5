"""Every script in examples/ runs against a sandbox and prints what it promises."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from docs_paths import EXAMPLES_DIR

# Seconds one example may take; each runs in about a second, so this only stops a
# hung run.
EXAMPLE_TIMEOUT = 120


def run_example(
    name: str, *arguments: str, env: Mapping[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Run examples/`name` with the test's interpreter."""
    return subprocess.run(  # noqa: S603 - the interpreter running the tests
        [sys.executable, "-W", "error", str(EXAMPLES_DIR / name), *arguments],
        cwd=cwd,
        env=dict(env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=EXAMPLE_TIMEOUT,
        check=False,
    )


@pytest.mark.parametrize(
    "name", ["timetracking_sync.py", "team_absences_csv.py", "monthly_report.py"]
)
@pytest.mark.parametrize("flag", [(), ("--sandbox",)], ids=["no-credentials", "flag"])
def test_example_runs_on_embedded_sandbox(
    name: str, flag: tuple[str, ...], clean_env: dict[str, str], tmp_path: Path
) -> None:
    completed = run_example(name, *flag, env=clean_env, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr


def test_sync_example_prints_march_targets(
    clean_env: dict[str, str], tmp_path: Path
) -> None:
    completed = run_example("timetracking_sync.py", env=clean_env, cwd=tmp_path)
    assert "ciara.byrne@demo.example: target 125.5 h" in completed.stdout


def test_sync_example_uses_credentials_from_env(
    sandbox_env: dict[str, str], tmp_path: Path
) -> None:
    completed = run_example(
        "timetracking_sync.py",
        "anna.schmidt@demo.example",
        env=sandbox_env,
        cwd=tmp_path,
    )
    assert "anna.schmidt@demo.example: target 176 h" in completed.stdout


def test_sync_example_needs_emails_for_a_real_account(
    sandbox_env: dict[str, str], tmp_path: Path
) -> None:
    completed = run_example("timetracking_sync.py", env=sandbox_env, cwd=tmp_path)
    assert completed.returncode == 2


def test_sync_example_reports_unknown_email(
    clean_env: dict[str, str], tmp_path: Path
) -> None:
    completed = run_example(
        "timetracking_sync.py", "Ciara.Byrne@demo.example", env=clean_env, cwd=tmp_path
    )
    assert completed.returncode == 1
    assert "differs only in letter case" in completed.stderr


def test_sync_example_state_survives_incremental_run(
    clean_env: dict[str, str], tmp_path: Path
) -> None:
    state = tmp_path / "state.json"
    full = run_example(
        "timetracking_sync.py", "--state", str(state), env=clean_env, cwd=tmp_path
    )
    assert full.returncode == 0, full.stderr
    incremental = run_example(
        "timetracking_sync.py",
        "--state",
        str(state),
        "--incremental",
        env=clean_env,
        cwd=tmp_path,
    )
    assert incremental.returncode == 0, incremental.stderr
    # The demo data carries no change after the first run, so nobody is re-read.
    assert incremental.stdout.startswith("0 people with changes since")
    stored = json.loads(state.read_text(encoding="utf-8"))
    assert sorted(stored["people"]) == [
        "anna.schmidt@demo.example",
        "ciara.byrne@demo.example",
    ]


def test_csv_example_writes_department_rows(
    clean_env: dict[str, str], tmp_path: Path
) -> None:
    output = tmp_path / "sales.csv"
    completed = run_example(
        "team_absences_csv.py", "--output", str(output), env=clean_env, cwd=tmp_path
    )
    assert completed.returncode == 0, completed.stderr
    with output.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {"Ciara Byrne", "Harry Taylor"} <= {row["name"] for row in rows}
    assert f"{len(rows)} absences of 15 people in Sales" in completed.stderr


def test_csv_example_rejects_reversed_range(
    clean_env: dict[str, str], tmp_path: Path
) -> None:
    completed = run_example(
        "team_absences_csv.py",
        "--start",
        "2026-03-31",
        "--end",
        "2026-03-01",
        env=clean_env,
        cwd=tmp_path,
    )
    assert completed.returncode == 2


def test_csv_example_rejects_unknown_department(
    clean_env: dict[str, str], tmp_path: Path
) -> None:
    completed = run_example(
        "team_absences_csv.py", "--department", "Nowhere", env=clean_env, cwd=tmp_path
    )
    assert completed.returncode == 1


def test_report_example_prints_ciara(clean_env: dict[str, str], tmp_path: Path) -> None:
    completed = run_example("monthly_report.py", env=clean_env, cwd=tmp_path)
    ciara = next(line for line in completed.stdout.splitlines() if "Ciara" in line)
    assert ciara.split()[3:5] == ["165", "125.5"]


def test_pytest_example_passes(clean_env: dict[str, str], tmp_path: Path) -> None:
    # The project's own pytest options turn the sandbox plugin off and demand
    # coverage; a user's project has neither, so both are cleared here.
    completed = subprocess.run(  # noqa: S603 - the interpreter running the tests
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-o",
            "addopts=",
            "-p",
            "no:cacheprovider",
            str(EXAMPLES_DIR / "test_with_sandbox.py"),
        ],
        cwd=tmp_path,
        env=clean_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=EXAMPLE_TIMEOUT,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "7 passed" in completed.stdout


def test_pytest_example_documented_command(clean_env: dict[str, str]) -> None:
    # The command docs/examples.md gives for the repository root, as written.
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "personio_sdk",
            "--no-cov",
            "-q",
            "-p",
            "no:cacheprovider",
            "examples/test_with_sandbox.py",
        ],
        cwd=EXAMPLES_DIR.parent,
        env=clean_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=EXAMPLE_TIMEOUT,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "7 passed" in completed.stdout
