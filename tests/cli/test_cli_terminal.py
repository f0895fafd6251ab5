"""Terminal behaviour: the progress counter, narrow encodings and closed pipes."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from cli_helpers import PROCESS_TIMEOUT, run_process

from personio_sdk.cli import main


class TerminalStream(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_employees_show_progress_on_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = TerminalStream()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["--sandbox", "employees", "--json"]) == 0
    assert "\rFetched 50 employees..." in terminal.getvalue()
    assert terminal.getvalue().endswith("\r")


def test_progress_absent_from_piped_stderr(sandbox_env: dict[str, str]) -> None:
    outcome = run_process("employees", env=sandbox_env)
    assert outcome.code == 0
    assert outcome.err == ""


def test_ascii_stdout_gets_plain_half_mark() -> None:
    outcome = run_process(
        "--sandbox",
        "calendar",
        "2",
        "--month",
        "2026-03",
        env={"PYTHONIOENCODING": "ascii"},
    )
    assert outcome.code == 0, outcome.err
    assert "vacation: Paid vacation, 1/2 day" in outcome.out


def test_closed_pipe_ends_quietly() -> None:
    # The JSON of every demo absence is about 200 kB, more than a pipe buffers, so
    # the command is still writing when the reader goes away.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PERSONIO_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "personio_sdk", "--sandbox", "absences", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    process.stdout.readline()
    process.stdout.close()
    _, err = process.communicate(timeout=PROCESS_TIMEOUT)
    assert b"Traceback" not in err
    assert process.returncode == 0


class ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_broken_pipe_returns_0_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["--sandbox", "schedule", "2"]) == 0
