"""Employees of the v1 API, unwrapped from Personio's attribute wrappers."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

import pydantic

from personio_sdk.models._base import PersonioModel, build_model
from personio_sdk.models._parse import (
    FieldError,
    attributes_of,
    is_empty,
    parse_date_as_written,
    parse_datetime,
    parse_decimal,
    parse_int,
    parse_optional_str,
    parse_tags,
    unwrap,
)
from personio_sdk.models.work_schedule import WorkSchedule

__all__ = ["Employee", "HolidayCalendar", "OrgUnit"]

_T = TypeVar("_T")

# Attribute types of custom attributes that hold several values.
_TAG_TYPES = frozenset({"tags", "multiple", "multiselect"})
# Converters of typed custom attributes, by attribute type.
_CUSTOM_CONVERTERS: Mapping[object, Callable[[object, str], object]] = {
    "date": parse_date_as_written,
    "integer": parse_int,
    "decimal": parse_decimal,
}


class OrgUnit(PersonioModel):
    """A department, office, team or subcompany an employee belongs to."""

    id: int | None = None
    name: str | None = None
    type: str | None = None
    """Personio's object type, for example `Department` or `Office`."""


class HolidayCalendar(PersonioModel):
    """The public-holiday calendar assigned to an employee.

    Personio names the calendar (`"Deutschland (Bayern) Feiertage"`, country `DE`, state
    `Bayern`) but does not list its dates.
    """

    id: int | None = None
    name: str | None = None
    country: str | None = None
    state: str | None = None


class Employee(PersonioModel):
    """An employee as the v1 API returns them.

    Personio returns only the attributes the API credential may read ("readable employee
    attributes" in Personio's credential settings). An attribute that is not readable is
    None here, like one that is empty. `is_readable` returns whether Personio sent the
    attribute, but Personio also leaves some attributes out when the employee has no
    value, such as `work_schedule` for an employee without a schedule, so False does
    not prove a missing permission: `client.work_schedules.get` checks the
    credential's readable attributes for the work schedule.
    """

    id: int
    first_name: str | None = None
    last_name: str | None = None
    preferred_name: str | None = None
    email: str | None = None
    status: str | None = None
    """Employment status as sent: `onboarding`, `active`, `leave` or `inactive`."""
    position: str | None = None
    hire_date: date | None = None
    termination_date: date | None = None
    weekly_working_hours: Decimal | None = None
    work_schedule: WorkSchedule | None = None
    """The per-day schedule, or a schedule with only `weekly_hours` when Personio sends
    no days; None when neither is known."""
    holiday_calendar: HolidayCalendar | None = None
    supervisor_id: int | None = None
    department: OrgUnit | None = None
    office: OrgUnit | None = None
    team: OrgUnit | None = None
    subcompany: OrgUnit | None = None
    created_at: datetime | None = None
    last_modified_at: datetime | None = None
    custom_attributes: dict[str, Any] = pydantic.Field(default_factory=dict)
    """Custom `dynamic_<n>` attributes by label. Tags are lists and typed dates,
    integers and decimals are converted where they parse. A label used twice keeps the
    first attribute under the label and the next one under `"<label> (dynamic_<n>)"`."""
    attributes: dict[str, Any] = pydantic.Field(default_factory=dict, repr=False)
    """Every attribute Personio returned, by key, unwrapped but otherwise as sent. Left
    out of `repr()` because it repeats the fields above."""

    def is_readable(self, key: str) -> bool:
        """Tell whether Personio returned the attribute `key` (for example `office`).

        True means the API credential may read the attribute, even when its value is
        empty. False means Personio left it out: either the credential may not read
        it, or the employee has no value and Personio omits such attributes, as it
        does for `work_schedule`. `client.work_schedules.schedule_readable()`
        distinguishes the two for the work schedule.
        """
        return key in self.attributes

    @classmethod
    def from_api(
        cls, item: Mapping[str, Any], *, path: str = "", location: str = ""
    ) -> Employee:
        """Build an employee from a `{"type": "Employee", "attributes": {...}}` item.

        `path` and `location` name the endpoint and the item's place in the response for
        errors. Raises ResponseValidationError when a known attribute has a shape that
        does not fit.
        """
        return build_model(lambda: _build(item), path=path, location=location)


def _build(item: Mapping[str, Any]) -> Employee:
    raw = attributes_of(item, "")
    values = {key: unwrap(wrapper) for key, wrapper in raw.items()}

    def field(key: str, parse: Callable[[object, str], _T]) -> _T | None:
        value = values.get(key)
        if is_empty(value):
            return None
        return parse(value, f"attributes.{key}.value")

    if "id" not in values or is_empty(values["id"]):
        raise FieldError("attributes.id.value", "an integer")
    weekly_hours = field("weekly_working_hours", parse_decimal)
    schedule_value = values.get("work_schedule")
    return Employee(
        id=parse_int(values["id"], "attributes.id.value"),
        first_name=field("first_name", parse_optional_str),
        last_name=field("last_name", parse_optional_str),
        preferred_name=field("preferred_name", parse_optional_str),
        email=field("email", parse_optional_str),
        status=field("status", parse_optional_str),
        position=field("position", parse_optional_str),
        hire_date=field("hire_date", parse_date_as_written),
        termination_date=field("termination_date", parse_date_as_written),
        weekly_working_hours=weekly_hours,
        work_schedule=WorkSchedule.from_api(
            schedule_value,
            weekly_hours=weekly_hours,
            location="attributes.work_schedule.value",
        ),
        holiday_calendar=field("holiday_calendar", _parse_holiday_calendar),
        supervisor_id=field("supervisor", _parse_supervisor_id),
        department=field("department", _parse_org_unit),
        office=field("office", _parse_org_unit),
        team=field("team", _parse_org_unit),
        subcompany=field("subcompany", _parse_org_unit),
        created_at=field("created_at", parse_datetime),
        last_modified_at=field("last_modified_at", parse_datetime),
        custom_attributes=_custom_attributes(raw),
        attributes=values,
    )


def _parse_org_unit(value: object, location: str) -> OrgUnit:
    if isinstance(value, str):
        return OrgUnit(name=value)
    attributes = attributes_of(value, location)
    unit_type = value.get("type") if isinstance(value, Mapping) else None
    unit_id = attributes.get("id")
    return OrgUnit(
        id=None if is_empty(unit_id) else parse_int(unit_id, f"{location}.id"),
        name=parse_optional_str(attributes.get("name"), f"{location}.name"),
        type=unit_type if isinstance(unit_type, str) else None,
    )


def _parse_holiday_calendar(value: object, location: str) -> HolidayCalendar:
    attributes = attributes_of(value, location)
    calendar_id = attributes.get("id")
    return HolidayCalendar(
        id=None if is_empty(calendar_id) else parse_int(calendar_id, f"{location}.id"),
        name=parse_optional_str(attributes.get("name"), f"{location}.name"),
        country=parse_optional_str(attributes.get("country"), f"{location}.country"),
        state=parse_optional_str(attributes.get("state"), f"{location}.state"),
    )


def _parse_supervisor_id(value: object, location: str) -> int:
    """Take the id of the supervisor, sent as a nested employee or as a bare id."""
    if isinstance(value, Mapping):
        supervisor_id = unwrap(attributes_of(value, location).get("id"))
        return parse_int(supervisor_id, f"{location}.attributes.id.value")
    return parse_int(value, location)


def _custom_attributes(raw: Mapping[str, Any]) -> dict[str, Any]:
    custom: dict[str, Any] = {}
    for key, wrapper in raw.items():
        if not key.startswith("dynamic_"):
            continue
        label = wrapper.get("label") if isinstance(wrapper, Mapping) else None
        attribute_type = wrapper.get("type") if isinstance(wrapper, Mapping) else None
        name = label if isinstance(label, str) and label else key
        if name in custom:
            name = f"{name} ({key})"
        custom[name] = _custom_value(unwrap(wrapper), attribute_type)
    return custom


def _custom_value(value: object, attribute_type: object) -> object:
    """Convert a custom value by its declared type, keeping it as sent if it does not
    parse: custom attributes must never make an employee unreadable."""
    if attribute_type in _TAG_TYPES:
        try:
            return parse_tags(value, "")
        except FieldError:
            return value
    if is_empty(value):
        return None
    converter = _CUSTOM_CONVERTERS.get(attribute_type)
    if converter is not None:
        try:
            return converter(value, "")
        except FieldError:
            return value
    if attribute_type is None and isinstance(value, str) and value.startswith("["):
        # Tenants that omit the attribute type still send tags as a JSON list.
        try:
            decoded = json.loads(value)
        except ValueError:
            return value
        if isinstance(decoded, list):
            return decoded
    return value
