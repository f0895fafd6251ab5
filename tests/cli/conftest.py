"""Fixtures of the `personio` command tests: a sandbox and an in-process runner."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

import pytest
from cli_helpers import Outcome, RunCli, run_process

from personio_sdk.cli import main
from personio_sdk.sandbox import Sandbox


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A fresh demo sandbox on 127.0.0.1, so no test shares its token rate limit."""
    with Sandbox() as running:
        yield running


@pytest.fixture
def sandbox_env(sandbox: Sandbox) -> dict[str, str]:
    """PERSONIO_* variables that point the command at the test's sandbox."""
    return {
        "PERSONIO_BASE_URL": sandbox.url,
        "PERSONIO_CLIENT_ID": sandbox.credentials["client_id"],
        "PERSONIO_CLIENT_SECRET": sandbox.credentials["client_secret"],
    }


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove PERSONIO_* variables of the developer's shell from every test."""
    for name in list(os.environ):
        if name.startswith("PERSONIO_"):
            monkeypatch.delenv(name)


@pytest.fixture
def run_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> RunCli:
    """Call `main` in this process; returns a function of the arguments and env."""

    def run(*argv: str, env: Mapping[str, str] | None = None) -> Outcome:
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        code = main(list(argv))
        captured = capsys.readouterr()
        for name in env or {}:
            monkeypatch.delenv(name)
        return Outcome(code, captured.out, captured.err)

    return run


@pytest.fixture(params=["in_process", "subprocess"])
def personio(request: pytest.FixtureRequest, run_cli: RunCli) -> RunCli:
    """Run the command in this process and, in a second test, as `python -m`."""
    if request.param == "subprocess":
        return run_process
    return run_cli
