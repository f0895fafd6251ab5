"""One client shared by 32 threads over 2,000 requests against the sandbox.

The first token response is delayed by a second, and every thread passes a barrier
right before its first call. Every thread has therefore started a call while the
only token request is still in flight, so one token for all of them proves that
the token cache makes the others wait instead of asking again.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from personio_sdk import PersonioClient
from personio_sdk.sandbox import Sandbox, SandboxStats
from reliability.matrix import VirtualTime

ON_LINUX = sys.platform == "linux"
THREADS = 32
REQUESTS = 2000
TOKEN_DELAY = 1.0
# Sockets closed by the client are closed by the server's handler threads a moment
# later, so the count is polled for this long.
SOCKET_SETTLE_SECONDS = 5.0


def open_sockets() -> int:
    """Count the sockets this process has open (Linux `/proc/self/fd`)."""
    count = 0
    for entry in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(entry)
        except OSError:
            # The descriptor of the directory listing itself is gone by now.
            continue
        if target.startswith("socket:"):
            count += 1
    return count


def settled_sockets(limit: int) -> int:
    """Return the socket count once it is at most `limit`, or after a timeout.

    Sockets of earlier tests may close meanwhile, so the count can end below it.
    """
    deadline = time.monotonic() + SOCKET_SETTLE_SECONDS
    count = open_sockets()
    while count > limit and time.monotonic() < deadline:
        time.sleep(0.05)
        count = open_sockets()
    return count


@dataclass
class Run:
    """What the threads did: calls made and when each thread's first call ran."""

    calls: int = 0
    first_started: list[float] = field(default_factory=list)
    first_finished: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def worker(
    tasks: Callable[[], Callable[[], object] | None],
    barrier: threading.Barrier,
    run: Run,
) -> None:
    """Run tasks until none are left, timing the first one."""
    barrier.wait()
    first = True
    while (task := tasks()) is not None:
        started = time.monotonic()
        task()
        with run.lock:
            run.calls += 1
            if first:
                run.first_started.append(started)
                run.first_finished.append(time.monotonic())
        first = False


def make_tasks(
    client: PersonioClient, sandbox: Sandbox
) -> Callable[[], Callable[[], object] | None]:
    """Return a thread-safe source of REQUESTS calls that send one request each."""
    employee_ids = [employee.id for employee in sandbox.company.employees]
    time_off_ids = list(sandbox.company.time_offs.ids)
    calls: list[Callable[[], object]] = []
    for index in range(REQUESTS // 2):
        employee_id = employee_ids[index % len(employee_ids)]
        time_off_id = time_off_ids[index % len(time_off_ids)]
        calls.append(lambda e=employee_id: client.employees.get(e))
        calls.append(lambda t=time_off_id: client.absences.get(t))
    source = iter(calls)
    lock = threading.Lock()

    def next_task() -> Callable[[], object] | None:
        with lock:
            return next(source, None)

    return next_task


@dataclass(frozen=True)
class Outcome:
    """Everything the tests check after the threads ran and the client closed."""

    stats: SandboxStats
    run: Run
    errors: list[BaseException]
    cache_token_requests: int
    pool_connections_open: int
    pool_connections_closed: int
    sockets_before: int
    sockets_while_open: int
    sockets_after: int


@pytest.fixture(scope="module")
def outcome() -> Outcome:
    """Run the threads once against a fresh sandbox and collect what happened."""
    with Sandbox(rate_limits=False) as sandbox:
        sandbox.add_fault("latency", path="/v1/auth", seconds=TOKEN_DELAY, times=1)
        sockets_before = open_sockets() if ON_LINUX else 0
        # Client-side waits (rate limiting, back-off) move a virtual clock, so that
        # 2,000 requests take seconds; the sockets and threads are real.
        virtual_time = VirtualTime()
        client = PersonioClient(
            **sandbox.credentials,
            base_url=sandbox.url,
            clock=virtual_time.clock,
            sleep=virtual_time.sleep,
        )
        run = Run()
        barrier = threading.Barrier(THREADS)
        tasks = make_tasks(client, sandbox)
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            futures = [pool.submit(worker, tasks, barrier, run) for _ in range(THREADS)]
        # Each future keeps its thread's exception, so none goes unhandled.
        errors = [error for f in futures if (error := f.exception()) is not None]
        pool_open = pool_connections(client)
        cache_requests = client._token_cache.token_requests
        sockets_while_open = open_sockets() if ON_LINUX else 0
        client.close()
        pool_closed = pool_connections(client)
        sockets_after = settled_sockets(sockets_before) if ON_LINUX else 0
        stats = sandbox.stats()
    return Outcome(
        stats=stats,
        run=run,
        errors=errors,
        cache_token_requests=cache_requests,
        pool_connections_open=pool_open,
        pool_connections_closed=pool_closed,
        sockets_before=sockets_before,
        sockets_while_open=sockets_while_open,
        sockets_after=sockets_after,
    )


def pool_connections(client: PersonioClient) -> int:
    """Count the connections in the httpx pool the client created."""
    transport = client._http._transport
    assert isinstance(transport, httpx.HTTPTransport)
    return len(transport._pool.connections)


def test_threads_raise_nothing(outcome: Outcome) -> None:
    assert outcome.errors == []


def test_threads_make_every_call(outcome: Outcome) -> None:
    assert outcome.run.calls == REQUESTS


def test_threads_send_one_request_per_call(outcome: Outcome) -> None:
    routes = outcome.stats.routes
    sent = {
        "employee": routes.get("/v1/company/employees/{employee_id}", 0),
        "time-off": routes.get("/v1/company/time-offs/{id}", 0),
    }
    assert sent == {"employee": REQUESTS // 2, "time-off": REQUESTS // 2}


def test_threads_overlap_the_token_request(outcome: Outcome) -> None:
    # Every thread started its first call before any first call returned, and no
    # call can return before the delayed token does.
    assert max(outcome.run.first_started) < min(outcome.run.first_finished)


def test_threads_share_one_token_request(outcome: Outcome) -> None:
    assert outcome.stats.token_requests == 1


def test_token_cache_sent_one_token_request(outcome: Outcome) -> None:
    assert outcome.cache_token_requests == 1


def test_pool_had_connections_while_running(outcome: Outcome) -> None:
    assert outcome.pool_connections_open >= 1


def test_close_empties_connection_pool(outcome: Outcome) -> None:
    assert outcome.pool_connections_closed == 0


@pytest.mark.skipif(not ON_LINUX, reason="counts sockets through /proc/self/fd")
def test_sockets_were_open_before_close(outcome: Outcome) -> None:
    # Guards the count below: keep-alive connections were open until close().
    assert outcome.sockets_while_open > outcome.sockets_before


@pytest.mark.skipif(not ON_LINUX, reason="counts sockets through /proc/self/fd")
def test_close_leaves_no_sockets_open(outcome: Outcome) -> None:
    assert outcome.sockets_after <= outcome.sockets_before
