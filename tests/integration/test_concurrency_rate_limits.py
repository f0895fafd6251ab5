"""Concurrent reads against the sandbox with Personio's rate limits switched on.

Each test that shows the limiter keeps under a limit has a partner that sends the
same requests without the limiter and gets 429s, so that the sandbox is known to
enforce the limit the test relies on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from personio_sdk import PersonioClient, RateLimitError
from personio_sdk.sandbox import Sandbox, SandboxSize

# 30 pages of employees and about 160 pages of absences for 2026.
COMPANY = SandboxSize(3000, 30000)
YEAR = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
# 15 pages of employees: enough successes after a 429 to recover the rate.
SMALL_COMPANY = SandboxSize(1500, 100)
THREADS = 16
CALLS_PER_THREAD = 2
EMPLOYEES = "/v1/company/employees"

MakeSandbox = Callable[..., Sandbox]


@pytest.fixture
def limited(personio_sandbox_factory: MakeSandbox) -> Sandbox:
    return personio_sandbox_factory(size=COMPANY, rate_limits=True)


def client_of(sandbox: Sandbox, **options: Any) -> PersonioClient:
    return PersonioClient(**sandbox.credentials, base_url=sandbox.url, **options)


def rejected(sandbox: Sandbox) -> int:
    return sandbox.stats().statuses.get(429, 0)


def read_company(client: PersonioClient) -> tuple[int, int]:
    employees = sum(1 for _ in client.employees.list())
    absences = sum(1 for _ in client.absences.list(**YEAR))
    return employees, absences


def call_from_threads(client: PersonioClient, sandbox: Sandbox) -> list[BaseException]:
    """Let THREADS threads start together and each fetch CALLS_PER_THREAD employees."""
    ids = [employee.id for employee in sandbox.company.employees]
    barrier = threading.Barrier(THREADS)
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(index: int) -> None:
        barrier.wait()
        for call in range(CALLS_PER_THREAD):
            try:
                client.employees.get(ids[index * CALLS_PER_THREAD + call])
            except RateLimitError as exc:
                with lock:
                    errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.slow
def test_default_client_reads_company_without_429(limited: Sandbox) -> None:
    with client_of(limited) as client:
        employees, absences = read_company(client)
        reported = client.rate_limiter.rate_limited if client.rate_limiter else -1
    assert employees == COMPANY.employees
    assert absences > 20_000
    assert rejected(limited) == 0
    assert reported == 0


def test_unlimited_client_gets_429(limited: Sandbox) -> None:
    client = client_of(limited, rate_limits=None, max_retries=0)
    with client, pytest.raises(RateLimitError):
        read_company(client)
    assert rejected(limited) > 0


@pytest.mark.slow
def test_threads_keep_to_employee_burst(limited: Sandbox) -> None:
    with client_of(limited) as client:
        errors = call_from_threads(client, limited)
    assert errors == []
    assert rejected(limited) == 0
    assert limited.stats().routes["/v1/company/employees/{employee_id}"] == 32


def test_threads_without_limiter_exceed_burst(limited: Sandbox) -> None:
    with client_of(limited, rate_limits=None, max_retries=0) as client:
        errors = call_from_threads(client, limited)
    assert len(errors) > 0
    assert rejected(limited) == len(errors)


@pytest.mark.slow
def test_listing_recovers_after_429(personio_sandbox_factory: MakeSandbox) -> None:
    limited = personio_sandbox_factory(size=SMALL_COMPANY, rate_limits=True)
    limited.add_fault(
        "status", status=429, retry_after=1, path=EMPLOYEES, page=3, times=1
    )
    with client_of(limited) as client:
        employees = list(client.employees.list())
        assert client.rate_limiter is not None
        rates = client.rate_limiter.rates()
        reported = client.rate_limiter.rate_limited
    assert len(employees) == SMALL_COMPANY.employees
    assert len({employee.id for employee in employees}) == SMALL_COMPANY.employees
    assert reported == 1
    # The 13 successes after the 429 add back more than the halving took.
    assert rates["employees"] == pytest.approx(270.0)
