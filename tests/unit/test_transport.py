"""The request loop: retries, waits, status mapping and the 401 replay."""

from __future__ import annotations

import json

import httpx
import pytest
import respx

from personio_sdk import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    PersonioClient,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    UnprocessableEntityError,
)
from personio_sdk._version import __version__

from .conftest import (
    CLIENT_SECRET,
    SECOND_TOKEN,
    TOKEN,
    FakeClock,
    token_body,
    v1_error,
)

EMPLOYEES = "/v1/company/employees"
OK_BODY = {"success": True, "data": []}
HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


def data_calls(route: respx.Route) -> int:
    return route.call_count


def test_get_returns_decoded_json(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    router.get(EMPLOYEES).respond(200, json=OK_BODY)
    assert client._transport.get(EMPLOYEES) == OK_BODY


def test_get_sends_bearer_user_agent_and_app_headers(
    make_client, auth_route: respx.Route, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES).respond(200, json=OK_BODY)
    client = make_client(app_id="MY_APP", partner_id="ACME")
    client._transport.get(EMPLOYEES)
    headers = route.calls.last.request.headers
    assert headers["authorization"] == f"Bearer {TOKEN}"
    assert headers["user-agent"].startswith(f"personio-sdk/{__version__} python/")
    assert headers["x-personio-app-id"] == "MY_APP"
    assert headers["x-personio-partner-id"] == "ACME"


def test_get_without_app_ids_sends_no_app_headers(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES).respond(200, json=OK_BODY)
    client._transport.get(EMPLOYEES)
    headers = route.calls.last.request.headers
    assert "x-personio-app-id" not in headers
    assert "x-personio-partner-id" not in headers


def test_get_repeats_list_params(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get("/v1/company/time-offs").respond(200, json=OK_BODY)
    client._transport.get(
        "/v1/company/time-offs", params=[("employees[]", 1), ("employees[]", 2)]
    )
    query = route.calls.last.request.url.params
    assert query.get_list("employees[]") == ["1", "2"]


def test_429_with_retry_after_waits_that_long(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = router.get(EMPLOYEES)
    route.side_effect = [
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.Response(200, json=OK_BODY),
    ]
    client._transport.get(EMPLOYEES)
    assert route.call_count == 2
    assert clock.sleeps == [2.0]


def test_429_http_date_retry_after_is_honoured(
    make_client, auth_route: respx.Route, router: respx.MockRouter, clock: FakeClock
) -> None:
    client = make_client()
    client._transport._wall_clock = lambda: 1_700_000_000.0
    route = router.get(EMPLOYEES)
    route.side_effect = [
        # 1_700_000_005 seconds since the epoch.
        httpx.Response(429, headers={"Retry-After": "Tue, 14 Nov 2023 22:13:25 GMT"}),
        httpx.Response(200, json=OK_BODY),
    ]
    client._transport.get(EMPLOYEES)
    assert clock.sleeps == [5.0]


def test_429_without_retry_after_waits_1s(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = router.get(EMPLOYEES)
    route.side_effect = [httpx.Response(429), httpx.Response(200, json=OK_BODY)]
    client._transport.get(EMPLOYEES)
    assert len(clock.sleeps) == 1
    assert clock.sleeps[0] >= 1.0


def test_retry_after_over_cap_raises_at_once(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = router.get(EMPLOYEES).respond(429, headers={"Retry-After": "3600"})
    with pytest.raises(RateLimitError) as caught:
        client._transport.get(EMPLOYEES)
    assert caught.value.retry_after == 3600.0
    assert clock.sleeps == []
    assert route.call_count == 1


def test_429_out_of_retries_raises_rate_limit_error(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = router.get(EMPLOYEES).respond(429, headers={"Retry-After": "1"})
    with pytest.raises(RateLimitError) as caught:
        client._transport.get(EMPLOYEES)
    assert route.call_count == 4
    assert caught.value.retry_after == 1.0


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (405, APIStatusError),
        (409, APIStatusError),
        (422, UnprocessableEntityError),
    ],
)
def test_client_errors_are_not_retried(
    client: PersonioClient,
    router: respx.MockRouter,
    clock: FakeClock,
    status: int,
    error_class: type[APIStatusError],
) -> None:
    route = router.get(EMPLOYEES).respond(status, json=v1_error(status, "Nope"))
    with pytest.raises(APIStatusError) as caught:
        client._transport.get(EMPLOYEES)
    assert route.call_count == 1
    assert clock.sleeps == []
    assert type(caught.value) is error_class
    assert caught.value.status_code == status


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_retried_then_raise(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock, status: int
) -> None:
    route = router.get(EMPLOYEES).respond(status, json=v1_error(status, "Oops"))
    with pytest.raises(ServerError) as caught:
        client._transport.get(EMPLOYEES)
    assert route.call_count == 4
    assert len(clock.sleeps) == 3
    assert caught.value.status_code == status


def test_html_502_is_retried_then_raises_server_error(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = router.get(EMPLOYEES).respond(
        502, text=HTML_502, headers={"Content-Type": "text/html"}
    )
    with pytest.raises(ServerError) as caught:
        client._transport.get(EMPLOYEES)
    assert route.call_count == 4
    assert caught.value.personio_message is None
    assert "text/html" in str(caught.value)


def test_html_502_then_success_returns_the_data(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES)
    route.side_effect = [
        httpx.Response(502, text=HTML_502, headers={"Content-Type": "text/html"}),
        httpx.Response(200, json=OK_BODY),
    ]
    assert client._transport.get(EMPLOYEES) == OK_BODY


def test_backoff_grows_and_is_capped(
    make_client, auth_route: respx.Route, router: respx.MockRouter, clock: FakeClock
) -> None:
    client = make_client(max_retries=6)
    router.get(EMPLOYEES).respond(503)
    with pytest.raises(ServerError):
        client._transport.get(EMPLOYEES)
    # With the random part pinned to zero, each wait is half its ceiling.
    assert clock.sleeps == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0]


def test_max_retries_zero_makes_one_attempt(
    make_client, auth_route: respx.Route, router: respx.MockRouter
) -> None:
    client = make_client(max_retries=0)
    route = router.get(EMPLOYEES).respond(503)
    with pytest.raises(ServerError):
        client._transport.get(EMPLOYEES)
    assert route.call_count == 1


def test_connection_error_is_retried(
    client: PersonioClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    route = router.get(EMPLOYEES)
    route.side_effect = [
        httpx.ConnectError("refused"),
        httpx.Response(200, json=OK_BODY),
    ]
    assert client._transport.get(EMPLOYEES) == OK_BODY
    assert route.call_count == 2


def test_connection_errors_out_of_retries_raise_connection_error(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES).mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as caught:
        client._transport.get(EMPLOYEES, params=[("email", "x@example.com")])
    assert route.call_count == 4
    assert not isinstance(caught.value, APITimeoutError)
    assert caught.value.__cause__ is None
    assert "check base_url" in str(caught.value)


def test_timeouts_out_of_retries_raise_timeout_error(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES).mock(side_effect=httpx.ReadTimeout("timed out"))
    with pytest.raises(APITimeoutError):
        client._transport.get(EMPLOYEES)
    assert route.call_count == 4


def test_truncated_body_is_retried(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    route = router.get(EMPLOYEES)
    route.side_effect = [
        httpx.RemoteProtocolError("peer closed connection: incomplete chunked read"),
        httpx.Response(200, json=OK_BODY),
    ]
    assert client._transport.get(EMPLOYEES) == OK_BODY
    assert route.call_count == 2


def test_non_json_success_body_raises_validation_error(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    router.get(EMPLOYEES).respond(200, text="<html>maintenance</html>")
    with pytest.raises(ResponseValidationError) as caught:
        client._transport.get(EMPLOYEES)
    assert caught.value.path == EMPLOYEES
    assert caught.value.location == "body"


@pytest.mark.parametrize(
    "content",
    [
        pytest.param('{"data": ["é"]}'.encode("utf-16"), id="utf-16"),
        pytest.param(b'\xef\xbb\xbf{"data": []}', id="utf-8 byte order mark"),
        pytest.param(b'{"data": ["\\ud800"]}', id="lone surrogate"),
        pytest.param(b"[" * 300 + b"]" * 300, id="300 levels deep"),
    ],
)
def test_rejected_bodies_fall_back_to_json_loads(
    client: PersonioClient, router: respx.MockRouter, content: bytes
) -> None:
    router.get(EMPLOYEES).respond(200, content=content)
    assert client._transport.get(EMPLOYEES) == json.loads(content)


def test_large_numbers_decode_like_json_loads(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    content = b'{"data": [123456789012345678901234567890, 0.1, 1e400, -0.0, 5e-324]}'
    router.get(EMPLOYEES).respond(200, content=content)
    assert client._transport.get(EMPLOYEES) == json.loads(content)


def test_401_reauthenticates_and_replays_once(
    client: PersonioClient, router: respx.MockRouter, auth_route: respx.Route
) -> None:
    auth_route.side_effect = [
        httpx.Response(200, json=token_body(TOKEN)),
        httpx.Response(200, json=token_body(SECOND_TOKEN)),
    ]
    route = router.get(EMPLOYEES)
    route.side_effect = [
        httpx.Response(401, json=v1_error(401, "The token has been blacklisted")),
        httpx.Response(200, json=OK_BODY),
    ]
    assert client._transport.get(EMPLOYEES) == OK_BODY
    assert auth_route.call_count == 2
    assert route.calls.last.request.headers["authorization"] == f"Bearer {SECOND_TOKEN}"


def test_second_401_raises_authentication_error(
    client: PersonioClient, router: respx.MockRouter, auth_route: respx.Route
) -> None:
    route = router.get(EMPLOYEES).respond(
        401, json=v1_error(401, "Authorization is not provided")
    )
    with pytest.raises(AuthenticationError) as caught:
        client._transport.get(EMPLOYEES)
    assert route.call_count == 2
    assert auth_route.call_count == 2
    assert caught.value.status_code == 401


def test_403_authorization_not_valid_is_treated_like_401(
    client: PersonioClient, router: respx.MockRouter, auth_route: respx.Route
) -> None:
    route = router.get(EMPLOYEES)
    route.side_effect = [
        httpx.Response(403, json=v1_error(403, "Provided authorization is not valid")),
        httpx.Response(200, json=OK_BODY),
    ]
    assert client._transport.get(EMPLOYEES) == OK_BODY
    assert auth_route.call_count == 2


def test_other_403_raises_permission_denied_without_reauth(
    client: PersonioClient, router: respx.MockRouter, auth_route: respx.Route
) -> None:
    router.get(EMPLOYEES).respond(403, json=v1_error(403, "Forbidden"))
    with pytest.raises(PermissionDeniedError) as caught:
        client._transport.get(EMPLOYEES)
    assert auth_route.call_count == 1
    assert "Employees" in str(caught.value)


def test_401_after_server_error_retry_still_replays_once(
    client: PersonioClient, router: respx.MockRouter, auth_route: respx.Route
) -> None:
    route = router.get(EMPLOYEES)
    route.side_effect = [
        httpx.Response(503),
        httpx.Response(401, json=v1_error(401, "expired")),
        httpx.Response(200, json=OK_BODY),
    ]
    assert client._transport.get(EMPLOYEES) == OK_BODY
    assert auth_route.call_count == 2


def test_error_message_has_no_query_secret_or_token(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    router.get(EMPLOYEES).respond(
        404, json=v1_error(404, "Es ist ein Problem aufgetreten ")
    )
    with pytest.raises(NotFoundError) as caught:
        client._transport.get(EMPLOYEES, params=[("email", "ada.canary@example.com")])
    text = str(caught.value) + repr(caught.value)
    assert "?" not in text
    assert "ada.canary" not in text
    assert CLIENT_SECRET not in text
    assert TOKEN not in text
    assert caught.value.path == EMPLOYEES


def test_path_with_query_is_stripped_from_errors(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    router.get(EMPLOYEES).respond(400, json=v1_error(400, "bad"))
    with pytest.raises(BadRequestError) as caught:
        client._transport.get(EMPLOYEES + "?email=ada.canary@example.com")
    assert "ada.canary" not in str(caught.value)


def test_before_send_hook_runs_before_each_attempt(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    seen: list[tuple[str, str]] = []
    client._transport.before_send = lambda method, path: seen.append((method, path))
    route = router.get(EMPLOYEES)
    route.side_effect = [httpx.Response(503), httpx.Response(200, json=OK_BODY)]
    client._transport.get(EMPLOYEES)
    assert seen == [("GET", EMPLOYEES), ("GET", EMPLOYEES)]


def test_request_id_header_reaches_the_error(
    client: PersonioClient, router: respx.MockRouter
) -> None:
    router.get(EMPLOYEES).respond(
        404, json=v1_error(404, "not found"), headers={"X-Request-Id": "req-123"}
    )
    with pytest.raises(NotFoundError) as caught:
        client._transport.get(EMPLOYEES)
    assert caught.value.request_id == "req-123"
    assert "req-123" in str(caught.value)


def test_transport_repr_holds_no_secret(client: PersonioClient) -> None:
    assert CLIENT_SECRET not in repr(client._transport)


def test_relative_path_is_rejected(client: PersonioClient) -> None:
    with pytest.raises(ValueError, match="must start with"):
        client._transport.get("v1/company/employees")
