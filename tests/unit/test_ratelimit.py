"""The client-side rate limiter: GCRA spacing, families, 429 back-off and recovery."""

from __future__ import annotations

import math
import threading
from collections import deque

import pytest

from personio_sdk._ratelimit import RateLimit, RateLimiter, RateLimits, families_of

from .conftest import FakeClock

EMPLOYEES = "/v1/company/employees"
TIME_OFFS = "/v1/company/time-offs"

# Personio's documented v1 limits, written here so the defaults are checked
# against them: per minute, and for GET employees also per second.
DOCUMENTED_AUTH_PER_MINUTE = 60
DOCUMENTED_EMPLOYEES_PER_MINUTE = 300
DOCUMENTED_EMPLOYEES_PER_SECOND = 15
DOCUMENTED_OVERALL_PER_MINUTE = 2000


def only(
    *, employees: RateLimit | None = None, overall: RateLimit | None = None
) -> RateLimits:
    return RateLimits(auth=None, employees=employees, overall=overall)


def limiter_with(limits: RateLimits, clock: FakeClock) -> RateLimiter:
    return RateLimiter(limits, clock=clock.monotonic, sleep=clock.sleep)


class FrozenClock:
    """A clock that never moves; sleeps are only recorded."""

    def __init__(self) -> None:
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        return 500.0

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)


def max_in_window(times: list[float], seconds: float) -> int:
    """Return the most events in any half-open window (t - seconds, t]."""
    window: deque[float] = deque()
    most = 0
    for moment in times:
        window.append(moment)
        while window[0] <= moment - seconds:
            window.popleft()
        most = max(most, len(window))
    return most


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("POST", "/v1/auth", ("auth", "overall")),
        ("GET", EMPLOYEES, ("employees", "overall")),
        ("GET", "/v1/company/employees/42", ("employees", "overall")),
        ("GET", "/v1/company/employees/attributes", ("employees", "overall")),
        ("GET", "/v1/company/employees/42/absences/balance", ("overall",)),
        ("GET", TIME_OFFS, ("overall",)),
        ("POST", EMPLOYEES, ("overall",)),
        ("GET", "/v2/persons", ()),
    ],
)
def test_families_of_request(method: str, path: str, expected: tuple[str, ...]) -> None:
    assert families_of(method, path) == expected


def test_burst_goes_without_waiting(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(60, burst=3)), clock)
    for _ in range(3):
        limiter.acquire("GET", EMPLOYEES)
    assert clock.sleeps == []


def test_requests_after_burst_are_one_interval_apart(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(120, burst=2)), clock)
    for _ in range(5):
        limiter.acquire("GET", EMPLOYEES)
    assert clock.sleeps == pytest.approx([0.5, 0.5, 0.5])


def test_quiet_period_refills_burst(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(60, burst=3)), clock)
    for _ in range(3):
        limiter.acquire("GET", EMPLOYEES)
    clock.advance(10.0)
    for _ in range(3):
        limiter.acquire("GET", EMPLOYEES)
    assert clock.sleeps == []


def test_request_takes_slot_of_every_family(clock: FakeClock) -> None:
    limiter = limiter_with(only(overall=RateLimit(60, burst=1)), clock)
    limiter.acquire("GET", EMPLOYEES)
    limiter.acquire("GET", TIME_OFFS)
    assert clock.sleeps == pytest.approx([1.0])


def test_employee_wait_leaves_overall_slots_free() -> None:
    clock = FrozenClock()
    limits = only(employees=RateLimit(60), overall=RateLimit(600))
    limiter = RateLimiter(limits, clock=clock.monotonic, sleep=clock.sleep)
    limiter.acquire("GET", EMPLOYEES)
    limiter.acquire("GET", EMPLOYEES)
    limiter.acquire("GET", TIME_OFFS)
    # The second employee request waits 0.1 s for `overall`, then 1 s for
    # `employees`; the time-off request takes the next `overall` slot at 0.2 s.
    assert clock.sleeps == pytest.approx([0.1, 1.0, 0.2])


def test_other_family_is_not_slowed(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(60, burst=1)), clock)
    limiter.acquire("GET", EMPLOYEES)
    limiter.acquire("GET", TIME_OFFS)
    assert clock.sleeps == []


def test_unlimited_family_never_waits(clock: FakeClock) -> None:
    limiter = limiter_with(RateLimits(auth=None, employees=None, overall=None), clock)
    for _ in range(100):
        limiter.acquire("GET", EMPLOYEES)
    assert clock.sleeps == []


def test_threads_get_distinct_slots() -> None:
    clock = FrozenClock()
    limiter = RateLimiter(
        only(employees=RateLimit(60, burst=2)), clock=clock.monotonic, sleep=clock.sleep
    )
    barrier = threading.Barrier(8)

    def request() -> None:
        barrier.wait()
        limiter.acquire("GET", EMPLOYEES)

    threads = [threading.Thread(target=request) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Two go at once; the six others reserved the next six one-second slots.
    assert sorted(clock.sleeps) == pytest.approx([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])


def test_default_employee_pace_fits_documented_windows(clock: FakeClock) -> None:
    limiter = limiter_with(RateLimits(), clock)
    sent = []
    for _ in range(1000):
        limiter.acquire("GET", EMPLOYEES)
        sent.append(clock.monotonic())
    assert max_in_window(sent, 1.0) <= DOCUMENTED_EMPLOYEES_PER_SECOND
    assert max_in_window(sent, 60.0) <= DOCUMENTED_EMPLOYEES_PER_MINUTE


def test_default_overall_pace_fits_documented_window(clock: FakeClock) -> None:
    limiter = limiter_with(RateLimits(), clock)
    sent = []
    for _ in range(5000):
        limiter.acquire("GET", TIME_OFFS)
        sent.append(clock.monotonic())
    assert max_in_window(sent, 60.0) <= DOCUMENTED_OVERALL_PER_MINUTE


def test_default_limits_keep_a_margin() -> None:
    limits = RateLimits()
    assert limits.auth is not None
    assert limits.employees is not None
    assert limits.overall is not None
    # GCRA lets at most `burst + rate * seconds` requests into any window.
    auth_minute = limits.auth.burst + limits.auth.per_minute
    employees_second = limits.employees.burst + limits.employees.per_minute / 60
    employees_minute = limits.employees.burst + limits.employees.per_minute
    overall_minute = limits.overall.burst + limits.overall.per_minute
    assert auth_minute <= 0.7 * DOCUMENTED_AUTH_PER_MINUTE
    assert employees_second <= 0.7 * DOCUMENTED_EMPLOYEES_PER_SECOND
    assert employees_minute <= 0.95 * DOCUMENTED_EMPLOYEES_PER_MINUTE
    assert overall_minute <= 0.95 * DOCUMENTED_OVERALL_PER_MINUTE


def test_429_halves_family_rate(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(120, burst=1)), clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=1.0)
    assert limiter.rates() == {"employees": pytest.approx(60.0)}


def test_429_slows_most_specific_family_only(clock: FakeClock) -> None:
    limits = only(employees=RateLimit(120), overall=RateLimit(600))
    limiter = limiter_with(limits, clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=1.0)
    assert limiter.rates()["overall"] == pytest.approx(600.0)


def test_429_pauses_family_for_given_wait(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(60, burst=5)), clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=3.0)
    limiter.acquire("GET", EMPLOYEES)
    assert clock.sleeps == pytest.approx([3.0])


def test_requests_after_pause_come_without_burst(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(120, burst=5)), clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=2.0)
    limiter.acquire("GET", EMPLOYEES)
    limiter.acquire("GET", EMPLOYEES)
    # The pause, then one interval of the halved rate (60 a minute).
    assert clock.sleeps == pytest.approx([2.0, 1.0])


def test_429s_within_one_pause_halve_once(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(120)), clock)
    for _ in range(4):
        limiter.on_rate_limited("GET", EMPLOYEES, pause=2.0)
    assert limiter.rates() == {"employees": pytest.approx(60.0)}


def test_429s_after_pause_halve_again(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(120)), clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=2.0)
    clock.advance(2.0)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=2.0)
    assert limiter.rates() == {"employees": pytest.approx(30.0)}


def test_rate_stops_at_minimum_share(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(160)), clock)
    for _ in range(10):
        limiter.on_rate_limited("GET", EMPLOYEES, pause=1.0)
        clock.advance(1.0)
    assert limiter.rates() == {"employees": pytest.approx(20.0)}


def test_successes_recover_rate_additively(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(120)), clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=1.0)
    recovered = []
    for _ in range(12):
        limiter.on_response("GET", EMPLOYEES, 200)
        recovered.append(round(limiter.rates()["employees"], 6))
    assert recovered == [66, 72, 78, 84, 90, 96, 102, 108, 114, 120, 120, 120]


def test_errors_do_not_recover_rate(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(120)), clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=1.0)
    limiter.on_response("GET", EMPLOYEES, 503)
    assert limiter.rates() == {"employees": pytest.approx(60.0)}


def test_retry_after_429_takes_slot_without_waiting(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(60, burst=5)), clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=3.0)
    limiter.acquire("GET", EMPLOYEES, after_rate_limit=True)
    assert clock.sleeps == []


def test_retry_after_429_goes_before_waiting_requests(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(60, burst=5)), clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=3.0)
    clock.advance(3.0)  # the retrying request waited the pause itself
    limiter.acquire("GET", EMPLOYEES, after_rate_limit=True)
    limiter.acquire("GET", EMPLOYEES)
    # The next request waits one interval of the halved rate (30 a minute).
    assert clock.sleeps == pytest.approx([2.0])


def test_sleeper_takes_new_slot_after_pause_during_sleep() -> None:
    clock = FakeClock()
    limiter: RateLimiter

    def sleep(seconds: float) -> None:
        clock.sleep(seconds)
        if len(clock.sleeps) == 1:
            # Another thread's request got a 429 while this one slept.
            limiter.on_rate_limited("GET", EMPLOYEES, pause=5.0)

    limiter = RateLimiter(
        only(employees=RateLimit(60, burst=1)), clock=clock.monotonic, sleep=sleep
    )
    limiter.acquire("GET", EMPLOYEES)
    waited = limiter.acquire("GET", EMPLOYEES)
    assert clock.sleeps == pytest.approx([1.0, 5.0])
    assert waited == pytest.approx(6.0)


def test_acquire_returns_seconds_waited(clock: FakeClock) -> None:
    limiter = limiter_with(only(employees=RateLimit(30, burst=1)), clock)
    first = limiter.acquire("GET", EMPLOYEES)
    second = limiter.acquire("GET", EMPLOYEES)
    assert (first, second) == (0.0, pytest.approx(2.0))


def test_rate_limited_counts_reports(clock: FakeClock) -> None:
    limiter = limiter_with(RateLimits(), clock)
    limiter.on_rate_limited("GET", EMPLOYEES, pause=1.0)
    limiter.on_rate_limited("GET", TIME_OFFS, pause=1.0)
    assert limiter.rate_limited == 2


@pytest.mark.parametrize(
    ("per_minute", "burst"),
    [(0, 1), (-5, 1), (math.inf, 1), (math.nan, 1), (60, 0), (60, 1.5), (True, 1)],
)
def test_invalid_rate_limit_is_rejected(per_minute: float, burst: int) -> None:
    with pytest.raises(ValueError, match=r"per_minute|burst"):
        RateLimit(per_minute, burst)


def test_limiter_repr_names_limits() -> None:
    assert "RateLimits(" in repr(RateLimiter())
