"""Mapping of error responses to exception classes, and safe messages."""

from __future__ import annotations

import datetime

import httpx
import pydantic
import pytest

from personio_sdk import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    EmployeeNotFoundError,
    NotFoundError,
    PermissionDeniedError,
    PersonioError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    UnprocessableEntityError,
)
from personio_sdk._errors import error_from_response, format_location

PATH = "/v1/company/employees/7"


def response(
    status: int,
    *,
    json: object = None,
    text: str | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    if text is not None:
        return httpx.Response(status, text=text, headers=headers)
    return httpx.Response(status, json=json, headers=headers)


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, APIStatusError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
    ],
)
def test_status_maps_to_class(status: int, error_class: type[APIStatusError]) -> None:
    error = error_from_response(response(status, json={}), method="GET", path=PATH)
    assert type(error) is error_class
    assert error.status_code == status


def test_every_status_error_is_a_personio_error() -> None:
    error = error_from_response(response(418, json={}), method="GET", path=PATH)
    assert isinstance(error, PersonioError)


def test_v1_error_body_message_is_read() -> None:
    body = {
        "success": False,
        "error": {"code": 0, "message": "Time-off type not found."},
    }
    error = error_from_response(response(404, json=body), method="GET", path=PATH)
    assert error.personio_message == "Time-off type not found."
    assert str(error) == (
        f"GET {PATH} failed with HTTP 404 Not Found: Time-off type not found."
    )


def test_german_message_is_kept() -> None:
    body = {
        "success": False,
        "error": {"code": 404, "message": "Es ist ein Problem aufgetreten "},
    }
    error = error_from_response(response(404, json=body), method="GET", path=PATH)
    assert error.personio_message == "Es ist ein Problem aufgetreten"


def test_problem_json_body_is_read() -> None:
    body = {
        "personio_trace_id": "trace-abc",
        "timestamp": "2021-05-28T11:17:30.000Z",
        "errors": [
            {"title": "Not found", "detail": "The requested resource was not found."}
        ],
    }
    error = error_from_response(
        httpx.Response(
            404,
            json=body,
            headers={"Content-Type": "application/problem+json"},
        ),
        method="GET",
        path=PATH,
    )
    assert error.personio_message == "Not found: The requested resource was not found."
    assert error.request_id == "trace-abc"


def test_oauth_error_body_is_read() -> None:
    body = {
        "error": "invalid_client",
        "error_description": "Client authentication failed",
    }
    error = error_from_response(
        response(400, json=body), method="POST", path="/v2/auth/token"
    )
    assert error.personio_message == "invalid_client: Client authentication failed"


def test_html_body_gives_no_message() -> None:
    html = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    error = error_from_response(
        response(502, text=html, headers={"Content-Type": "text/html; charset=utf-8"}),
        method="GET",
        path=PATH,
    )
    assert isinstance(error, ServerError)
    assert error.personio_message is None
    assert "<html>" not in str(error)
    assert "text/html" in str(error)


def test_empty_body_is_handled() -> None:
    error = error_from_response(httpx.Response(503), method="GET", path=PATH)
    assert error.personio_message is None
    assert str(error) == f"GET {PATH} failed with HTTP 503 Service Unavailable"


def test_long_message_is_shortened() -> None:
    body = {"success": False, "error": {"message": "x" * 5000}}
    error = error_from_response(response(400, json=body), method="GET", path=PATH)
    assert error.personio_message is not None
    assert len(error.personio_message) <= 300


def test_request_id_header_is_read() -> None:
    error = error_from_response(
        response(500, json={}, headers={"X-Request-Id": "req-42"}),
        method="GET",
        path=PATH,
    )
    assert error.request_id == "req-42"
    assert "(request id req-42)" in str(error)


def test_query_string_never_reaches_the_message() -> None:
    error = error_from_response(
        response(400, json={}),
        method="GET",
        path="/v1/company/employees?email=ada%40example.com",
    )
    assert error.path == "/v1/company/employees"
    assert "ada" not in str(error)


def test_authentication_error_names_what_to_check() -> None:
    error = error_from_response(response(401, json={}), method="GET", path=PATH)
    message = str(error)
    assert "client id and secret" in message
    assert "revoked" in message
    assert "read permission on Employees and Absences" in message


@pytest.mark.parametrize(
    ("path", "permission"),
    [
        ("/v1/company/employees", "Employees"),
        ("/v1/company/time-offs", "Absences"),
        ("/v1/company/absence-periods", "Absences"),
        ("/v1/company/employees/7/absences/balance", "Absences"),
    ],
)
def test_permission_denied_names_the_permission(path: str, permission: str) -> None:
    error = error_from_response(response(403, json={}), method="GET", path=path)
    assert f"read permission on {permission}" in str(error)


def test_rate_limit_error_carries_retry_after() -> None:
    error = error_from_response(
        response(429, json={}), method="GET", path=PATH, retry_after=120.0
    )
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 120.0
    assert "120" in str(error)


def test_employee_not_found_without_response() -> None:
    error = EmployeeNotFoundError(
        "No employee has this email address.",
        suggestion="Ada.Lovelace@example.com",
        path="/v1/company/employees",
    )
    assert error.status_code == 404
    assert error.method == "GET"
    assert error.suggestion == "Ada.Lovelace@example.com"
    assert "Ada.Lovelace" not in str(error)
    assert "Ada.Lovelace" not in repr(error)
    assert isinstance(error, NotFoundError)


class _Period(pydantic.BaseModel):
    id: int
    start_date: datetime.date


def test_from_pydantic_keeps_no_input_value() -> None:
    secret_value = "ada.secret@example.com"
    with pytest.raises(pydantic.ValidationError) as caught:
        _Period.model_validate({"id": secret_value, "start_date": secret_value})
    error = ResponseValidationError.from_pydantic(
        caught.value, path="/v1/company/time-offs", prefix="data[3].attributes"
    )
    assert error.location == "data[3].attributes.id"
    assert error.expected == "an integer"
    assert error.more_errors == 1
    assert secret_value not in str(error)
    assert secret_value not in repr(error)


def test_from_pydantic_missing_field() -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        _Period.model_validate({"id": 1})
    error = ResponseValidationError.from_pydantic(caught.value, path="/v1/x")
    assert error.location == "start_date"
    assert "missing" in error.expected


def test_format_location_renders_indexes() -> None:
    assert format_location(("data", 3, "attributes", "end_date")) == (
        "data[3].attributes.end_date"
    )


def test_hint_after_message_with_period_has_one_period() -> None:
    body = {"success": False, "error": {"code": 403, "message": "Not allowed."}}
    error = error_from_response(response(403, json=body), method="GET", path=PATH)
    assert ".." not in str(error)
    assert "Not allowed. Check" in str(error)
