"""Compare the SDK's read throughput with plain httpx + json.loads of the same pages.

The sandbox serves from a separate process, without rate limits, so that client and
server never share an interpreter. For each workload an untimed pass records the
URLs the client requests (it also warms the sandbox's caches). The baseline then
sends exactly those requests with a fresh `httpx.Client` (the token request first,
then one GET per recorded URL) and decodes each body with `json.loads`. Each
measurement runs `--runs` times, interleaved with the others, and the median wall
time is reported. The median CPU time of the client process is reported too, without
the server's. It shows the client's own cost when other load skews wall time.

Workloads:
- employees: `client.employees.list()` over 10,000 employees;
- absences: `client.absences.list(statuses=every status)` over 200,000 absences;
- absences by employee ids: 1,000 employees with 50 absences each, read with
  `client.absences.list(employee_ids=..., start=..., end=...)` and with personio-py's
  `Personio.get_absences(employee_ids, start_date=..., end_date=...)`. personio-py
  reads day-based time-offs only, so its baseline is the pages it requests.

    python benchmarks/throughput.py [--runs 5] [--skip-large] [--skip-peer]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import _common
import httpx

from personio_sdk import AbsenceStatus, PersonioClient
from personio_sdk.sandbox import SandboxProcess

PEER_EMPLOYEES, PEER_ABSENCES = 1_000, 50_000
START, END = date(2025, 1, 1), date(2027, 12, 31)
ALL_STATUSES = list(AbsenceStatus)


@dataclass
class Recorded:
    """The requests one pass of a client sent: method and full URL, in order."""

    requests: list[tuple[str, str]] = field(default_factory=list)

    @property
    def gets(self) -> list[str]:
        """The GET URLs (the token request is sent by the baseline itself)."""
        return [url for method, url in self.requests if method == "GET"]


@dataclass
class Result:
    """The median timing of one measurement, with what it read."""

    label: str
    timing: _common.Timing
    records: int
    requests: int
    baseline: _common.Timing | None = None


def baseline(url: str, credentials: dict[str, str], gets: list[str]) -> int:
    """Send the token request and every GET in `gets`, decode each body; count items."""
    items = 0
    with httpx.Client() as http:
        response = http.post(f"{url}/v1/auth", json=credentials)
        token = response.json()["data"]["token"]
        headers = {"Authorization": f"Bearer {token}"}
        for page_url in gets:
            page = http.get(page_url, headers=headers)
            page.raise_for_status()
            items += len(json.loads(page.content)["data"])
    return items


def sdk_pass(
    url: str,
    credentials: dict[str, str],
    read: Callable[[PersonioClient], int],
    options: dict[str, Any],
    recorded: Recorded | None = None,
) -> int:
    """Read with a new PersonioClient and return the number of records."""
    http: httpx.Client | None = None
    if recorded is not None:
        http = httpx.Client(
            event_hooks={
                "request": [
                    lambda request: recorded.requests.append(
                        (request.method, str(request.url))
                    )
                ]
            }
        )
    try:
        with PersonioClient(
            **credentials, base_url=url, http_client=http, **options
        ) as client:
            return read(client)
    finally:
        if http is not None:
            http.close()


def peer_pass(
    url: str, credentials: dict[str, str], recorded: Recorded | None = None
) -> int:
    """Read the absences of every employee with personio-py; return the count."""
    import requests
    from personio_py import Personio

    session = requests.Session()
    if recorded is not None:
        session.hooks["response"].append(
            lambda response, *args, **kwargs: recorded.requests.append(
                (response.request.method or "", response.request.url or "")
            )
        )
    with session:
        peer = Personio(base_url=f"{url}/v1/", session=session, **credentials)
        absences = peer.get_absences(
            list(range(1, PEER_EMPLOYEES + 1)),
            start_date=datetime.combine(START, datetime.min.time()),
            end_date=datetime.combine(END, datetime.min.time()),
        )
    return len(absences)


def read_employees(client: PersonioClient) -> int:
    return sum(1 for _ in client.employees.list())


def read_absences(client: PersonioClient) -> int:
    return sum(1 for _ in client.absences.list(statuses=ALL_STATUSES))


def read_absences_by_ids(client: PersonioClient) -> int:
    ids = range(1, PEER_EMPLOYEES + 1)
    listing = client.absences.list(
        employee_ids=ids, start=START, end=END, statuses=ALL_STATUSES
    )
    return sum(1 for _ in listing)


def interleave(
    passes: dict[str, Callable[[], int]], runs: int
) -> dict[str, tuple[_common.Timing, int]]:
    """Run every pass `runs` times, in turns; return median timing and records."""
    timings: dict[str, list[_common.Timing]] = {label: [] for label in passes}
    records: dict[str, int] = {}
    for _ in range(runs):
        for label, run in passes.items():
            timings[label].append(
                _common.timed(
                    lambda label=label, run=run: records.update({label: run()})
                )
            )
    return {
        label: (_common.median_timing(timings[label]), records[label])
        for label in passes
    }


def measure_sdk(
    url: str,
    credentials: dict[str, str],
    name: str,
    read: Callable[[PersonioClient], int],
    runs: int,
) -> list[Result]:
    """Time the SDK sequentially, its baseline and, if available, its default."""
    sequential, note = _common.client_options()
    recorded = Recorded()
    sdk_pass(url, credentials, read, sequential, recorded)
    gets = recorded.gets
    variants: dict[str, dict[str, Any]] = {f"SDK, {note}": sequential}
    if "max_concurrency" in sequential:
        concurrent = dict(sequential)
        del concurrent["max_concurrency"]
        variants["SDK, default max_concurrency, rate_limits=None"] = concurrent

    passes: dict[str, Callable[[], int]] = {
        "httpx + json.loads": lambda: baseline(url, credentials, gets)
    }
    for label, options in variants.items():
        passes[label] = lambda options=options: sdk_pass(
            url, credentials, read, options
        )
    measured = interleave(passes, runs)
    base = measured["httpx + json.loads"][0]
    requests = len(gets) + 1
    return [
        Result(
            f"{name}: {label}",
            timing,
            records,
            requests,
            None if label == "httpx + json.loads" else base,
        )
        for label, (timing, records) in measured.items()
    ]


def measure_peer(url: str, credentials: dict[str, str], runs: int) -> list[Result]:
    """Time personio-py and the baseline of the pages it requests."""
    recorded = Recorded()
    peer_pass(url, credentials, recorded)
    gets = recorded.gets
    name = "absences by employee ids"
    measured = interleave(
        {
            "baseline": lambda: baseline(url, credentials, gets),
            "peer": lambda: peer_pass(url, credentials),
        },
        runs,
    )
    base, base_records = measured["baseline"]
    peer, peer_records = measured["peer"]
    requests = len(gets) + 1
    return [
        Result(
            f"{name}: httpx + json.loads of personio-py's pages",
            base,
            base_records,
            requests,
        ),
        Result(
            f"{name}: personio-py {_peer_version()}",
            peer,
            peer_records,
            requests,
            base,
        ),
    ]


def _peer_version() -> str:
    from importlib.metadata import version

    return version("personio-py")


def _row(result: Result) -> list[object]:
    timing, base = result.timing, result.baseline
    wall_ratio = "" if base is None else f"{timing.wall / base.wall:.2f}x"
    cpu_ratio = "" if base is None else f"{timing.cpu / base.cpu:.2f}x"
    per_record = timing.wall / result.records * 1e6 if result.records else 0.0
    return [
        result.label,
        f"{result.records:,}",
        f"{result.requests:,}",
        f"{timing.wall:.2f}",
        f"{per_record:.1f}",
        wall_ratio,
        f"{timing.cpu:.2f}",
        cpu_ratio,
    ]


def main() -> None:
    """Run the workloads and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement")
    parser.add_argument(
        "--skip-large", action="store_true", help="skip the 10,000-employee company"
    )
    parser.add_argument(
        "--skip-peer", action="store_true", help="skip the personio-py workload"
    )
    args = parser.parse_args()

    print("\n".join(_common.machine_lines()))
    print(f"Median of {args.runs} runs each.\n")
    results: list[Result] = []
    if not args.skip_large:
        with SandboxProcess(size="large") as served:
            credentials = dict(served.credentials)
            for name, read in (
                ("employees", read_employees),
                ("absences", read_absences),
            ):
                results += measure_sdk(served.url, credentials, name, read, args.runs)
    with _common.child_sandbox(PEER_EMPLOYEES, PEER_ABSENCES) as served_peer:
        results += measure_sdk(
            served_peer.url,
            served_peer.credentials,
            "absences by employee ids",
            read_absences_by_ids,
            args.runs,
        )
        if not args.skip_peer:
            results += measure_peer(served_peer.url, served_peer.credentials, args.runs)
    _common.print_table(
        [
            "measurement",
            "records",
            "requests",
            "wall s",
            "wall µs per record",
            "wall ratio",
            "client CPU s",
            "CPU ratio",
        ],
        [_row(result) for result in results],
    )


if __name__ == "__main__":
    main()
