"""Builders of Personio v1 response bodies and request inspection for resource tests."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx
import respx

BASE_URL = "https://api.personio.de"
PAYLOADS = Path(__file__).parent.parent / "models" / "payloads"


def load_payload(name: str) -> Any:
    """Load `tests/models/payloads/<name>.json`."""
    return json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))


def wrapped(key: str, value: Any) -> dict[str, Any]:
    return {"label": key, "value": value, "type": "standard", "universal_id": key}


def employee_item(employee_id: int, email: str | None = None, **values: Any) -> dict:
    attributes = {"id": wrapped("id", employee_id)}
    if email is not None:
        attributes["email"] = wrapped("email", email)
    attributes.update({key: wrapped(key, value) for key, value in values.items()})
    return {"type": "Employee", "attributes": attributes}


def employee_ref(employee_id: int) -> dict[str, Any]:
    return {"type": "Employee", "attributes": {"id": wrapped("id", employee_id)}}


def time_off_item(
    absence_id: int,
    *,
    employee_id: int = 1,
    start: str = "2026-03-02",
    end: str = "2026-03-03",
    status: str = "approved",
    type_id: int = 10,
    type_name: str = "Urlaub",
    category: str | None = "paid_vacation",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "type": "TimeOffPeriod",
        "attributes": {
            "id": absence_id,
            "status": status,
            "start_date": f"{start}T00:00:00+0100",
            "end_date": f"{end}T00:00:00+0100",
            "days_count": 2,
            "half_day_start": 0,
            "half_day_end": 0,
            "time_off_type": {
                "type": "TimeOffType",
                "attributes": {"id": type_id, "name": type_name, "category": category},
            },
            "employee": employee_ref(employee_id),
            "created_at": "2026-01-10T09:00:00+0100",
            "updated_at": "2026-01-10T09:00:00+0100",
            **extra,
        },
    }


def period_item(
    period_id: str,
    *,
    employee_id: int = 1,
    start: str = "2026-03-10T08:00:00Z",
    end: str | None = "2026-03-10T10:00:00Z",
    status: str = "approved",
    time_off_type_id: int = 20,
    name: str = "Arzttermin",
    minutes: int = 120,
    updated_at: str = "2026-01-10T08:00:00Z",
) -> dict[str, Any]:
    return {
        "type": "AbsencePeriod",
        "attributes": {
            "id": period_id,
            "measurement_unit": "hour",
            "effective_duration": minutes,
            "employee": employee_ref(employee_id),
            "absence_type": {
                "type": "AbsenceType",
                "attributes": {
                    "id": "5b0c0000-0000-4000-8000-00000000000a",
                    "name": name,
                    "time_off_type_id": time_off_type_id,
                },
            },
            "start": start,
            "end": end,
            "half_day_start": False,
            "half_day_end": False,
            "status": status,
            "timezone": "Europe/Berlin",
            "updated_at": updated_at,
            "breakdowns": [{"date": start[:10], "effective_duration": minutes}],
        },
    }


def type_item(type_id: int, name: str, category: str | None, unit: str = "day") -> dict:
    return {
        "type": "TimeOffType",
        "attributes": {"id": type_id, "name": name, "category": category, "unit": unit},
    }


def list_body(items: Sequence[Any], *, total: int | None = None) -> dict[str, Any]:
    count = len(items) if total is None else total
    return {
        "success": True,
        "metadata": {"total_elements": count, "current_page": 1, "total_pages": 1},
        "data": list(items),
    }


def record_pages(items: Sequence[Any]) -> Callable[[httpx.Request], httpx.Response]:
    """Serve `items` by record offset (`offset` counts records from 0)."""

    def respond(request: httpx.Request) -> httpx.Response:
        limit = int(request.url.params["limit"])
        offset = int(request.url.params["offset"])
        chunk = list(items[offset : offset + limit])
        pages = -(-len(items) // limit)
        body = {
            "success": True,
            "metadata": {
                "total_elements": len(items),
                "current_page": offset // limit,
                "total_pages": pages,
            },
            "offset": offset,
            "limit": limit,
            "data": chunk,
        }
        return httpx.Response(200, json=body)

    return respond


def data_requests(
    router: respx.MockRouter, path: str | None = None
) -> list[httpx.Request]:
    """Return the requests sent to data endpoints (not `/v1/auth`), or to `path`."""
    requests = [call.request for call in router.calls]
    return [
        request
        for request in requests
        if request.url.path != "/v1/auth" and (path is None or request.url.path == path)
    ]
