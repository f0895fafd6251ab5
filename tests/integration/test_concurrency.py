"""Concurrent listings against the sandbox: same records, bounded work, clean stops."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from personio_sdk import BadRequestError, PersonioClient
from personio_sdk.models.absences import Absence
from personio_sdk.sandbox import Sandbox, SandboxSize

# 20 pages of employees, about 80 of day-based and 12 of hour-based absences.
COMPANY = SandboxSize(2000, 20000)
YEAR = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
TIME_OFFS = "/v1/company/time-offs"
LISTING_PATHS = {TIME_OFFS, "/v1/company/absence-periods", "/v1/company/employees"}
POOL_PREFIX = "personio-listing"

MakeSandbox = Callable[..., Sandbox]


@pytest.fixture
def company(personio_sandbox_factory: MakeSandbox) -> Sandbox:
    return personio_sandbox_factory(size=COMPANY, rate_limits=False)


def client_of(sandbox: Sandbox, max_concurrency: int, **options: Any) -> PersonioClient:
    return PersonioClient(
        **sandbox.credentials,
        base_url=sandbox.url,
        max_concurrency=max_concurrency,
        rate_limits=None,
        **options,
    )


def absences_of(
    sandbox: Sandbox, max_concurrency: int, **filters: Any
) -> list[Absence]:
    with client_of(sandbox, max_concurrency) as client:
        return list(client.absences.list(**YEAR, **filters))


def employee_ids(sandbox: Sandbox) -> list[int]:
    return [employee.id for employee in sandbox.company.employees]


def pool_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(POOL_PREFIX)]


def wait_for_no_pool_threads(timeout: float = 2.0) -> list[threading.Thread]:
    """Return the pool threads still alive after up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while pool_threads() and time.monotonic() < deadline:
        time.sleep(0.02)
    return pool_threads()


class InFlight:
    """Wraps `Transport.get_content` to count listing requests and the most sent at
    once.

    The absence types are left out: the first record's parsing fetches them on
    the reading thread, beside the listing's own requests.
    """

    def __init__(self, client: PersonioClient) -> None:
        self.sent = 0
        self.current = 0
        self.max = 0
        self._lock = threading.Lock()
        self._get = client._transport.get_content
        client._transport.get_content = self.get  # type: ignore[method-assign]

    def get(self, path: str, **options: Any) -> Any:
        if path not in LISTING_PATHS:
            return self._get(path, **options)
        with self._lock:
            self.sent += 1
            self.current += 1
            self.max = max(self.max, self.current)
        try:
            return self._get(path, **options)
        finally:
            with self._lock:
                self.current -= 1


def test_concurrent_employees_equal_sequential(company: Sandbox) -> None:
    with client_of(company, 1) as client:
        sequential = list(client.employees.list())
    with client_of(company, 8) as client:
        concurrent = list(client.employees.list())
    assert len(sequential) == len(employee_ids(company))
    assert concurrent == sequential


def test_concurrent_absences_equal_sequential(company: Sandbox) -> None:
    sequential = absences_of(company, 1)
    concurrent = absences_of(company, 8)
    assert len(sequential) > 10_000
    assert concurrent == sequential


def test_chunked_absences_equal_sequential(company: Sandbox) -> None:
    ids = employee_ids(company)[:700]  # 14 chunks of 50
    sequential = absences_of(company, 1, employee_ids=ids)
    concurrent = absences_of(company, 6, employee_ids=ids)
    assert len(sequential) > 3_000
    assert concurrent == sequential


def test_record_offset_periods_equal_sequential(
    personio_sandbox_factory: MakeSandbox,
) -> None:
    sandbox = personio_sandbox_factory(
        size=COMPANY, rate_limits=False, period_offsets="record"
    )
    sequential = absences_of(sandbox, 1)
    concurrent = absences_of(sandbox, 8)
    assert concurrent == sequential


def test_concurrent_listing_sends_same_requests(company: Sandbox) -> None:
    absences_of(company, 1)
    sequential = company.stats().routes
    company.reset_stats()
    absences_of(company, 8)
    assert company.stats().routes == sequential


def test_listing_overlaps_requests(company: Sandbox) -> None:
    company.add_fault("latency", path=TIME_OFFS, seconds=0.05)
    with client_of(company, 4) as client:
        counter = InFlight(client)
        for _ in client.absences.list(**YEAR):
            pass
    assert counter.max == 4


def test_listing_never_exceeds_max_concurrency(company: Sandbox) -> None:
    company.add_fault("latency", path=TIME_OFFS, seconds=0.02)
    with client_of(company, 3) as client:
        counter = InFlight(client)
        list(client.absences.list(**YEAR))
    assert counter.max <= 3


def test_slow_reader_bounds_pages_sent_ahead(company: Sandbox) -> None:
    with client_of(company, 2) as client:
        counter = InFlight(client)
        listing = client.absences.list(**YEAR)
        next(listing)
        time.sleep(0.5)  # the pool may fill its window meanwhile
        sent_while_reading = counter.sent
        listing.close()
    # The first time-offs page, then at most 2 x 2 pages ahead.
    assert sent_while_reading <= 1 + 4


def test_early_break_leaves_no_threads(company: Sandbox) -> None:
    before = set(threading.enumerate())
    with client_of(company, 8) as client:
        for count, _ in enumerate(client.absences.list(**YEAR), start=1):
            if count == 300:
                break
        leftover = wait_for_no_pool_threads()
    assert leftover == []
    assert {t for t in threading.enumerate() if not t.daemon} <= before


def test_early_break_stops_requests(company: Sandbox) -> None:
    company.add_fault("latency", path=TIME_OFFS, seconds=0.05)
    with client_of(company, 8) as client:
        for _ in client.absences.list(**YEAR):
            break
        after_break = company.stats().total
        time.sleep(0.3)
        later = company.stats().total
    assert later == after_break
    # Token, types, the periods' first page and at most 16 time-offs pages.
    assert after_break <= 3 + 16


def test_closing_unstarted_listing_starts_nothing(company: Sandbox) -> None:
    with client_of(company, 8) as client:
        listing = client.employees.list()
        listing.close()
    assert company.stats().total == 0


def records_before_error(client: PersonioClient) -> int:
    count = 0
    try:
        for _ in client.absences.list(**YEAR):
            count += 1
    except BadRequestError:
        return count
    raise AssertionError("the listing ended without the injected error")


def test_error_stops_listing_at_same_record(company: Sandbox) -> None:
    yielded = {}
    for max_concurrency in (1, 8):
        company.clear_faults()
        company.add_fault("status", status=400, path=TIME_OFFS, page=3)
        with client_of(company, max_concurrency) as client:
            yielded[max_concurrency] = records_before_error(client)
    assert yielded[1] > 0
    assert yielded[8] == yielded[1]


def test_error_leaves_no_threads(company: Sandbox) -> None:
    company.add_fault("status", status=400, path=TIME_OFFS, page=5)
    with client_of(company, 8) as client:
        with pytest.raises(BadRequestError):
            list(client.absences.list(**YEAR))
        leftover = wait_for_no_pool_threads()
    assert leftover == []


def test_sequential_listing_starts_no_threads(company: Sandbox) -> None:
    seen: list[int] = []
    with client_of(company, 1) as client:
        for count, _ in enumerate(client.absences.list(**YEAR)):
            if count % 1000 == 0:
                seen.append(len(pool_threads()))
    assert set(seen) == {0}
