"""Measure the sandbox: start-up time to the first response, and requests per second.

Start-up runs in a fresh interpreter per size and times import, data generation,
binding and the first response to `POST /v1/auth` (interpreter start itself excluded).
Throughput serves the chosen size from a separate process (`SandboxProcess`) and loads
it from worker processes, each on one keep-alive connection, so the load generator
never shares the server's GIL.

    python benchmarks/sandbox_throughput.py [--size large] [--duration 5] [--clients 2]
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import platform
import subprocess
import sys
import time
from urllib.parse import urlsplit

from personio_sdk.sandbox import SandboxProcess

_STARTUP = """
import http.client, json, time
started = time.perf_counter()
from personio_sdk.sandbox import Sandbox
sandbox = Sandbox(size={size!r}, rate_limits=False).start()
connection = http.client.HTTPConnection("127.0.0.1", sandbox.port)
connection.request("POST", "/v1/auth", json.dumps(dict(sandbox.credentials)),
                   {{"Content-Type": "application/json"}})
assert connection.getresponse().status == 200
print(time.perf_counter() - started)
sandbox.stop()
"""

# (label, path with query): one request kind per measurement.
REQUESTS = (
    ("employee by id", "/v1/company/employees/2"),
    ("employees, 100 per page", "/v1/company/employees?limit=100&offset={offset}"),
    ("time-offs, 200 per page", "/v1/company/time-offs?limit=200&offset={page}"),
    (
        "absence periods, 200 per page",
        "/v1/company/absence-periods?limit=200&offset={page}",
    ),
)


def measure_startup(size: str, runs: int) -> float:
    """Return the fastest of `runs` start-ups to the first response, in seconds."""
    timings = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", _STARTUP.format(size=size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        timings.append(float(output.strip()))
    return min(timings)


def _token(url: str, credentials: dict[str, str]) -> str:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port)
    body = json.dumps(credentials)
    connection.request("POST", "/v1/auth", body, {"Content-Type": "application/json"})
    token: str = json.loads(connection.getresponse().read())["data"]["token"]
    connection.close()
    return token


def _worker(
    url: str, token: str, template: str, duration: float, queue: multiprocessing.Queue
) -> None:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port)
    headers = {"Authorization": f"Bearer {token}"}
    count = received = 0
    deadline = time.perf_counter() + duration
    while time.perf_counter() < deadline:
        path = template.format(offset=(count % 100) * 100, page=count % 50 + 1)
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        received += len(response.read())
        if response.status != 200:
            raise RuntimeError(f"{path} returned status {response.status}")
        count += 1
    connection.close()
    queue.put((count, received))


def measure_throughput(
    url: str, token: str, template: str, duration: float, clients: int
) -> tuple[float, float]:
    """Return (requests per second, megabytes per second) over all clients."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(
            target=_worker, args=(url, token, template, duration, queue)
        )
        for _ in range(clients)
    ]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=duration + 60) for _ in workers]
    for worker in workers:
        worker.join()
    requests = sum(count for count, _ in results)
    received = sum(size for _, size in results)
    return requests / duration, received / duration / 1e6


def main() -> None:
    """Run both measurements and print a Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="large", help="company size served")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per kind")
    parser.add_argument("--clients", type=int, default=2, help="load processes")
    parser.add_argument(
        "--startup-runs", type=int, default=3, help="start-ups per size"
    )
    args = parser.parse_args()

    print(
        f"machine: {platform.platform()}, {multiprocessing.cpu_count()} CPUs, "
        f"Python {platform.python_version()}"
    )
    print("\n| start-up to first response | seconds (best of runs) |\n|---|---|")
    for size in ("demo", args.size):
        print(f"| size {size} | {measure_startup(size, args.startup_runs):.3f} |")

    with SandboxProcess(size=args.size) as child:
        token = _token(child.url, dict(child.credentials))
        print(
            f"\n| request (size {args.size}, {args.clients} clients) | req/s | MB/s |"
        )
        print("|---|---|---|")
        for label, template in REQUESTS:
            rate, megabytes = measure_throughput(
                child.url, token, template, args.duration, args.clients
            )
            print(f"| {label} | {rate:,.0f} | {megabytes:,.1f} |")


if __name__ == "__main__":
    main()
