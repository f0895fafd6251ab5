"""The client secret never appears in any output of the `personio` command."""

from __future__ import annotations

import pytest
from cli_helpers import RunCli, closed_port_url

from personio_sdk.sandbox import Sandbox

CANARY = "papi-secret-canary-7f3a"


@pytest.mark.parametrize("output", [(), ("--json",), ("--csv",)])
@pytest.mark.parametrize(
    "command",
    [
        ("connect", "ciara.byrne@demo.example"),
        ("employees",),
        ("calendar", "2", "--month", "2026-03"),
        ("connect", "Ciara.Byrne@demo.example"),
        ("schedule", "99999"),
    ],
)
def test_secret_absent_after_wrong_secret(
    run_cli: RunCli,
    sandbox: Sandbox,
    command: tuple[str, ...],
    output: tuple[str, ...],
) -> None:
    env = {
        "PERSONIO_BASE_URL": sandbox.url,
        "PERSONIO_CLIENT_ID": sandbox.credentials["client_id"],
        "PERSONIO_CLIENT_SECRET": CANARY,
    }
    outcome = run_cli(*command, *output, env=env)
    assert outcome.code == 3
    assert CANARY not in outcome.out + outcome.err


@pytest.mark.parametrize(
    "command",
    [
        ("connect", "ciara.byrne@demo.example", "--json"),
        ("connect", "Ciara.Byrne@demo.example"),
        ("balance", "2", "--csv"),
        ("absences", "--employee-id", "2", "--json"),
    ],
)
def test_sandbox_secret_absent_from_output(
    run_cli: RunCli, sandbox: Sandbox, command: tuple[str, ...]
) -> None:
    secret = sandbox.credentials["client_secret"]
    outcome = run_cli(
        *command,
        "--base-url",
        sandbox.url,
        "--client-id",
        sandbox.credentials["client_id"],
        "--client-secret",
        secret,
    )
    assert outcome.code in (0, 4)
    assert secret not in outcome.out + outcome.err


def test_secret_absent_when_host_unreachable(run_cli: RunCli) -> None:
    outcome = run_cli(
        "employees",
        "--json",
        "--base-url",
        closed_port_url(),
        "--client-id",
        "a",
        "--client-secret",
        CANARY,
    )
    assert outcome.code == 5
    assert CANARY not in outcome.out + outcome.err


def test_secret_absent_from_subprocess_output(sandbox: Sandbox) -> None:
    from cli_helpers import run_process

    env = {
        "PERSONIO_BASE_URL": sandbox.url,
        "PERSONIO_CLIENT_ID": sandbox.credentials["client_id"],
        "PERSONIO_CLIENT_SECRET": CANARY,
        "PERSONIO_LOG": "debug",
    }
    outcome = run_process("connect", "ciara.byrne@demo.example", "--json", env=env)
    assert outcome.code == 3
    assert CANARY not in outcome.out + outcome.err
