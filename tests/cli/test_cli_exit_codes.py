"""Exit statuses and one-line error messages of the `personio` command."""

from __future__ import annotations

from cli_helpers import RunCli, closed_port_url

from personio_sdk.sandbox import Sandbox

CIARA = "ciara.byrne@demo.example"


def one_line(err: str) -> str:
    """Return the only line of stderr, failing when there is more or a traceback."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_invalid_month_exits_2(personio: RunCli) -> None:
    outcome = personio("--sandbox", "calendar", CIARA, "--month", "2026-13")
    assert outcome.code == 2
    assert one_line(outcome.err).startswith(
        "personio: argument --month: invalid month '2026-13'"
    )


def test_unknown_subcommand_exits_2(personio: RunCli) -> None:
    outcome = personio("vacations")
    assert outcome.code == 2
    assert "invalid choice: 'vacations'" in one_line(outcome.err)


def test_missing_credentials_exit_2(personio: RunCli) -> None:
    outcome = personio("employees")
    assert outcome.code == 2
    assert one_line(outcome.err) == (
        "personio: missing client id: pass --client-id or set PERSONIO_CLIENT_ID, "
        "or add --sandbox to try the demo company"
    )


def test_missing_secret_exits_2(personio: RunCli) -> None:
    outcome = personio("employees", "--client-id", "abc")
    assert outcome.code == 2
    assert "missing client secret" in one_line(outcome.err)


def test_plain_http_base_url_exits_2(personio: RunCli) -> None:
    outcome = personio(
        "employees",
        "--base-url",
        "http://api.example.com",
        "--client-id",
        "a",
        "--client-secret",
        "b",
    )
    assert outcome.code == 2
    assert one_line(outcome.err).startswith("personio: Invalid configuration: ")


def test_json_and_csv_exit_2(personio: RunCli) -> None:
    outcome = personio("--sandbox", "employees", "--json", "--csv")
    assert outcome.code == 2
    assert "not allowed with argument" in one_line(outcome.err)


def test_end_before_start_exits_2(personio: RunCli) -> None:
    outcome = personio(
        "--sandbox", "absences", "--start", "2026-03-02", "--end", "2026-03-01"
    )
    assert outcome.code == 2
    assert (
        one_line(outcome.err)
        == "personio: --end 2026-03-01 is before --start 2026-03-02"
    )


def test_balance_zero_is_usage_error(run_cli: RunCli) -> None:
    outcome = run_cli("--sandbox", "balance", "0")
    assert outcome.code == 2
    assert "invalid employee '0'" in one_line(outcome.err)
    assert "employee_id" not in outcome.err


def test_sandbox_with_base_url_exits_2(run_cli: RunCli) -> None:
    outcome = run_cli("--sandbox", "--base-url", "http://example.com", "employees")
    assert outcome.code == 2
    assert one_line(outcome.err).startswith(
        "personio: --sandbox cannot be combined with --base-url"
    )


def test_sandbox_with_credentials_exits_2(run_cli: RunCli) -> None:
    outcome = run_cli(
        "employees", "--sandbox", "--client-id", "abc", "--client-secret", "xyz12345"
    )
    assert outcome.code == 2
    assert "--client-id or --client-secret" in one_line(outcome.err)


def test_sandbox_ignores_personio_variables(run_cli: RunCli) -> None:
    outcome = run_cli(
        "--sandbox",
        "employees",
        env={"PERSONIO_BASE_URL": "http://example.com", "PERSONIO_CLIENT_ID": "x"},
    )
    assert outcome.code == 0, outcome.err


def test_time_offs_404_is_not_employee_not_found(run_cli: RunCli) -> None:
    with Sandbox(faults=["status=404,path=/v1/company/time-offs"]) as faulty:
        outcome = run_cli(
            "absences",
            "--employee-id",
            "2",
            env={
                "PERSONIO_BASE_URL": faulty.url,
                "PERSONIO_CLIENT_ID": faulty.credentials["client_id"],
                "PERSONIO_CLIENT_SECRET": faulty.credentials["client_secret"],
            },
        )
    assert outcome.code == 4
    line = one_line(outcome.err)
    assert line.startswith("personio: Not found: GET /v1/company/time-offs ")
    assert "Employee not found" not in line


def test_help_exits_0(personio: RunCli) -> None:
    outcome = personio("--help")
    assert outcome.code == 0
    assert "calendar" in outcome.out


def test_version_exits_0(personio: RunCli) -> None:
    outcome = personio("--version")
    assert outcome.code == 0
    assert outcome.out.startswith("personio-sdk ")


def test_wrong_secret_exits_3(personio: RunCli, sandbox: Sandbox) -> None:
    outcome = personio(
        "connect",
        CIARA,
        "--base-url",
        sandbox.url,
        "--client-id",
        sandbox.credentials["client_id"],
        "--client-secret",
        "papi-wrong-secret",
    )
    assert outcome.code == 3
    line = one_line(outcome.err)
    assert line.startswith("personio: Authentication failed at 127.0.0.1:")
    assert "check the client id and secret" in line
    assert "read permission on Employees and Absences" in line
    assert "revoked" in line


def test_missing_absence_permission_exits_3(personio: RunCli, sandbox: Sandbox) -> None:
    credentials = sandbox.credentials_for("no_absences")
    env = {
        "PERSONIO_BASE_URL": sandbox.url,
        "PERSONIO_CLIENT_ID": credentials["client_id"],
        "PERSONIO_CLIENT_SECRET": credentials["client_secret"],
    }
    outcome = personio("absences", "--employee-id", "2", env=env)
    assert outcome.code == 3
    assert one_line(outcome.err).startswith("personio: Permission denied: ")


def test_email_case_mismatch_exits_4_with_suggestion(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("connect", "Ciara.Byrne@demo.example", env=sandbox_env)
    assert outcome.code == 4
    assert one_line(outcome.err) == (
        "personio: Employee not found: no employee has the email "
        "Ciara.Byrne@demo.example. The email must match the one in the Personio "
        "profile exactly; did you mean ciara.byrne@demo.example?"
    )


def test_unknown_email_exits_4_without_suggestion(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio("calendar", "nobody@demo.example", env=sandbox_env)
    assert outcome.code == 4
    line = one_line(outcome.err)
    assert "must match the one in the Personio profile exactly." in line
    assert "did you mean" not in line


def test_unknown_id_exits_4(personio: RunCli, sandbox_env: dict[str, str]) -> None:
    outcome = personio("schedule", "99999", env=sandbox_env)
    assert outcome.code == 4
    assert one_line(outcome.err).startswith(
        "personio: Employee not found: no employee has the id 99999."
    )


def test_absences_unknown_email_exits_4(
    personio: RunCli, sandbox_env: dict[str, str]
) -> None:
    outcome = personio(
        "absences", "--email", "Ciara.Byrne@demo.example", env=sandbox_env
    )
    assert outcome.code == 4
    assert "did you mean ciara.byrne@demo.example?" in one_line(outcome.err)


def test_unreachable_host_exits_5(personio: RunCli) -> None:
    url = closed_port_url()
    outcome = personio(
        "connect", CIARA, "--base-url", url, "--client-id", "a", "--client-secret", "b"
    )
    assert outcome.code == 5
    line = one_line(outcome.err)
    host = url.removeprefix("http://")
    assert line.startswith(f"personio: Cannot connect to {host}: check --base-url")
    assert "network connection" in line
