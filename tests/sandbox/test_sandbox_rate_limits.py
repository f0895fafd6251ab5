"""Personio's documented rate limits: 429 with Retry-After, on a controllable clock."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from personio_sdk.sandbox import Sandbox
from personio_sdk.sandbox._ratelimit import RateLimiter

from .conftest import Api


class ManualClock:
    """A clock that moves only when a test sets `now`."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def limited(clock: ManualClock) -> Iterator[Sandbox]:
    with Sandbox(rate_limits=True, clock=clock) as sandbox:
        yield sandbox


def _auth(sandbox: Sandbox, client: httpx.Client) -> httpx.Response:
    return client.post(f"{sandbox.url}/v1/auth", json=dict(sandbox.credentials))


def test_auth_61st_request_in_a_minute_gets_429(limited: Sandbox) -> None:
    with httpx.Client() as client:
        codes = [_auth(limited, client).status_code for _ in range(61)]
    assert codes.count(200) == 60
    assert codes[-1] == 429


def test_auth_429_carries_cool_down(limited: Sandbox) -> None:
    with httpx.Client() as client:
        for _ in range(60):
            _auth(limited, client)
        response = _auth(limited, client)
    assert response.headers["Retry-After"] == "60"
    assert response.json()["error"]["code"] == 429


def test_auth_cool_down_holds_for_60_seconds(
    limited: Sandbox, clock: ManualClock
) -> None:
    with httpx.Client() as client:
        for _ in range(61):
            _auth(limited, client)
        clock.now += 30
        during = _auth(limited, client)
        clock.now += 30
        after = _auth(limited, client)
    assert during.status_code == 429
    assert during.headers["Retry-After"] == "30"
    assert after.status_code == 200


def test_employees_burst_above_15_per_second(
    limited: Sandbox, clock: ManualClock
) -> None:
    api = Api(limited, limited.credentials)
    try:
        codes = [api.get("/v1/company/employees/1").status_code for _ in range(16)]
        clock.now += 1
        later = api.get("/v1/company/employees/1")
    finally:
        api.close()
    assert codes[:15] == [200] * 15
    assert codes[15] == 429
    assert later.status_code == 200


def test_employees_burst_retry_after_is_one_second(limited: Sandbox) -> None:
    api = Api(limited, limited.credentials)
    try:
        for _ in range(15):
            api.get("/v1/company/employees/1")
        response = api.get("/v1/company/employees/1")
    finally:
        api.close()
    assert response.headers["Retry-After"] == "1"


def test_employees_300_per_minute(limited: Sandbox, clock: ManualClock) -> None:
    api = Api(limited, limited.credentials)
    try:
        for _ in range(300):
            clock.now += 0.1
            assert api.get("/v1/company/employees/1").status_code == 200
        response = api.get("/v1/company/employees/1")
    finally:
        api.close()
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 29


def test_employee_limit_leaves_absences_alone(limited: Sandbox) -> None:
    api = Api(limited, limited.credentials)
    try:
        for _ in range(16):
            api.get("/v1/company/employees/1")
        response = api.get("/v1/company/time-off-types")
    finally:
        api.close()
    assert response.status_code == 200


def test_rate_limits_off_never_429(fresh: Sandbox) -> None:
    api = Api(fresh, fresh.credentials)
    try:
        codes = {api.get("/v1/company/employees/1").status_code for _ in range(30)}
    finally:
        api.close()
    assert codes == {200}


def test_rate_limits_switch_on_at_runtime(fresh: Sandbox) -> None:
    fresh.rate_limits = True
    api = Api(fresh, fresh.credentials)
    try:
        codes = [api.get("/v1/company/employees/1").status_code for _ in range(20)]
    finally:
        api.close()
    assert 429 in codes


def test_overall_limit_2000_per_minute(clock: ManualClock) -> None:
    limiter = RateLimiter(clock)
    for _ in range(2000):
        clock.now += 0.01
        assert limiter.retry_after("/v1/company/time-offs") is None
    assert limiter.retry_after("/v1/company/time-offs") == 41


def test_overall_limit_frees_up_after_window(clock: ManualClock) -> None:
    limiter = RateLimiter(clock)
    for _ in range(2000):
        limiter.retry_after("/v1/company/absence-periods")
    clock.now += 60
    assert limiter.retry_after("/v1/company/absence-periods") is None


def test_rejected_requests_do_not_count(clock: ManualClock) -> None:
    limiter = RateLimiter(clock)
    for _ in range(15):
        limiter.retry_after("/v1/company/employees")
    for _ in range(100):
        limiter.retry_after("/v1/company/employees")
    clock.now += 1
    assert limiter.retry_after("/v1/company/employees") is None
