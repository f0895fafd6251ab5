"""The rate limiter inside the request loop and its PersonioClient options."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
import respx

from personio_sdk import ConfigurationError, PersonioClient, RateLimitError
from personio_sdk._ratelimit import RateLimit, RateLimiter, RateLimits

from .conftest import FakeClock

EMPLOYEES = "/v1/company/employees"
TIME_OFFS = "/v1/company/time-offs"
OK_BODY = {"success": True, "data": []}

MakeClient = Callable[..., PersonioClient]


def test_client_limits_by_default(make_client: MakeClient) -> None:
    client = make_client()
    assert client.rate_limiter is not None
    assert client.rate_limiter.limits == RateLimits()


def test_rate_limits_none_turns_limiter_off(make_client: MakeClient) -> None:
    client = make_client(rate_limits=None)
    assert client._transport.rate_limiter is None


def test_rate_limits_config_is_used(make_client: MakeClient) -> None:
    limits = RateLimits(overall=RateLimit(600, burst=2))
    client = make_client(rate_limits=limits)
    assert client.rate_limiter is not None
    assert client.rate_limiter.limits is limits


def test_given_limiter_is_shared(make_client: MakeClient) -> None:
    limiter = RateLimiter()
    first = make_client(rate_limits=limiter)
    second = make_client(rate_limits=limiter)
    assert first._transport.rate_limiter is second._transport.rate_limiter


def test_invalid_rate_limits_raise(make_client: MakeClient) -> None:
    with pytest.raises(ConfigurationError, match="rate_limits must be"):
        make_client(rate_limits={"overall": 100})


@pytest.mark.parametrize("value", [0, -1, True, 2.0, "4"])
def test_invalid_max_concurrency_raises(make_client: MakeClient, value: object) -> None:
    with pytest.raises(ConfigurationError, match="max_concurrency must be"):
        make_client(max_concurrency=value)


def test_max_concurrency_defaults_to_8(make_client: MakeClient) -> None:
    assert make_client().max_concurrency == 8


def test_employee_requests_past_burst_are_spaced(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    router.get(EMPLOYEES).respond(200, json=OK_BODY)
    for _ in range(7):
        client._transport.get(EMPLOYEES)
    # A burst of 5, then one request every 60 / 270 s.
    assert clock.sleeps == pytest.approx([60 / 270, 60 / 270])


def test_429_slows_family_and_waits_once(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = router.get(EMPLOYEES)
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(200, json=OK_BODY),
    ]
    client._transport.get(EMPLOYEES)
    assert clock.sleeps == [2.0]


def test_429_halves_rate_then_success_adds_back(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES)
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(200, json=OK_BODY),
    ]
    client._transport.get(EMPLOYEES)
    assert client.rate_limiter is not None
    # Halved to 135 a minute, then one success adds 5% of 270.
    assert client.rate_limiter.rates()["employees"] == pytest.approx(148.5)


def test_429_pauses_other_requests_of_family(
    make_client: MakeClient,
    auth_route: respx.Route,
    router: respx.MockRouter,
    clock: FakeClock,
) -> None:
    client = make_client(max_retries=0)
    route = router.get(EMPLOYEES).respond(429, headers={"Retry-After": "30"})
    with pytest.raises(RateLimitError):
        client._transport.get(EMPLOYEES)
    route.respond(200, json=OK_BODY)
    client._transport.get(EMPLOYEES)
    assert clock.sleeps == pytest.approx([30.0])


def test_far_retry_after_pauses_at_most_cap(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = router.get(EMPLOYEES).respond(429, headers={"Retry-After": "3600"})
    with pytest.raises(RateLimitError):
        client._transport.get(EMPLOYEES)
    route.respond(200, json=OK_BODY)
    client._transport.get(EMPLOYEES)
    assert clock.sleeps == pytest.approx([60.0])


def test_429_on_employees_leaves_time_offs_unpaused(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    router.get(EMPLOYEES).respond(429, headers={"Retry-After": "3600"})
    router.get(TIME_OFFS).respond(200, json=OK_BODY)
    with pytest.raises(RateLimitError):
        client._transport.get(EMPLOYEES)
    client._transport.get(TIME_OFFS)
    assert clock.sleeps == []


def test_token_429_slows_auth_family(
    make_client: MakeClient, router: respx.MockRouter
) -> None:
    router.post("/v1/auth").respond(429, headers={"Retry-After": "60"})
    client = make_client()
    with pytest.raises(RateLimitError):
        client._transport.get(EMPLOYEES)
    assert client.rate_limiter is not None
    assert client.rate_limiter.rates()["auth"] == pytest.approx(15.0)


def test_token_429_pauses_next_token_request(
    make_client: MakeClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    auth = router.post("/v1/auth")
    auth.respond(429, headers={"Retry-After": "60"})
    router.get(EMPLOYEES).respond(200, json=OK_BODY)
    client = make_client()
    with pytest.raises(RateLimitError):
        client._transport.get(EMPLOYEES)
    auth.respond(200, json={"success": True, "data": {"token": "t", "expires_in": 60}})
    client._transport.get(EMPLOYEES)
    assert sum(clock.sleeps) == pytest.approx(60.0)


def test_limiter_off_sends_without_waiting(
    make_client: MakeClient,
    auth_route: respx.Route,
    router: respx.MockRouter,
    clock: FakeClock,
) -> None:
    client = make_client(rate_limits=None)
    router.get(EMPLOYEES).respond(200, json=OK_BODY)
    for _ in range(50):
        client._transport.get(EMPLOYEES)
    assert clock.sleeps == []
