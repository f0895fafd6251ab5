"""The token cache: body credentials, reuse, refresh, invalidation, threads."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

import httpx
import pytest
import respx

from personio_sdk import (
    APIConnectionError,
    AuthenticationError,
    PersonioClient,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)

from .conftest import (
    CLIENT_ID,
    CLIENT_SECRET,
    SECOND_TOKEN,
    TOKEN,
    FakeClock,
    token_body,
    v1_error,
)

EMPLOYEES = "/v1/company/employees"
OK_BODY = {"success": True, "data": []}
THREADS = 16


@pytest.fixture
def data_route(router: respx.MockRouter) -> respx.Route:
    return router.get(EMPLOYEES).respond(200, json=OK_BODY)


def test_credentials_go_in_json_body(
    client: PersonioClient, auth_route: respx.Route, data_route: respx.Route
) -> None:
    client._transport.get(EMPLOYEES)
    request = auth_route.calls.last.request
    assert request.method == "POST"
    assert request.url.query == b""
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }


def test_credentials_never_in_any_url(
    client: PersonioClient, auth_route: respx.Route, data_route: respx.Route
) -> None:
    client._transport.get(EMPLOYEES)
    for call in [*auth_route.calls, *data_route.calls]:
        assert CLIENT_SECRET not in str(call.request.url)
        assert CLIENT_ID not in str(call.request.url)


def test_valid_token_is_reused(
    client: PersonioClient, auth_route: respx.Route, data_route: respx.Route
) -> None:
    for _ in range(5):
        client._transport.get(EMPLOYEES)
    assert auth_route.call_count == 1
    assert data_route.call_count == 5


def test_expired_token_is_fetched_again(
    client: PersonioClient,
    auth_route: respx.Route,
    data_route: respx.Route,
    clock: FakeClock,
) -> None:
    client._transport.get(EMPLOYEES)
    clock.advance(86400 + 1)
    client._transport.get(EMPLOYEES)
    assert auth_route.call_count == 2


def test_missing_expires_in_means_24_hours(
    client: PersonioClient,
    auth_route: respx.Route,
    data_route: respx.Route,
    clock: FakeClock,
) -> None:
    auth_route.respond(200, json={"success": True, "data": {"token": TOKEN}})
    client._transport.get(EMPLOYEES)
    clock.advance(86400 - 301)
    client._transport.get(EMPLOYEES)
    assert auth_route.call_count == 1


def test_numeric_string_expires_in_is_read(
    client: PersonioClient,
    auth_route: respx.Route,
    data_route: respx.Route,
    clock: FakeClock,
) -> None:
    auth_route.respond(200, json=token_body(expires_in="600"))
    client._transport.get(EMPLOYEES)
    clock.advance(601)
    client._transport.get(EMPLOYEES)
    assert auth_route.call_count == 2


def test_early_refresh_returning_same_token_is_not_repeated(
    client: PersonioClient,
    auth_route: respx.Route,
    data_route: respx.Route,
    clock: FakeClock,
) -> None:
    auth_route.respond(200, json=token_body(expires_in=3600))
    client._transport.get(EMPLOYEES)
    # Inside the 300 s refresh margin: one early refresh, same token back.
    clock.advance(3400)
    client._transport.get(EMPLOYEES)
    assert auth_route.call_count == 2
    clock.advance(10)
    client._transport.get(EMPLOYEES)
    client._transport.get(EMPLOYEES)
    assert auth_route.call_count == 2


def test_same_token_keeps_its_original_expiry(
    client: PersonioClient,
    auth_route: respx.Route,
    data_route: respx.Route,
    clock: FakeClock,
) -> None:
    auth_route.respond(200, json=token_body(expires_in=3600))
    client._transport.get(EMPLOYEES)
    clock.advance(3400)
    client._transport.get(EMPLOYEES)
    clock.advance(201)
    client._transport.get(EMPLOYEES)
    assert auth_route.call_count == 3


def test_early_refresh_with_new_token_replaces_it(
    client: PersonioClient,
    auth_route: respx.Route,
    data_route: respx.Route,
    clock: FakeClock,
) -> None:
    auth_route.side_effect = [
        httpx.Response(200, json=token_body(TOKEN, expires_in=3600)),
        httpx.Response(200, json=token_body(SECOND_TOKEN, expires_in=3600)),
    ]
    client._transport.get(EMPLOYEES)
    clock.advance(3400)
    client._transport.get(EMPLOYEES)
    client._transport.get(EMPLOYEES)
    last = data_route.calls.last.request
    assert last.headers["authorization"] == f"Bearer {SECOND_TOKEN}"
    assert auth_route.call_count == 2


def test_failed_early_refresh_keeps_current_token(
    client: PersonioClient,
    auth_route: respx.Route,
    data_route: respx.Route,
    clock: FakeClock,
) -> None:
    auth_route.side_effect = [
        httpx.Response(200, json=token_body(TOKEN, expires_in=3600)),
        httpx.Response(503),
        httpx.Response(503),
        httpx.Response(503),
    ]
    client._transport.get(EMPLOYEES)
    clock.advance(3400)
    assert client._transport.get(EMPLOYEES) == OK_BODY
    assert data_route.calls.last.request.headers["authorization"] == f"Bearer {TOKEN}"


def test_invalidate_other_token_keeps_current(
    client: PersonioClient, auth_route: respx.Route
) -> None:
    cache = client._token_cache
    assert cache.get_token() == TOKEN
    assert cache.invalidate("papi-some-older-token") is False
    assert cache.get_token() == TOKEN
    assert auth_route.call_count == 1


def test_invalidate_current_token_fetches_again(
    client: PersonioClient, auth_route: respx.Route
) -> None:
    cache = client._token_cache
    cache.get_token()
    assert cache.invalidate(TOKEN) is True
    cache.get_token()
    assert auth_route.call_count == 2


def test_token_requests_are_spaced_apart(
    client: PersonioClient, auth_route: respx.Route, clock: FakeClock
) -> None:
    cache = client._token_cache
    cache.get_token()
    cache.invalidate(TOKEN)
    cache.get_token()
    assert clock.sleeps == [2.0]


@pytest.mark.parametrize("status", [400, 401, 403])
def test_rejected_credentials_are_not_retried(
    client: PersonioClient, auth_route: respx.Route, status: int
) -> None:
    auth_route.respond(status, json=v1_error(0, "Wrong credentials"))
    with pytest.raises(AuthenticationError) as caught:
        client._token_cache.get_token()
    assert auth_route.call_count == 1
    assert caught.value.status_code == status


def test_authentication_error_says_what_to_check(
    client: PersonioClient, auth_route: respx.Route
) -> None:
    auth_route.respond(403, json=v1_error(0, "Wrong credentials"))
    with pytest.raises(AuthenticationError) as caught:
        client._token_cache.get_token()
    message = str(caught.value)
    assert "Wrong credentials" in message
    assert "client id and secret" in message
    assert "revoked" in message
    assert "Employees and Absences" in message
    assert CLIENT_SECRET not in message


def test_token_request_retried_on_server_error(
    client: PersonioClient, auth_route: respx.Route
) -> None:
    auth_route.side_effect = [
        httpx.Response(502, text="<html>bad gateway</html>"),
        httpx.Response(200, json=token_body()),
    ]
    assert client._token_cache.get_token() == TOKEN
    assert auth_route.call_count == 2


def test_token_request_retries_are_bounded(
    client: PersonioClient, auth_route: respx.Route
) -> None:
    auth_route.respond(503)
    with pytest.raises(ServerError):
        client._token_cache.get_token()
    assert auth_route.call_count == 3


def test_token_request_retried_on_connection_error(
    client: PersonioClient, auth_route: respx.Route
) -> None:
    auth_route.side_effect = [
        httpx.ConnectError("refused"),
        httpx.Response(200, json=token_body()),
    ]
    assert client._token_cache.get_token() == TOKEN


def test_token_connection_errors_raise_after_retries(
    client: PersonioClient, auth_route: respx.Route
) -> None:
    auth_route.mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError, match="check base_url"):
        client._token_cache.get_token()
    assert auth_route.call_count == 3


def test_token_rate_limit_raises_without_retry(
    client: PersonioClient, auth_route: respx.Route
) -> None:
    auth_route.respond(429, headers={"Retry-After": "60"})
    with pytest.raises(RateLimitError) as caught:
        client._token_cache.get_token()
    assert auth_route.call_count == 1
    assert caught.value.retry_after == 60.0


@pytest.mark.parametrize(
    "body",
    [
        {"success": True, "data": {"token": ""}},
        {"success": True, "data": {}},
        {"success": True},
        ["not", "an", "object"],
    ],
)
def test_malformed_token_response_raises_validation_error(
    client: PersonioClient, auth_route: respx.Route, body: object
) -> None:
    auth_route.respond(200, json=body)
    with pytest.raises(ResponseValidationError) as caught:
        client._token_cache.get_token()
    assert caught.value.path == "/v1/auth"


def test_token_cache_repr_hides_token_and_secret(
    client: PersonioClient, auth_route: respx.Route
) -> None:
    client._token_cache.get_token()
    text = repr(client._token_cache)
    assert TOKEN not in text
    assert CLIENT_SECRET not in text
    assert "has_token=True" in text


def _run_threads(target: Callable[[], object]) -> list[BaseException | object]:
    results: list[BaseException | object] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def worker() -> None:
        start.wait(timeout=5)
        try:
            outcome: BaseException | object = target()
        except BaseException as exc:
            outcome = exc
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert not any(thread.is_alive() for thread in threads)
    return results


def _count_entries(client: PersonioClient) -> tuple[threading.Event, list[int]]:
    """Wrap get_token so that an event is set once every thread has called it."""
    cache = client._token_cache
    original = cache.get_token
    entered = [0]
    everyone_asked = threading.Event()
    lock = threading.Lock()

    def counting_get_token() -> str:
        with lock:
            entered[0] += 1
            if entered[0] >= THREADS:
                everyone_asked.set()
        return original()

    cache.get_token = counting_get_token  # type: ignore[method-assign]
    return everyone_asked, entered


def test_sixteen_threads_share_one_token_request(
    client: PersonioClient, auth_route: respx.Route, data_route: respx.Route
) -> None:
    everyone_asked, entered = _count_entries(client)
    lock_free_during_call: list[bool] = []

    def blocking_token_endpoint(request: httpx.Request) -> httpx.Response:
        # Blocks until all threads are inside get_token, so they truly overlap.
        assert everyone_asked.wait(timeout=5)
        # The cache lock must not be held during the HTTP call.
        probe = threading.Thread(target=lambda: client._token_cache.token_requests)
        probe.start()
        probe.join(timeout=2)
        lock_free_during_call.append(not probe.is_alive())
        return httpx.Response(200, json=token_body())

    auth_route.side_effect = blocking_token_endpoint
    results = _run_threads(lambda: client._transport.get(EMPLOYEES))
    assert entered[0] == THREADS
    assert auth_route.call_count == 1
    assert results == [OK_BODY] * THREADS
    assert lock_free_during_call == [True]


def test_sixteen_threads_share_one_failure(
    client: PersonioClient, auth_route: respx.Route, data_route: respx.Route
) -> None:
    everyone_asked, _ = _count_entries(client)

    def failing_token_endpoint(request: httpx.Request) -> httpx.Response:
        assert everyone_asked.wait(timeout=5)
        return httpx.Response(403, json=v1_error(0, "Wrong credentials"))

    auth_route.side_effect = failing_token_endpoint
    results = _run_threads(lambda: client._transport.get(EMPLOYEES))
    assert auth_route.call_count == 1
    assert all(isinstance(result, AuthenticationError) for result in results)
    assert data_route.call_count == 0


def test_sixteen_threads_with_stale_token_reauthenticate_once(
    client: PersonioClient, auth_route: respx.Route, router: respx.MockRouter
) -> None:
    auth_route.side_effect = [
        httpx.Response(200, json=token_body(TOKEN)),
        httpx.Response(200, json=token_body(SECOND_TOKEN)),
    ]
    client._token_cache.get_token()
    all_failed = threading.Barrier(THREADS)

    def data_endpoint(request: httpx.Request) -> httpx.Response:
        if request.headers["authorization"] == f"Bearer {TOKEN}":
            # Every thread sees the stale token fail before anyone re-authenticates.
            all_failed.wait(timeout=5)
            return httpx.Response(401, json=v1_error(401, "expired"))
        return httpx.Response(200, json=OK_BODY)

    router.get(EMPLOYEES).mock(side_effect=data_endpoint)
    results = _run_threads(lambda: client._transport.get(EMPLOYEES))
    assert results == [OK_BODY] * THREADS
    assert auth_route.call_count == 2
