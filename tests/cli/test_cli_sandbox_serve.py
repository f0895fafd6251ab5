"""`personio sandbox serve`: the demo server in the foreground."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys

import pytest
from cli_helpers import PROCESS_TIMEOUT, RunCli, run_process

from personio_sdk.sandbox import Sandbox
from personio_sdk.sandbox import cli as sandbox_cli


def test_serve_delegates_to_sandbox_cli(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    received: list[argparse.Namespace] = []

    def fake_run(args: argparse.Namespace) -> int:
        received.append(args)
        return 0

    monkeypatch.setattr(sandbox_cli, "run", fake_run)
    outcome = run_cli("sandbox", "serve", "--port", "0", "--seed", "7")
    assert outcome.code == 0
    assert received[0].port == 0
    assert received[0].seed == 7


def test_serve_restores_sigterm_handler(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox_cli, "run", lambda args: 0)
    before = signal.getsignal(signal.SIGTERM)
    run_cli("sandbox", "serve")
    assert signal.getsignal(signal.SIGTERM) is before


@pytest.mark.parametrize("port", ["70000", "-5"])
def test_serve_port_out_of_range_exits_2(run_cli: RunCli, port: str) -> None:
    outcome = run_cli("sandbox", "serve", "--port", port)
    assert outcome.code == 2
    assert outcome.err.splitlines() == [
        f"personio: argument --port: invalid port '{port}': expected 0 to 65535, "
        "where 0 picks a free port (run 'personio sandbox serve --help' for usage)"
    ]


def test_serve_port_in_use_exits_2(run_cli: RunCli) -> None:
    with Sandbox() as busy:
        port = busy.port
        outcome = run_cli("sandbox", "serve", "--port", str(port))
    assert outcome.code == 2
    lines = outcome.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"personio: cannot listen on 127.0.0.1:{port} (")


def test_serve_invalid_fault_names_field(run_cli: RunCli) -> None:
    outcome = run_cli("sandbox", "serve", "--fault", "status=abc")
    assert outcome.code == 2
    assert "status must be an HTTP status from 100 to 599" in outcome.err
    assert "invalid literal" not in outcome.err


def test_serve_rejects_lan_address(run_cli: RunCli) -> None:
    outcome = run_cli("sandbox", "serve", "--host", "192.168.1.5")
    assert outcome.code == 2
    assert "listens only on a loopback address" in outcome.err


def test_serve_help_lists_sandbox_options(personio: RunCli) -> None:
    outcome = personio("sandbox", "serve", "--help")
    assert outcome.code == 0
    assert "--port" in outcome.out


def test_sandbox_without_action_exits_2(personio: RunCli) -> None:
    outcome = personio("sandbox")
    assert outcome.code == 2
    assert "required" in outcome.err


def test_serve_process_answers_commands_until_sigterm() -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "personio_sdk", "sandbox", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("PERSONIO_")},
    )
    try:
        assert server.stdout is not None
        exports: dict[str, str] = {}
        for line in server.stdout:
            if line.startswith("export "):
                name, _, value = line.removeprefix("export ").strip().partition("=")
                exports[name] = value
            if line.startswith("Press Ctrl-C"):
                break
        assert exports["PERSONIO_BASE_URL"].startswith("http://127.0.0.1:")
        outcome = run_process("connect", "ciara.byrne@demo.example", env=exports)
        assert outcome.code == 0, outcome.err
        assert "Ciara Byrne (id 2)" in outcome.out
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=PROCESS_TIMEOUT)
    assert server.returncode == 0
