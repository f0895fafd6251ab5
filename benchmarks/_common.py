"""Helpers shared by the benchmark scripts: machine facts, timing, a child sandbox.

The scripts import this module as `_common`, which works because Python puts the
script's directory first on `sys.path` when it runs `python benchmarks/<name>.py`.
"""

from __future__ import annotations

import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

# The child reads its standard input until the parent closes it, then stops, so
# stopping needs no signal and works the same on every platform.
_CHILD = """
import json, sys
from personio_sdk.sandbox import Sandbox, SandboxSize
sandbox = Sandbox(size=SandboxSize({employees}, {absences}), rate_limits=False)
sandbox.start()
print(json.dumps([sandbox.url, dict(sandbox.credentials)]), flush=True)
sys.stdin.read()
sandbox.stop()
"""


def cpu_model() -> str:
    """Return the CPU model name from /proc/cpuinfo, or platform's guess elsewhere."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine_lines() -> list[str]:
    """Return the lines that describe this machine, for the top of a report."""
    return [
        f"CPU: {cpu_model()}, {os.cpu_count()} logical cores",
        f"Python: {platform.python_implementation()} {platform.python_version()}",
        f"OS: {platform.platform()}",
    ]


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a Markdown table."""
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")


@dataclass(frozen=True)
class Timing:
    """Wall time and CPU time of this process, in seconds, of one run."""

    wall: float
    cpu: float


def timed(function: Callable[[], object]) -> Timing:
    """Run `function` once and return its wall time and this process's CPU time."""
    cpu_started = time.process_time()
    started = time.perf_counter()
    function()
    return Timing(time.perf_counter() - started, time.process_time() - cpu_started)


def median_timing(timings: Sequence[Timing]) -> Timing:
    """Return the median wall time and the median CPU time of `timings`."""
    return Timing(
        median([timing.wall for timing in timings]),
        median([timing.cpu for timing in timings]),
    )


def median(values: Sequence[float]) -> float:
    """Return the median of `values`."""
    return statistics.median(values)


def client_options() -> tuple[dict[str, Any], str]:
    """Return PersonioClient options for a sequential run without client-side limits.

    The options exist only in newer versions of the client, so each one is passed
    only where the constructor accepts it. The second value names the options that
    were set.
    """
    from personio_sdk import PersonioClient

    accepted = inspect.signature(PersonioClient).parameters
    options: dict[str, Any] = {}
    notes = []
    if "max_concurrency" in accepted:
        options["max_concurrency"] = 1
        notes.append("max_concurrency=1")
    else:
        notes.append("sequential (the client has no max_concurrency option)")
    if "rate_limits" in accepted:
        options["rate_limits"] = None
        notes.append("rate_limits=None")
    return options, ", ".join(notes)


@dataclass(frozen=True)
class ServedSandbox:
    """The base URL and the full credential of a child sandbox."""

    url: str
    credentials: dict[str, str]


@contextmanager
def child_sandbox(
    employees: int, absences: int, *, startup_timeout: float = 120.0
) -> Iterator[ServedSandbox]:
    """Serve a generated company of any size from a separate Python process.

    `SandboxProcess` takes only the named sizes, hence this helper. The sandbox
    runs without rate limits. RuntimeError is raised when the child does not
    report its URL within `startup_timeout` seconds.
    """
    code = _CHILD.format(employees=employees, absences=absences)
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = _first_line(process, startup_timeout)
        if not line.startswith("["):
            raise RuntimeError(
                f"the sandbox child did not print its URL within {startup_timeout} s"
            )
        url, credentials = json.loads(line)
        yield ServedSandbox(url=url, credentials=credentials)
    finally:
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    lines: list[str] = []

    def read() -> None:
        if process.stdout is not None:
            lines.append(process.stdout.readline())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    return lines[0].strip() if lines else ""
