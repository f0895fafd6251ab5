"""The request id in the request loop's log lines."""

from __future__ import annotations

import logging

import pytest
import respx

from personio_sdk import PersonioClient

EMPLOYEE = "/v1/company/employees/1"
BODY = {"success": True, "data": {"type": "Employee", "attributes": {}}}


def debug_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "personio_sdk"]


def test_log_omits_missing_request_id(
    client: PersonioClient,
    router: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    router.get(EMPLOYEE).respond(200, json=BODY)
    with caplog.at_level(logging.DEBUG, logger="personio_sdk"):
        client._transport.get(EMPLOYEE)
    lines = [line for line in debug_messages(caplog) if line.startswith("GET")]
    assert lines == [f"GET {EMPLOYEE} -> 200 (attempt 1)"]


def test_log_shows_request_id_when_sent(
    client: PersonioClient,
    router: respx.MockRouter,
    caplog: pytest.LogCaptureFixture,
) -> None:
    router.get(EMPLOYEE).respond(200, json=BODY, headers={"X-Request-Id": "req-7"})
    with caplog.at_level(logging.DEBUG, logger="personio_sdk"):
        client._transport.get(EMPLOYEE)
    lines = [line for line in debug_messages(caplog) if line.startswith("GET")]
    assert lines == [f"GET {EMPLOYEE} -> 200 (attempt 1, request id req-7)"]
