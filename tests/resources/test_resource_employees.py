"""Requests of `client.employees`, the email lookup and its suggestion."""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

import httpx
import pytest
import respx
from resource_helpers import (
    data_requests,
    employee_item,
    list_body,
    load_payload,
    record_pages,
)

from personio_sdk import EmployeeNotFoundError, NotFoundError
from personio_sdk._transport import Transport
from personio_sdk.resources import SUGGESTION_SCAN_LIMIT, EmployeesResource

EMPLOYEES = "/v1/company/employees"


@pytest.fixture
def employees(transport: Transport) -> EmployeesResource:
    return EmployeesResource(transport)


def test_list_walks_record_offsets(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    api.get(EMPLOYEES).mock(
        side_effect=record_pages([employee_item(i) for i in range(1, 251)])
    )
    ids = [employee.id for employee in employees.list()]
    assert ids == list(range(1, 251))
    offsets = [r.url.params["offset"] for r in data_requests(api)]
    assert offsets == ["0", "100", "200"]
    assert {r.url.params["limit"] for r in data_requests(api)} == {"100"}


def test_list_is_lazy(api: respx.MockRouter, employees: EmployeesResource) -> None:
    api.get(EMPLOYEES).mock(side_effect=record_pages([employee_item(1)]))
    iterator = employees.list()
    assert data_requests(api) == []
    assert next(iterator).id == 1


def test_list_official_example(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    body = load_payload("v1-employees-list-200")
    api.get(EMPLOYEES).respond(json=body)
    [employee] = list(employees.list())
    assert employee.id == 1
    assert employee.weekly_working_hours == Decimal(40)


def test_updated_since_sent_without_email(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    api.get(EMPLOYEES).respond(json=list_body([employee_item(1)]))
    list(employees.list(updated_since=date(2026, 1, 1)))
    [request] = data_requests(api)
    assert request.url.params["updated_since"] == "2026-01-01"
    assert "email" not in request.url.params


def test_updated_since_datetime_in_utc(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    api.get(EMPLOYEES).respond(json=list_body([]))
    since = datetime(2026, 1, 1, 9, 30, tzinfo=timezone.utc)
    list(employees.list(updated_since=since))
    assert data_requests(api)[0].url.params["updated_since"] == "2026-01-01T09:30:00"


def test_updated_since_naive_rejected(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    with pytest.raises(ValueError, match="updated_since"):
        employees.list(updated_since=datetime(2026, 1, 1))
    assert data_requests(api) == []


def test_get_path_and_values(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    api.get(f"{EMPLOYEES}/1").respond(json=load_payload("v1-employee-get-200"))
    employee = employees.get(1)
    assert employee.email == "alexander.bergmann@demo.email"
    assert employee.work_schedule is not None


def test_get_unknown_is_employee_not_found(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    body = {
        "success": False,
        "error": {"code": 404, "message": "Es ist ein Problem aufgetreten "},
    }
    api.get(f"{EMPLOYEES}/9").respond(404, json=body)
    with pytest.raises(EmployeeNotFoundError) as caught:
        employees.get(9)
    assert isinstance(caught.value, NotFoundError)
    assert caught.value.status_code == 404
    assert caught.value.path == f"{EMPLOYEES}/9"


@pytest.mark.parametrize("bad", [0, -3])
def test_get_rejects_non_positive_id(
    api: respx.MockRouter, employees: EmployeesResource, bad: int
) -> None:
    with pytest.raises(ValueError, match="employee_id"):
        employees.get(bad)
    assert data_requests(api) == []


@pytest.mark.parametrize("bad", ["5", 5.0, True, None])
def test_get_rejects_non_int(
    api: respx.MockRouter, employees: EmployeesResource, bad: Any
) -> None:
    with pytest.raises(TypeError, match="employee_id"):
        employees.get(bad)
    assert data_requests(api) == []


def test_find_sends_email_filter(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    api.get(EMPLOYEES).respond(json=list_body([employee_item(4, "ada@example.com")]))
    assert employees.find_by_email("ada@example.com").id == 4
    [request] = data_requests(api)
    assert request.url.params["email"] == "ada@example.com"
    assert "updated_since" not in request.url.params


def test_find_strips_spaces(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    api.get(EMPLOYEES).respond(json=list_body([employee_item(4, "ada@example.com")]))
    assert employees.find_by_email("  ada@example.com ").id == 4


def test_find_picks_exact_row_when_filter_ignored(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    rows = [employee_item(1, "bob@example.com"), employee_item(2, "ada@example.com")]
    api.get(EMPLOYEES).respond(json=list_body(rows))
    assert employees.find_by_email("ada@example.com").id == 2


def test_find_case_near_miss_from_server(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    api.get(EMPLOYEES).respond(json=list_body([employee_item(4, "Ada@Example.com")]))
    with pytest.raises(EmployeeNotFoundError) as caught:
        employees.find_by_email("ada@example.com")
    assert caught.value.suggestion == "Ada@Example.com"


def test_find_case_near_miss_from_scan(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    everyone = [employee_item(i, f"person{i}@example.com") for i in range(1, 150)]
    everyone.append(employee_item(150, "Ada.Lovelace@Example.com"))

    def respond(request: httpx.Request) -> httpx.Response:
        if "email" in request.url.params:
            return httpx.Response(200, json=list_body([]))
        return record_pages(everyone)(request)

    api.get(EMPLOYEES).mock(side_effect=respond)
    with pytest.raises(EmployeeNotFoundError) as caught:
        employees.find_by_email("ada.lovelace@example.com")
    assert caught.value.suggestion == "Ada.Lovelace@Example.com"


def test_find_message_carries_no_email(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    api.get(EMPLOYEES).respond(json=list_body([employee_item(4, "Ada@Example.com")]))
    with pytest.raises(EmployeeNotFoundError) as caught:
        employees.find_by_email("ada@example.com")
    message = str(caught.value)
    assert "ada@example.com" not in message.lower()
    assert "exactly" in message
    assert "suggestion" in message
    assert "Ada@Example.com" not in repr(caught.value)


def test_find_without_suggestion(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    def respond(request: httpx.Request) -> httpx.Response:
        if "email" in request.url.params:
            return httpx.Response(200, json=list_body([]))
        return record_pages([employee_item(1, "bob@example.com")])(request)

    api.get(EMPLOYEES).mock(side_effect=respond)
    with pytest.raises(EmployeeNotFoundError) as caught:
        employees.find_by_email("ada@example.com")
    assert caught.value.suggestion is None
    assert "suggestion" not in str(caught.value)


def test_find_scan_is_bounded(
    api: respx.MockRouter, employees: EmployeesResource
) -> None:
    everyone = [employee_item(i, f"person{i}@example.com") for i in range(1, 1001)]
    everyone.append(employee_item(1001, "ADA@example.com"))

    def respond(request: httpx.Request) -> httpx.Response:
        if "email" in request.url.params:
            return httpx.Response(200, json=list_body([]))
        return record_pages(everyone)(request)

    api.get(EMPLOYEES).mock(side_effect=respond)
    with pytest.raises(EmployeeNotFoundError) as caught:
        employees.find_by_email("ada@example.com")
    assert caught.value.suggestion is None
    scan_requests = [r for r in data_requests(api) if "email" not in r.url.params]
    assert len(scan_requests) == SUGGESTION_SCAN_LIMIT // 100


@pytest.mark.parametrize(
    "bad", ["", "   ", "ada", "ada@", "@example.com", "a b@example.com", "a@@b"]
)
def test_find_rejects_malformed_email(
    api: respx.MockRouter, employees: EmployeesResource, bad: str
) -> None:
    with pytest.raises(ValueError, match="email"):
        employees.find_by_email(bad)
    assert data_requests(api) == []


def test_find_error_hides_malformed_email(employees: EmployeesResource) -> None:
    with pytest.raises(ValueError, match="not a valid email address") as caught:
        employees.find_by_email("ada.secret-at-example.com")
    assert "ada.secret" not in str(caught.value)


def test_find_rejects_non_string(employees: EmployeesResource) -> None:
    with pytest.raises(TypeError, match="email"):
        employees.find_by_email(None)  # type: ignore[arg-type]
