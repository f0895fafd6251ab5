"""Measure bulk reads at Personio's rate limit: sequential against concurrent.

A sandbox in a child process serves a generated company with Personio's rate
limits on and every response delayed by `--latency` seconds, like the real API.
Each run reads all employees, then every absence of 2026: once with
`max_concurrency=1`, once with `--concurrency`, and once with `--concurrency`
from two threads that read employees and absences side by side on one client.
Every run uses the client's default rate limits. For each phase the report gives
the wall time, the 429s the sandbox sent, and the requests per minute as a share
of the limit that binds the phase: 300 a minute for GET employees, 2,000 a minute
for all of v1. It also checks that each concurrent run yielded the same records
in the same order as the sequential one.

Before each run the sandbox clock moves on by a minute, so that both runs start
with empty rate windows.

    python benchmarks/bulk_reads.py [--employees 4000] [--absences 80000]
        [--latency 0.15] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import multiprocessing
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from typing import Any

from _common import machine_lines, print_table

from personio_sdk import PersonioClient
from personio_sdk.models.absences import Absence
from personio_sdk.models.employees import Employee

START, END = date(2026, 1, 1), date(2026, 12, 31)
EMPLOYEES_LIMIT = 300  # GET employees, requests a minute
OVERALL_LIMIT = 2000  # every v1 endpoint, requests a minute
EMPLOYEES_PATH = "/v1/company/employees"
# Long enough for the sandbox's one-minute windows to forget the previous run.
WINDOW_RESET = 61.0


def serve(
    connection: Connection, employees: int, absences: int, latency: float
) -> None:
    """Run the sandbox in this child process and execute the parent's commands."""
    from personio_sdk.sandbox import Sandbox, SandboxSize

    sandbox = Sandbox(size=SandboxSize(employees, absences), rate_limits=True)
    sandbox.add_fault("latency", seconds=latency)
    with sandbox:
        connection.send((sandbox.url, dict(sandbox.credentials)))
        while True:
            command, argument = connection.recv()
            if command == "stats":
                stats = sandbox.stats()
                employees_requests = stats.requests.get(EMPLOYEES_PATH, 0)
                connection.send((stats.total, employees_requests, dict(stats.statuses)))
            elif command == "advance":
                sandbox.advance(argument)
                connection.send(None)
            else:
                return


class ChildSandbox:
    """The parent's handle on the sandbox process."""

    def __init__(self, employees: int, absences: int, latency: float) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(
            target=serve, args=(child, employees, absences, latency), daemon=True
        )
        self._process.start()
        self.url, self.credentials = self._connection.recv()

    def counts(self) -> Counts:
        """Return the requests served and the 429s sent so far."""
        self._connection.send(("stats", None))
        total, employees, statuses = self._connection.recv()
        return Counts(total, employees, statuses.get(429, 0))

    def advance(self, seconds: float) -> None:
        """Move the sandbox clock forward."""
        self._connection.send(("advance", seconds))
        self._connection.recv()

    def stop(self) -> None:
        """Stop the child and wait for it."""
        self._connection.send(("stop", None))
        self._process.join(timeout=10)


@dataclass(frozen=True)
class Counts:
    """Counters of the sandbox: every request, GET employees pages, 429s."""

    total: int
    employees: int
    rejected: int


@dataclass(frozen=True)
class Phase:
    """The cost of one phase of a run.

    `limited` counts the requests that the phase's binding limit counts: the
    employees pages for the employees phase, every request otherwise.
    """

    name: str
    seconds: float
    requests: int
    limited: int
    rejected: int | None
    limit: int

    @property
    def per_minute(self) -> float:
        return self.limited / self.seconds * 60.0

    @property
    def share(self) -> float:
        return self.per_minute / self.limit


@dataclass(frozen=True)
class Run:
    """The phases and records of one run."""

    label: str
    phases: list[Phase]
    employees: list[Employee]
    absences: list[Absence]


def measure(sandbox: ChildSandbox, label: str, max_concurrency: int) -> Run:
    """Read all employees and a year of absences; return the phases and records."""
    sandbox.advance(WINDOW_RESET)
    options: dict[str, Any] = {"max_concurrency": max_concurrency}
    with PersonioClient(
        **sandbox.credentials, base_url=sandbox.url, **options
    ) as client:
        first = sandbox.counts()
        started = time.perf_counter()
        employees = list(client.employees.list())
        middle = time.perf_counter()
        second = sandbox.counts()
        absences = list(client.absences.list(start=START, end=END))
        ended = time.perf_counter()
        third = sandbox.counts()
    phases = [
        phase("employees", middle - started, first, second, EMPLOYEES_LIMIT),
        phase("absences", ended - middle, second, third, OVERALL_LIMIT),
        phase("whole job", ended - started, first, third, OVERALL_LIMIT),
    ]
    return Run(label, phases, employees, absences)


def measure_side_by_side(sandbox: ChildSandbox, max_concurrency: int) -> Run:
    """Read employees and absences at once from two threads sharing one client."""
    sandbox.advance(WINDOW_RESET)
    finished: dict[str, float] = {}

    def read(name: str, listing: Callable[[], Iterable[Any]]) -> list[Any]:
        records = list(listing())
        finished[name] = time.perf_counter()
        return records

    options: dict[str, Any] = {"max_concurrency": max_concurrency}
    with PersonioClient(
        **sandbox.credentials, base_url=sandbox.url, **options
    ) as client:
        first = sandbox.counts()
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=2) as pool:
            employees = pool.submit(read, "employees", client.employees.list)
            absences = pool.submit(
                read, "absences", lambda: client.absences.list(start=START, end=END)
            )
            records = (employees.result(), absences.result())
        ended = time.perf_counter()
        last = sandbox.counts()
    employee_pages = last.employees - first.employees
    phases = [
        # The sandbox counts statuses for all paths together, so the 429s of
        # this run are in its whole-job row only.
        Phase(
            name="employees",
            seconds=finished["employees"] - started,
            requests=employee_pages,
            limited=employee_pages,
            rejected=None,
            limit=EMPLOYEES_LIMIT,
        ),
        phase("whole job", ended - started, first, last, OVERALL_LIMIT),
    ]
    return Run(f"side by side ({max_concurrency})", phases, *records)


def phase(
    name: str, seconds: float, before: Counts, after: Counts, limit: int
) -> Phase:
    """Build a phase from the counters before and after it."""
    requests = after.total - before.total
    employees = after.employees - before.employees
    return Phase(
        name=name,
        seconds=seconds,
        requests=requests,
        limited=employees if limit == EMPLOYEES_LIMIT else requests,
        rejected=after.rejected - before.rejected,
        limit=limit,
    )


def report(runs: list[Run], arguments: argparse.Namespace) -> None:
    """Print the setup, a table of phases and the record check."""
    for line in machine_lines():
        print(line)
    print(
        f"Company: {arguments.employees} employees, {arguments.absences} absences "
        f"generated; latency {arguments.latency * 1000:.0f} ms per request; "
        "sandbox rate limits on; client rate limits at their defaults"
    )
    print()
    print_phases(runs)
    print()
    print_record_checks(runs)


def print_phases(runs: list[Run]) -> None:
    """Print one table row per phase of every run."""
    rows = []
    for run in runs:
        for step in run.phases:
            rejected = "-" if step.rejected is None else step.rejected
            rows.append(
                [
                    run.label,
                    step.name,
                    f"{step.seconds:.1f}",
                    step.requests,
                    step.limited,
                    f"{step.per_minute:.0f}",
                    step.limit,
                    f"{step.share:.0%}",
                    rejected,
                ]
            )
    header = ["run", "phase", "wall s", "requests", "counted", "counted/min"]
    print_table([*header, "limit/min", "share", "429s"], rows)


def print_record_checks(runs: list[Run]) -> None:
    """Print whether each later run yielded the first run's records in order."""
    sequential, *others = runs
    print(
        f"Records: {len(sequential.employees)} employees, "
        f"{len(sequential.absences)} absences."
    )
    for run in others:
        same = (
            run.employees == sequential.employees
            and run.absences == sequential.absences
        )
        speedup = sequential.phases[-1].seconds / run.phases[-1].seconds
        print(
            f"{run.label}: same records in the same order as sequential: {same}; "
            f"whole job {speedup:.1f}x faster"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=4000)
    parser.add_argument("--absences", type=int, default=80_000)
    parser.add_argument("--latency", type=float, default=0.15, help="seconds")
    parser.add_argument("--concurrency", type=int, default=8)
    arguments = parser.parse_args()
    sandbox = ChildSandbox(arguments.employees, arguments.absences, arguments.latency)
    try:
        runs = [
            measure(sandbox, "sequential (1)", 1),
            measure(
                sandbox, f"concurrent ({arguments.concurrency})", arguments.concurrency
            ),
            measure_side_by_side(sandbox, arguments.concurrency),
        ]
    finally:
        sandbox.stop()
    report(runs, arguments)


if __name__ == "__main__":
    main()
