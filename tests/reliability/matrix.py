"""The fault matrix: one listing, one injected fault, one page, judged by a clean run.

`tests/reliability/test_fault_matrix.py` runs every cell as a test and
`scripts/fault_matrix.py` runs the same cells to write `docs/reliability.md`, so the
published table and the test suite cannot drift apart.

Each cell starts its own sandbox on 127.0.0.1 and its own client, injects one fault
on one page of one listing and reads the whole listing over real sockets. The
client's sleeps go to a `VirtualTime`, which moves its clock forward instead of
waiting, so back-off and Retry-After cost no time while timeouts stay real.
"""

from __future__ import annotations

import contextlib
import functools
import math
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from personio_sdk import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    PersonioClient,
    PersonioError,
    RateLimitError,
    ServerError,
)
from personio_sdk import _constants as constants
from personio_sdk.models import AbsenceStatus
from personio_sdk.sandbox import Sandbox

# Page sizes lowered from Personio's maximums so that the demo company's listings
# span at least MIN_PAGES pages: 64 employees, 634 time-offs, 86 absence periods.
PAGE_SIZES = {
    "EMPLOYEES_PAGE_SIZE": 10,
    "TIME_OFFS_PAGE_SIZE": 100,
    "ABSENCE_PERIODS_PAGE_SIZE": 15,
}
MIN_PAGES = 5
# The client's read timeout in the timeout rows, and how long the sandbox stalls.
SHORT_TIMEOUT = 0.5
STALL_SECONDS = 2.0
# A Retry-After above the client's cap (RETRY_AFTER_MAX, 60 s) is not waited on.
OVER_CAP_RETRY_AFTER = 120
POSITIONS = ("first", "middle", "last")


@contextlib.contextmanager
def small_pages() -> Iterator[None]:
    """Lower the client's page sizes to PAGE_SIZES while the block runs."""
    with mock.patch.multiple(constants, **PAGE_SIZES):
        yield


class VirtualTime:
    """A monotonic clock that `sleep` moves forward at once instead of waiting."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset = 0.0
        self.waits: list[float] = []

    def clock(self) -> float:
        """Return real monotonic seconds plus every wait requested so far."""
        with self._lock:
            return time.monotonic() + self._offset

    def sleep(self, seconds: float) -> None:
        """Record the wait and move the clock forward by it."""
        with self._lock:
            self.waits.append(seconds)
            self._offset += max(0.0, seconds)


def make_client(
    sandbox: Sandbox, virtual_time: VirtualTime, *, timeout: float | None = None
) -> PersonioClient:
    """Return a client of `sandbox` whose sleeps and clock are `virtual_time`'s."""
    return PersonioClient(
        **sandbox.credentials,
        base_url=sandbox.url,
        timeout=timeout,
        clock=virtual_time.clock,
        sleep=virtual_time.sleep,
    )


@dataclass(frozen=True)
class Listing:
    """One listing of the matrix: the endpoint its faults hit and its page size."""

    key: str
    title: str
    path: str
    page_size_name: str
    unit: str | None = None
    """None for employees; `day` or `hour` picks those absences from the listing."""

    @property
    def page_size(self) -> int:
        """The page size the client uses for this listing inside `small_pages()`."""
        return PAGE_SIZES[self.page_size_name]

    def read_ids(self, client: PersonioClient) -> Iterator[str]:
        """Iterate over the ids of the listing, as the public API returns them."""
        if self.unit is None:
            for employee in client.employees.list():
                yield str(employee.id)
            return
        # Every status, so that each record the endpoint sends is counted.
        for absence in client.absences.list(statuses=list(AbsenceStatus)):
            if absence.unit == self.unit:
                yield absence.id


LISTINGS = (
    Listing(
        "employees",
        "Employees (`GET /v1/company/employees`, record offsets)",
        "/v1/company/employees",
        "EMPLOYEES_PAGE_SIZE",
    ),
    Listing(
        "time-offs",
        "Day-based absences (`GET /v1/company/time-offs`, page numbers)",
        "/v1/company/time-offs",
        "TIME_OFFS_PAGE_SIZE",
        unit="day",
    ),
    Listing(
        "absence-periods",
        "Hour-based absences (`GET /v1/company/absence-periods`, detected paging)",
        "/v1/company/absence-periods",
        "ABSENCE_PERIODS_PAGE_SIZE",
        unit="hour",
    ),
)


@dataclass(frozen=True)
class FaultRow:
    """One fault of the matrix and the outcome the client documents for it."""

    key: str
    label: str
    kind: str
    options: Mapping[str, Any] = field(default_factory=dict)
    """`Fault` options besides path and page: status, retry_after, seconds, times."""
    expected_error: type[PersonioError] | None = None
    """None: every record exactly once. Else the exact error type raised."""
    timeout: float | None = None
    min_wait: float | None = None
    """The client must wait at least this many seconds once before retrying."""


ONCE = {"times": 1}
ROWS = (
    FaultRow(
        "429-no-retry-after",
        "429 without Retry-After",
        "status",
        {"status": 429, **ONCE},
        min_wait=constants.RATE_LIMIT_MIN_WAIT,
    ),
    FaultRow(
        "429-retry-after-2",
        "429 with Retry-After: 2",
        "status",
        {"status": 429, "retry_after": 2, **ONCE},
        min_wait=2.0,
    ),
    FaultRow(
        "429-retry-after-over-cap",
        f"429 with Retry-After: {OVER_CAP_RETRY_AFTER} (over the 60 s cap)",
        "status",
        {"status": 429, "retry_after": OVER_CAP_RETRY_AFTER, **ONCE},
        expected_error=RateLimitError,
    ),
    FaultRow(
        "429-every-attempt",
        "429 on every attempt",
        "status",
        {"status": 429},
        expected_error=RateLimitError,
    ),
    FaultRow("500", "500", "status", {"status": 500, **ONCE}),
    FaultRow("502-html", "502 with an HTML page", "html", {"status": 502, **ONCE}),
    FaultRow("503-three-times", "503 three times in a row", "status", {"times": 3}),
    FaultRow(
        "503-every-attempt",
        "503 on every attempt",
        "status",
        {"status": 503},
        expected_error=ServerError,
    ),
    FaultRow("504", "504", "status", {"status": 504, **ONCE}),
    FaultRow("drop", "Dropped connection", "drop", ONCE),
    FaultRow(
        "drop-every-attempt",
        "Dropped connection on every attempt",
        "drop",
        expected_error=APIConnectionError,
    ),
    FaultRow(
        "read-timeout",
        f"Read timeout ({STALL_SECONDS:g} s stall, {SHORT_TIMEOUT:g} s timeout)",
        "stall",
        {"seconds": STALL_SECONDS, **ONCE},
        timeout=SHORT_TIMEOUT,
    ),
    FaultRow(
        "read-timeout-every-attempt",
        "Read timeout on every attempt",
        "stall",
        {"seconds": STALL_SECONDS},
        expected_error=APITimeoutError,
        timeout=SHORT_TIMEOUT,
    ),
    FaultRow("truncated-body", "Truncated body", "truncate", ONCE),
    FaultRow("token-revoked", "Token revoked mid-listing", "revoke_token", ONCE),
    FaultRow(
        "token-revoked-every-attempt",
        "Token revoked on every attempt",
        "revoke_token",
        expected_error=AuthenticationError,
    ),
    FaultRow("token-expired", "Token expired mid-listing", "expire_token", ONCE),
)


@dataclass(frozen=True)
class Baseline:
    """The clean run of a listing: its ids in order and the requests it took."""

    ids: tuple[str, ...]
    pages: int
    requests: int
    """Requests to the listing's path, retries excluded."""

    def page_at(self, position: str) -> int:
        """Return the 1-based page of `position` (first, middle or last)."""
        return {"first": 1, "middle": (self.pages + 1) // 2, "last": self.pages}[
            position
        ]


@functools.cache
def baseline(listing: Listing) -> Baseline:
    """Read `listing` once without faults; raise AssertionError if it is too short."""
    virtual_time = VirtualTime()
    with small_pages(), Sandbox(rate_limits=False) as sandbox:
        with make_client(sandbox, virtual_time) as client:
            ids = tuple(listing.read_ids(client))
        requests = sandbox.stats().requests.get(listing.path, 0)
    pages = math.ceil(len(ids) / listing.page_size)
    if pages < MIN_PAGES or len(set(ids)) != len(ids):
        raise AssertionError(
            f"the clean {listing.key} listing has {pages} pages and "
            f"{len(ids) - len(set(ids))} repeated ids; the matrix needs at least "
            f"{MIN_PAGES} pages of distinct records"
        )
    return Baseline(ids=ids, pages=pages, requests=requests)


@dataclass(frozen=True)
class CellResult:
    """What one cell did: the records it read, the error it raised, the requests."""

    listing: Listing
    row: FaultRow
    position: str
    page: int
    ids: tuple[str, ...]
    expected_ids: tuple[str, ...]
    error: BaseException | None
    fault_hits: int
    page_attempts: int
    """Requests for the faulted page, the first attempt included."""
    extra_requests: int
    """Requests to the listing's path beyond the clean run: retries and replays."""
    token_requests: int
    longest_wait: float

    @property
    def complete(self) -> bool:
        """Whether every record of the clean run came exactly once."""
        return Counter(self.ids) == Counter(self.expected_ids)

    def problems(self) -> list[str]:
        """Return what differs from the documented outcome; empty when it matches."""
        found: list[str] = []
        if self.fault_hits == 0:
            found.append("the fault never fired")
        repeated = len(self.ids) - len(set(self.ids))
        if repeated:
            found.append(f"{repeated} record(s) repeated")
        unknown = set(self.ids) - set(self.expected_ids)
        if unknown:
            found.append(f"{len(unknown)} record(s) not in the clean run")
        expected = self.row.expected_error
        if expected is None:
            if self.error is not None:
                found.append(f"raised {type(self.error).__name__}: {self.error}")
            elif not self.complete:
                found.append(
                    f"{len(self.ids)} records read, the clean run has "
                    f"{len(self.expected_ids)}"
                )
        elif type(self.error) is not expected:
            raised = "nothing" if self.error is None else type(self.error).__name__
            found.append(f"raised {raised}, expected {expected.__name__}")
        elif isinstance(self.error, RateLimitError):
            found.extend(self._rate_limit_problems(self.error))
        if self.row.min_wait is not None and self.longest_wait < self.row.min_wait:
            found.append(
                f"longest wait {self.longest_wait:g} s, expected at least "
                f"{self.row.min_wait:g} s"
            )
        return found

    def _rate_limit_problems(self, error: RateLimitError) -> list[str]:
        expected = self.row.options.get("retry_after")
        if expected is not None and error.retry_after != expected:
            return [f"retry_after is {error.retry_after}, expected {expected}"]
        return []

    def summary(self) -> str:
        """Return the table cell: `ok: 64/64 once, 1 retry` or the error raised."""
        problems = self.problems()
        if problems:
            return "FAILED: " + "; ".join(problems)
        got, total = len(self.ids), len(self.expected_ids)
        if self.error is not None:
            attempts = _plural(self.page_attempts, "attempt", "attempts")
            return (
                f"{type(self.error).__name__} (documented) after {attempts}, "
                f"{got}/{total} read before it"
            )
        retries = _plural(self.extra_requests, "retry", "retries")
        text = f"ok: {got}/{total} once, {retries}"
        if self.token_requests > 1:
            text += f", {self.token_requests} tokens"
        if self.row.min_wait is not None:
            text += f", waited {self.longest_wait:g} s"
        return text


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def run_cell(
    listing: Listing, row: FaultRow, position: str, *, page: int | None = None
) -> CellResult:
    """Run one cell: inject `row` on the page at `position` and read the listing.

    `page` overrides the page that `position` selects. Errors of any type are
    caught and kept on the result, so that a caller can report them. `problems()`
    then lists how the outcome differs from the documented one.
    """
    clean = baseline(listing)
    page = clean.page_at(position) if page is None else page
    virtual_time = VirtualTime()
    ids: list[str] = []
    error: BaseException | None = None
    with small_pages(), Sandbox(rate_limits=False) as sandbox:
        fault = sandbox.add_fault(row.kind, path=listing.path, page=page, **row.options)
        with make_client(sandbox, virtual_time, timeout=row.timeout) as client:
            try:
                for identifier in listing.read_ids(client):
                    ids.append(identifier)
            except Exception as exc:
                # Whatever the type, the error is the outcome the cell reports.
                error = exc
        stats = sandbox.stats()
    return CellResult(
        listing=listing,
        row=row,
        position=position,
        page=page,
        ids=tuple(ids),
        expected_ids=clean.ids,
        error=error,
        fault_hits=fault.hits,
        page_attempts=fault.seen,
        extra_requests=stats.requests.get(listing.path, 0) - clean.requests,
        token_requests=stats.token_requests,
        longest_wait=max(virtual_time.waits, default=0.0),
    )
