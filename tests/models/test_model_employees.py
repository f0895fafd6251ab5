"""Employee parsing: attribute wrappers, hidden attributes, empty objects, tags."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from personio_sdk._errors import ResponseValidationError
from personio_sdk.models import Employee, HolidayCalendar, OrgUnit


def wrap(key: str, value: Any, *, typed: bool = True) -> dict[str, Any]:
    """Wrap a value as Personio does, with or without `type` and `universal_id`."""
    wrapper: dict[str, Any] = {"label": key.replace("_", " ").title(), "value": value}
    if typed:
        wrapper["type"] = "standard"
        wrapper["universal_id"] = key
    return wrapper


def employee(typed: bool = True, **values: Any) -> dict[str, Any]:
    attributes = {key: wrap(key, value, typed=typed) for key, value in values.items()}
    return {"type": "Employee", "attributes": attributes}


def test_official_example_values(payload: Callable[[str], Any]) -> None:
    parsed = Employee.from_api(payload("v1-employee-get-200")["data"])
    assert parsed.id == 1
    assert parsed.first_name == "Alexander"
    assert parsed.last_name == "Bergmann"
    assert parsed.preferred_name == "Alexander Bergmann"
    assert parsed.email == "alexander.bergmann@demo.email"
    assert parsed.status == "active"
    assert parsed.position == "CTO"
    assert parsed.hire_date == date(2014, 11, 9)
    assert parsed.termination_date is None
    assert parsed.weekly_working_hours == Decimal("40")
    assert parsed.supervisor_id == 2
    assert parsed.department == OrgUnit(
        id=281521, name="Customer Support", type="Department"
    )
    assert parsed.office == OrgUnit(id=131014, name="Munich", type="Office")
    assert parsed.team == OrgUnit(id=59026, name="T_X", type="Team")
    assert parsed.subcompany == OrgUnit(id=7033, name="CS Demo GmbH", type="Subcompany")
    assert parsed.holiday_calendar == HolidayCalendar(
        id=2, name="Deutschland (Bayern) Feiertage", country="DE", state="Bayern"
    )
    assert parsed.created_at is not None
    assert parsed.created_at.isoformat() == "2017-05-23T09:49:03+02:00"


def test_official_example_schedule(payload: Callable[[str], Any]) -> None:
    schedule = Employee.from_api(payload("v1-employee-get-200")["data"]).work_schedule
    assert schedule is not None
    assert schedule.id == 97188
    assert schedule.monday == timedelta(hours=8)
    assert schedule.saturday == timedelta(0)
    assert schedule.weekly_hours == Decimal("40")
    assert schedule.days_known


def test_official_example_custom_attributes(payload: Callable[[str], Any]) -> None:
    parsed = Employee.from_api(payload("v1-employee-get-200")["data"])
    assert parsed.custom_attributes == {
        "Titel": "Dr",
        "IBAN": "DE98 8989 9898 0000 8989 00",
        "Anniversary Date": date(2021, 1, 1),
        "Birthday": date(1983, 8, 18),
    }


def test_list_example_parses(payload: Callable[[str], Any]) -> None:
    items = payload("v1-employees-list-200")["data"]
    parsed = [
        Employee.from_api(item, location=f"data[{i}]") for i, item in enumerate(items)
    ]
    assert [e.id for e in parsed] == [1]


def test_unknown_attributes_are_kept(payload: Callable[[str], Any]) -> None:
    parsed = Employee.from_api(payload("v1-employees-list-200")["data"][0])
    assert parsed.attributes["vacation_day_balance"] == 2
    assert parsed.attributes["gender"] == "male"


def test_old_tenant_without_type(payload: Callable[[str], Any]) -> None:
    parsed = Employee.from_api(payload("v1-employee-get-200.old-tenant")["data"])
    assert parsed.id == 2040614
    assert parsed.email == "ada@example.org"
    assert parsed.weekly_working_hours == Decimal("35")
    assert parsed.hire_date == date(1835, 2, 1)
    assert parsed.supervisor_id is None
    assert parsed.office is None
    assert parsed.department == OrgUnit(id=625448, name="Operations", type="Department")
    assert parsed.holiday_calendar == HolidayCalendar(
        id=1, name="Deutschland Feiertage", country="DE", state=None
    )
    assert parsed.custom_attributes["Country of Birth"] == "England"


def test_old_tenant_schedule_german_name(payload: Callable[[str], Any]) -> None:
    parsed = Employee.from_api(payload("v1-employee-get-200.old-tenant")["data"])
    assert parsed.work_schedule is not None
    assert parsed.work_schedule.name == (
        "Vollzeit, 40 Stunden ohne Zeiterfassung, (Mo,Di,Mi,Do,Fr) "
    )
    assert parsed.work_schedule.friday == timedelta(hours=8)


@pytest.mark.parametrize("typed", [True, False])
def test_wrapper_with_and_without_type(typed: bool) -> None:
    parsed = Employee.from_api(employee(typed=typed, id=5, first_name="Ada"))
    assert parsed.id == 5
    assert parsed.first_name == "Ada"


def test_hidden_attributes_are_none() -> None:
    parsed = Employee.from_api(employee(id=5))
    assert parsed.email is None
    assert parsed.office is None
    assert parsed.work_schedule is None
    assert parsed.weekly_working_hours is None
    assert parsed.hire_date is None


def test_hidden_attribute_is_not_readable() -> None:
    parsed = Employee.from_api(employee(id=5, office=None))
    assert parsed.is_readable("office")
    assert not parsed.is_readable("work_schedule")


@pytest.mark.parametrize("empty", ["", [], None, {}])
@pytest.mark.parametrize(
    "key", ["office", "department", "team", "subcompany", "holiday_calendar"]
)
def test_empty_objects_are_none(key: str, empty: Any) -> None:
    parsed = Employee.from_api(employee(id=5, **{key: empty}))
    assert getattr(parsed, key) is None


@pytest.mark.parametrize("empty", ["", [], None])
def test_empty_supervisor_is_none(empty: Any) -> None:
    assert Employee.from_api(employee(id=5, supervisor=empty)).supervisor_id is None


@pytest.mark.parametrize("empty", ["", [], None])
def test_empty_work_schedule_is_none(empty: Any) -> None:
    assert Employee.from_api(employee(id=5, work_schedule=empty)).work_schedule is None


@pytest.mark.parametrize(
    ("raw", "hours"), [("40", "40"), ("37.5", "37.5"), ("37,5", "37.5"), (38.5, "38.5")]
)
def test_weekly_hours_string_is_decimal(raw: Any, hours: str) -> None:
    parsed = Employee.from_api(employee(id=5, weekly_working_hours=raw))
    assert parsed.weekly_working_hours == Decimal(hours)


def test_weekly_hours_only_employee() -> None:
    parsed = Employee.from_api(employee(id=5, weekly_working_hours="30"))
    schedule = parsed.work_schedule
    assert schedule is not None
    assert schedule.weekly_hours == Decimal("30")
    assert schedule.monday is None
    assert not schedule.days_known


def test_weekly_hours_with_empty_schedule() -> None:
    parsed = Employee.from_api(
        employee(id=5, weekly_working_hours="20", work_schedule="")
    )
    assert parsed.work_schedule is not None
    assert parsed.work_schedule.weekly_hours == Decimal("20")
    assert parsed.work_schedule.hours(0) is None


def test_supervisor_bare_id() -> None:
    assert Employee.from_api(employee(id=5, supervisor=9)).supervisor_id == 9


def test_dates_as_written() -> None:
    parsed = Employee.from_api(
        employee(
            id=5,
            hire_date="2014-11-09T00:00:00+01:00",
            termination_date="2026-03-31T00:00:00+02:00",
        )
    )
    assert parsed.hire_date == date(2014, 11, 9)
    assert parsed.termination_date == date(2026, 3, 31)


def custom(value: Any, attribute_type: str | None) -> dict[str, Any]:
    wrapper: dict[str, Any] = {"label": "Tags", "value": value}
    if attribute_type is not None:
        wrapper["type"] = attribute_type
        wrapper["universal_id"] = None
    return {"attributes": {"id": wrap("id", 5), "dynamic_1001": wrapper}}


@pytest.mark.parametrize(
    ("value", "attribute_type"),
    [
        ('["Remote","Berlin"]', "multiple"),
        ('["Remote","Berlin"]', "tags"),
        ('["Remote","Berlin"]', None),
        ("Remote,Berlin", "tags"),
        ("Remote, Berlin", "multiple"),
        (["Remote", "Berlin"], "tags"),
    ],
)
def test_tags_become_lists(value: Any, attribute_type: str | None) -> None:
    parsed = Employee.from_api(custom(value, attribute_type))
    assert parsed.custom_attributes["Tags"] == ["Remote", "Berlin"]


def test_empty_tags_are_empty_list() -> None:
    assert Employee.from_api(custom("", "tags")).custom_attributes["Tags"] == []


def test_custom_value_that_does_not_parse_is_kept() -> None:
    parsed = Employee.from_api(custom("sometime", "date"))
    assert parsed.custom_attributes["Tags"] == "sometime"


def test_duplicate_custom_label_keeps_both() -> None:
    item = {
        "attributes": {
            "id": wrap("id", 5),
            "dynamic_1": {"label": "Skill", "value": "Go"},
            "dynamic_2": {"label": "Skill", "value": "Rust"},
        }
    }
    custom_attributes = Employee.from_api(item).custom_attributes
    assert custom_attributes["Skill"] == "Go"
    assert custom_attributes["Skill (dynamic_2)"] == "Rust"


def test_missing_id_names_location() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Employee.from_api(
            employee(first_name="Ada"), path="/v1/company/employees", location="data[3]"
        )
    assert caught.value.location == "data[3].attributes.id.value"
    assert caught.value.path == "/v1/company/employees"


def test_bad_date_error_hides_value() -> None:
    secret = "not-a-date-ada@example.org"
    with pytest.raises(ResponseValidationError) as caught:
        Employee.from_api(
            employee(id=5, hire_date=secret), path="/v1/company/employees/5"
        )
    assert caught.value.location == "attributes.hire_date.value"
    assert secret not in str(caught.value)


def test_bad_schedule_day_names_location() -> None:
    schedule = {"type": "WorkSchedule", "attributes": {"monday": "eight hours"}}
    with pytest.raises(ResponseValidationError) as caught:
        Employee.from_api(employee(id=5, work_schedule=schedule), location="data")
    assert (
        caught.value.location == "data.attributes.work_schedule.value.attributes.monday"
    )


def test_repr_shows_data() -> None:
    parsed = Employee.from_api(employee(id=5, first_name="Ada"))
    assert "Ada" in repr(parsed)


def test_model_is_frozen() -> None:
    parsed = Employee.from_api(employee(id=5))
    with pytest.raises(ValueError, match="frozen"):
        parsed.id = 6  # type: ignore[misc]


def test_infinite_weekly_hours_raise() -> None:
    # Python's json module decodes a bare `Infinity` to a float.
    with pytest.raises(ResponseValidationError):
        Employee.from_api(employee(id=5, weekly_working_hours=math.inf))


def test_weekly_hours_error_before_id_shape() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Employee.from_api(employee(id="five", weekly_working_hours="forty"))
    assert caught.value.location == "attributes.weekly_working_hours.value"


def test_malformed_id_names_location() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Employee.from_api(employee(id="five"))
    assert caught.value.location == "attributes.id.value"
    assert caught.value.expected == "an integer"


@pytest.mark.parametrize(
    ("value", "unit"),
    [
        ({"attributes": {"id": "3", "name": "Ops"}}, OrgUnit(id=3, name="Ops")),
        (
            {"id": 3, "name": "Ops", "type": "Team"},
            OrgUnit(id=3, name="Ops", type="Team"),
        ),
        ("Ops", OrgUnit(name="Ops")),
        (
            {"type": "Office", "attributes": {"id": 3, "name": " "}},
            OrgUnit(id=3, type="Office"),
        ),
        ({"type": 7, "attributes": {"id": None, "name": "Ops"}}, OrgUnit(name="Ops")),
    ],
)
def test_org_unit_other_shapes(value: Any, unit: OrgUnit) -> None:
    assert Employee.from_api(employee(id=5, office=value)).office == unit


def test_org_unit_not_an_object_names_location() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Employee.from_api(employee(id=5, team=7))
    assert caught.value.location == "attributes.team.value"


def test_holiday_calendar_string_id() -> None:
    value = {"attributes": {"id": "2", "name": "Bayern", "country": "DE", "state": ""}}
    parsed = Employee.from_api(employee(id=5, holiday_calendar=value))
    assert parsed.holiday_calendar == HolidayCalendar(id=2, name="Bayern", country="DE")


@pytest.mark.parametrize(
    ("value", "supervisor_id"),
    [
        ({"attributes": {"id": 7}}, 7),
        ({"type": "Employee", "attributes": {"id": {"label": "ID", "value": "7"}}}, 7),
        ("7", 7),
    ],
)
def test_supervisor_shapes(value: Any, supervisor_id: int) -> None:
    parsed = Employee.from_api(employee(id=5, supervisor=value))
    assert parsed.supervisor_id == supervisor_id


def test_supervisor_without_id_names_location() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Employee.from_api(employee(id=5, supervisor={"attributes": {"name": "Bo"}}))
    assert caught.value.location == "attributes.supervisor.value.attributes.id.value"
