"""Ways to run the `personio` command in tests, and a loopback port with no server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# Seconds one command may take as a subprocess; the demo sandbox responds in
# milliseconds, so this only stops a hung test.
PROCESS_TIMEOUT = 60


@dataclass(frozen=True)
class Outcome:
    """Exit status and captured output of one run of the command."""

    code: int
    out: str
    err: str


#: Runs the command with positional arguments and an optional `env` mapping.
RunCli = Callable[..., Outcome]


def run_process(*argv: str, env: Mapping[str, str] | None = None) -> Outcome:
    """Run `python -m personio_sdk` with `argv` in a child process."""
    child_env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PERSONIO_")
    }
    child_env.update(env or {})
    completed = subprocess.run(  # noqa: S603 - the interpreter running the tests
        [sys.executable, "-m", "personio_sdk", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=child_env,
        timeout=PROCESS_TIMEOUT,
        check=False,
    )
    return Outcome(completed.returncode, completed.stdout, completed.stderr)


def closed_port_url() -> str:
    """Return a loopback URL whose port was free a moment ago and has no listener."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
