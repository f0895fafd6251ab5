"""Employees of the v1 API, unwrapped from Personio's attribute wrappers."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pydantic

from personio_sdk.models._base import PersonioModel, build_model, construct_trusted
from personio_sdk.models._parse import (
    FieldError,
    attributes_of,
    is_empty,
    parse_date_as_written,
    parse_decimal,
    parse_int,
    parse_optional_datetime,
    parse_optional_str,
    parse_tags,
    try_date_as_written,
    unwrap,
)
from personio_sdk.models.work_schedule import WorkSchedule

__all__ = ["Employee", "HolidayCalendar", "OrgUnit"]


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


# Error locations of the two attributes that are checked in two steps.
_ID_AT = "attributes.id.value"
_WEEKLY_HOURS_AT = "attributes.weekly_working_hours.value"


def _build(item: Mapping[str, Any]) -> Employee:
    # The checks of the shapes Personio sends come first, and the lenient converters
    # run only for other shapes, because this function runs once per record.
    raw = attributes_of(item, "")
    values = _unwrapped(raw)
    get = values.get
    employee_id = get("id")
    # The presence of the id is checked before the weekly hours and its shape after
    # them, because this order decides which error a record with several malformed
    # attributes raises.
    if type(employee_id) is not int and is_empty(employee_id):
        raise FieldError(_ID_AT, "an integer")
    weekly_hours = _optional_decimal(get("weekly_working_hours"), _WEEKLY_HOURS_AT)
    if type(employee_id) is not int:
        employee_id = parse_int(employee_id, _ID_AT)
    fields: dict[str, Any] = {
        "id": employee_id,
        "first_name": parse_optional_str(
            get("first_name"), "attributes.first_name.value"
        ),
        "last_name": parse_optional_str(get("last_name"), "attributes.last_name.value"),
        "preferred_name": parse_optional_str(
            get("preferred_name"), "attributes.preferred_name.value"
        ),
        "email": parse_optional_str(get("email"), "attributes.email.value"),
        "status": parse_optional_str(get("status"), "attributes.status.value"),
        "position": parse_optional_str(get("position"), "attributes.position.value"),
        "hire_date": _optional_date(get("hire_date"), "attributes.hire_date.value"),
        "termination_date": _optional_date(
            get("termination_date"), "attributes.termination_date.value"
        ),
        "weekly_working_hours": weekly_hours,
        "work_schedule": WorkSchedule.from_api(
            get("work_schedule"),
            weekly_hours=weekly_hours,
            location="attributes.work_schedule.value",
        ),
        "holiday_calendar": _holiday_calendar(
            get("holiday_calendar"), "attributes.holiday_calendar.value"
        ),
        "supervisor_id": _supervisor_id(
            get("supervisor"), "attributes.supervisor.value"
        ),
        "department": _org_unit(get("department"), "attributes.department.value"),
        "office": _org_unit(get("office"), "attributes.office.value"),
        "team": _org_unit(get("team"), "attributes.team.value"),
        "subcompany": _org_unit(get("subcompany"), "attributes.subcompany.value"),
        "created_at": parse_optional_datetime(
            get("created_at"), "attributes.created_at.value"
        ),
        "last_modified_at": parse_optional_datetime(
            get("last_modified_at"), "attributes.last_modified_at.value"
        ),
        "custom_attributes": _custom_attributes(raw, values),
        "attributes": values,
    }
    return construct_trusted(Employee, fields, {})


def _unwrapped(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Return every attribute's value, taken out of its wrapper (see `unwrap`)."""
    # The wrapper check is written out for dicts, which decoded JSON is made of,
    # because a call of `unwrap` for each of some 40 attributes costs more.
    return {
        key: wrapper["value"]
        if type(wrapper) is dict and "value" in wrapper and "label" in wrapper
        else unwrap(wrapper)
        for key, wrapper in raw.items()
    }


def _optional_decimal(value: object, location: str) -> Decimal | None:
    return None if is_empty(value) else parse_decimal(value, location)


def _optional_date(value: object, location: str) -> date | None:
    if type(value) is str:
        parsed = try_date_as_written(value)
        if parsed is not None:
            return parsed
    return None if is_empty(value) else parse_date_as_written(value, location)


def _is_text_or_none(value: object) -> bool:
    """Tell whether `parse_optional_str` returns `value` unchanged."""
    return value is None or (type(value) is str and bool(value.strip()))


def _org_unit(value: object, location: str) -> OrgUnit | None:
    if type(value) is dict:
        attributes = value.get("attributes")
        if type(attributes) is dict:
            unit_id = attributes.get("id")
            name = attributes.get("name")
            unit_type = value.get("type")
            if (
                type(unit_id) is int
                and _is_text_or_none(name)
                and (unit_type is None or type(unit_type) is str)
            ):
                return construct_trusted(
                    OrgUnit, {"id": unit_id, "name": name, "type": unit_type}, {}
                )
    return None if is_empty(value) else _parse_org_unit(value, location)


def _holiday_calendar(value: object, location: str) -> HolidayCalendar | None:
    if type(value) is dict:
        attributes = value.get("attributes")
        if type(attributes) is dict:
            calendar_id = attributes.get("id")
            name = attributes.get("name")
            country = attributes.get("country")
            state = attributes.get("state")
            if (
                type(calendar_id) is int
                and _is_text_or_none(name)
                and _is_text_or_none(country)
                and _is_text_or_none(state)
            ):
                return construct_trusted(
                    HolidayCalendar,
                    {
                        "id": calendar_id,
                        "name": name,
                        "country": country,
                        "state": state,
                    },
                    {},
                )
    return None if is_empty(value) else _parse_holiday_calendar(value, location)


def _supervisor_id(value: object, location: str) -> int | None:
    if type(value) is dict:
        attributes = value.get("attributes")
        if type(attributes) is dict:
            supervisor_id = unwrap(attributes.get("id"))
            if type(supervisor_id) is int:
                return supervisor_id
    return None if is_empty(value) else _parse_supervisor_id(value, location)


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


def _custom_attributes(
    raw: Mapping[str, Any], values: Mapping[str, Any]
) -> dict[str, Any]:
    """Collect the `dynamic_<n>` attributes by label.

    `values` contains the unwrapped values of `raw`.
    """
    custom: dict[str, Any] = {}
    for key in _dynamic_keys(tuple(raw)):
        wrapper = raw[key]
        if type(wrapper) is dict or isinstance(wrapper, Mapping):
            label = wrapper.get("label")
            attribute_type = wrapper.get("type")
        else:
            label = attribute_type = None
        name = label if isinstance(label, str) and label else key
        if name in custom:
            name = f"{name} ({key})"
        custom[name] = _custom_value(values[key], attribute_type)
    return custom


@functools.lru_cache(maxsize=256)
def _dynamic_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Return the `dynamic_<n>` keys among `keys`, in order.

    The employees of a listing share their attribute keys, so the keys are checked
    once per combination rather than once per employee.
    """
    return tuple(key for key in keys if key.startswith("dynamic_"))


def _custom_value(value: object, attribute_type: object) -> object:
    """Convert a custom value by its declared type, keeping it as sent if it does not
    parse: custom attributes must never make an employee unreadable."""
    if attribute_type == "standard" and type(value) is str:
        # Text, the most common type, is kept as sent.
        return value if value.strip() else None
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
