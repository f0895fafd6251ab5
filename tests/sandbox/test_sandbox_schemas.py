"""Every documented endpoint's responses match the hand-written v1 schemas."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from personio_sdk.sandbox import Sandbox

from . import schemas
from .conftest import Api


def _problems(response: httpx.Response, schema: Any) -> list[str]:
    return schemas.validate(response.json(), schema)


def _all_pages(api: Api, path: str, limit: int) -> list[httpx.Response]:
    pages = [api.get(path, {"limit": limit, "offset": 1})]
    total = pages[0].json()["metadata"]["total_pages"]
    pages += [
        api.get(path, {"limit": limit, "offset": page}) for page in range(2, total + 1)
    ]
    return pages


def test_schema_auth(sandbox: Sandbox) -> None:
    response = httpx.post(f"{sandbox.url}/v1/auth", json=dict(sandbox.credentials))
    assert _problems(response, schemas.AUTH_RESPONSE) == []


def test_schema_every_employee_page(api: Api) -> None:
    for offset in range(0, 64, 25):
        response = api.get("/v1/company/employees", {"limit": 25, "offset": offset})
        assert _problems(response, schemas.EMPLOYEES_RESPONSE) == []


def test_schema_employees_narrow(narrow_api: Api) -> None:
    response = narrow_api.get("/v1/company/employees", {"limit": 100, "offset": 0})
    assert _problems(response, schemas.EMPLOYEES_RESPONSE) == []


def test_schema_employees_updated_since(api: Api) -> None:
    response = api.get("/v1/company/employees", {"updated_since": "2026-01-01"})
    assert _problems(response, schemas.EMPLOYEES_RESPONSE) == []


def test_schema_employees_projection(api: Api) -> None:
    params = [("attributes[]", "first_name"), ("attributes[]", "work_schedule")]
    response = api.get("/v1/company/employees", params)
    assert _problems(response, schemas.EMPLOYEES_RESPONSE) == []


@pytest.mark.parametrize("employee_id", range(1, 9))
def test_schema_featured_employee(api: Api, employee_id: int) -> None:
    response = api.get(f"/v1/company/employees/{employee_id}")
    assert _problems(response, schemas.EMPLOYEE_RESPONSE) == []


def test_schema_attribute_list(api: Api) -> None:
    response = api.get("/v1/company/employees/attributes")
    assert _problems(response, schemas.ATTRIBUTES_RESPONSE) == []


def test_schema_time_off_types(api: Api) -> None:
    response = api.get("/v1/company/time-off-types")
    assert _problems(response, schemas.TIME_OFF_TYPES_RESPONSE) == []


def test_schema_every_time_off_page(api: Api) -> None:
    for response in _all_pages(api, "/v1/company/time-offs", 200):
        assert _problems(response, schemas.TIME_OFFS_RESPONSE) == []


def test_schema_empty_time_off_page(api: Api) -> None:
    response = api.get("/v1/company/time-offs", {"start_date": "2030-01-01"})
    assert _problems(response, schemas.TIME_OFFS_RESPONSE) == []


def test_schema_single_time_off(api: Api) -> None:
    response = api.get("/v1/company/time-offs/100001")
    assert _problems(response, schemas.TIME_OFF_RESPONSE) == []


def test_schema_every_period_page(api: Api) -> None:
    for response in _all_pages(api, "/v1/company/absence-periods", 50):
        assert _problems(response, schemas.PERIODS_RESPONSE) == []


def test_schema_every_balance(api: Api) -> None:
    for employee_id in range(1, 65):
        response = api.get(f"/v1/company/employees/{employee_id}/absences/balance")
        assert _problems(response, schemas.BALANCE_RESPONSE) == []


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/company/employees/9999", None),
        ("/v1/company/employees", {"limit": 500}),
        ("/v1/company/time-offs", {"limit": 500}),
        ("/v1/company/time-offs/1", None),
        ("/v1/company/absence-periods", {"limit": "x"}),
        ("/v1/company/employees/9999/absences/balance", None),
    ],
)
def test_schema_error_bodies(api: Api, path: str, params: Any) -> None:
    response = api.get(path, params)
    assert response.status_code >= 400
    assert _problems(response, schemas.ERROR_RESPONSE) == []


def test_schema_auth_error_body(sandbox: Sandbox) -> None:
    response = httpx.post(f"{sandbox.url}/v1/auth", json={"client_id": "x"})
    assert _problems(response, schemas.ERROR_RESPONSE) == []


def test_schema_validator_reports_wrong_type() -> None:
    problems = schemas.validate({"success": True, "data": {}}, schemas.BALANCE_RESPONSE)
    assert problems == ["$.data: expected array"]


def test_schema_validator_reports_missing_field() -> None:
    problems = schemas.validate({"success": False}, schemas.ERROR_RESPONSE)
    assert problems == ["$.error: missing"]
