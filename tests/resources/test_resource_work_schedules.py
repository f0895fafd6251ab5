"""`client.work_schedules`: schedules, weekly-hours-only employees, hidden attribute."""

from __future__ import annotations

from decimal import Decimal

import pytest
import respx
from resource_helpers import data_requests, employee_item, load_payload

from personio_sdk._transport import Transport
from personio_sdk.resources import AttributeNotReadableError, WorkSchedulesResource

EMPLOYEE = "/v1/company/employees/3"
ATTRIBUTES = "/v1/company/employees/attributes"


@pytest.fixture
def schedules(transport: Transport) -> WorkSchedulesResource:
    return WorkSchedulesResource(transport)


def respond(api: respx.MockRouter, item: dict) -> None:
    api.get(EMPLOYEE).respond(json={"success": True, "data": item})


def test_schedule_hours(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    api.get("/v1/company/employees/1").respond(json=load_payload("v1-employee-get-200"))
    schedule = schedules.get(1)
    assert schedule.hours(0) == Decimal(8)
    assert schedule.hours(5) == Decimal(0)
    assert schedule.weekly_hours == Decimal(40)


def test_iso_duration_schedule(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    days = dict.fromkeys(("monday", "tuesday", "wednesday", "thursday"), "PT27000S")
    days.update(friday="PT0S", saturday="PT0S", sunday="PT0S")
    respond(
        api,
        employee_item(3, work_schedule={"type": "WorkSchedule", "attributes": days}),
    )
    schedule = schedules.get(3)
    assert schedule.hours(0) == Decimal("7.5")
    assert schedule.weekly_hours == Decimal(30)


def test_weekly_hours_only(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    respond(api, employee_item(3, weekly_working_hours="30", work_schedule=""))
    schedule = schedules.get(3)
    assert schedule.weekly_hours == Decimal(30)
    assert schedule.hours(0) is None
    assert not schedule.days_known


def test_no_schedule_no_hours(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    respond(api, employee_item(3, work_schedule=[]))
    schedule = schedules.get(3)
    assert schedule.weekly_hours is None
    assert not schedule.days_known


def readable(api: respx.MockRouter, *keys: str) -> respx.Route:
    data = [{"key": key, "label": key, "type": "standard"} for key in keys]
    return api.get(ATTRIBUTES).respond(json={"success": True, "data": data})


def test_hidden_schedule_names_permission(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    respond(api, employee_item(3, weekly_working_hours="40"))
    readable(api, "id", "weekly_working_hours")
    with pytest.raises(AttributeNotReadableError) as caught:
        schedules.get(3)
    assert caught.value.attribute == "work_schedule"
    assert caught.value.employee_id == 3
    assert '"Work schedule"' in str(caught.value)
    assert "readable employee attributes" in str(caught.value)


def test_attribute_list_unavailable_raises(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    respond(api, employee_item(3))
    body = {"success": False, "error": {"code": 403, "message": "Forbidden"}}
    api.get(ATTRIBUTES).respond(403, json=body)
    with pytest.raises(AttributeNotReadableError):
        schedules.get(3)


def test_readable_but_unassigned_is_weekly_only(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    # The credential reads the attribute, but this employee has none: Personio
    # leaves it out, and only the weekly hours are known.
    respond(api, employee_item(3, weekly_working_hours="30"))
    readable(api, "id", "weekly_working_hours", "work_schedule")
    schedule = schedules.get(3)
    assert schedule.weekly_hours == Decimal(30)
    assert schedule.hours(0) is None


def test_readable_answer_is_cached(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    respond(api, employee_item(3, weekly_working_hours="30"))
    route = readable(api, "work_schedule")
    schedules.get(3)
    schedules.get(3)
    assert route.call_count == 1


def test_present_schedule_needs_no_lookup(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    respond(api, employee_item(3, work_schedule=""))
    schedules.get(3)
    assert data_requests(api, ATTRIBUTES) == []


def test_rejects_bad_id(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    with pytest.raises(ValueError, match="employee_id"):
        schedules.get(0)
    assert data_requests(api) == []


def test_schedule_readable_true_when_listed(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    readable(api, "id", "work_schedule")
    assert schedules.schedule_readable() is True


def test_schedule_readable_false_when_not_listed(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    readable(api, "id", "weekly_working_hours")
    assert schedules.schedule_readable() is False


def test_schedule_readable_none_without_list(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    body = {"success": False, "error": {"code": 403, "message": "Forbidden"}}
    api.get(ATTRIBUTES).respond(403, json=body)
    assert schedules.schedule_readable() is None


def test_schedule_readable_asks_again_after_false(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    route = readable(api, "id")
    schedules.schedule_readable()
    schedules.schedule_readable()
    assert route.call_count == 2


def test_schedule_readable_without_refresh_reuses_false(
    api: respx.MockRouter, schedules: WorkSchedulesResource
) -> None:
    route = readable(api, "id")
    assert schedules.schedule_readable(refresh=False) is False
    assert schedules.schedule_readable(refresh=False) is False
    assert route.call_count == 1
