"""Response schemas of Personio's v1 endpoints, written by hand for the sandbox tests.

Field names and types follow Personio's v1 OpenAPI definition (personnel data, 2025-01
revision) and were checked against it field by field. Where that definition contradicts
itself, the list responses win: its base response declares `data` an object, while
every list endpoint declares an array; where its schema and its own example disagree
(`absence_type` of hour-based periods), the example wins. Deliberate deviations of
real Personio payloads are allowed and marked: half-day flags as 0/1, `category` null
or an old value, and a `work_schedule` value of "" for an empty object.

A schema is a plain Python value: a type (`str`, `int`, `float`, `bool`), an `Obj`, an
`Arr`, a `Nullable`, an `AnyOf`, an `Enum`, a `Pattern` or `ANY`. `validate(value,
schema)` returns a list of problems, each naming the location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Obj:
    """An object with required and optional fields; other fields are allowed."""

    required: dict[str, Any]
    optional: dict[str, Any] = field(default_factory=dict)
    values: Any = None  # schema of every value not named above, if given


@dataclass(frozen=True)
class Arr:
    """An array whose items all match `item`."""

    item: Any


@dataclass(frozen=True)
class Nullable:
    """`schema` or null."""

    schema: Any


@dataclass(frozen=True)
class AnyOf:
    """Any one of `schemas`."""

    schemas: tuple[Any, ...]


@dataclass(frozen=True)
class Enum:
    """One of fixed values."""

    values: tuple[Any, ...]


@dataclass(frozen=True)
class Pattern:
    """A string matching a regular expression in full."""

    regex: str


ANY = object()
NUMBER = AnyOf((int, float))


def validate(value: Any, schema: Any, where: str = "$") -> list[str]:
    """Return the problems of `value` against `schema`; empty when it matches."""
    if schema is ANY:
        return []
    if isinstance(schema, type):
        ok = isinstance(value, schema) and not (
            schema is int and isinstance(value, bool)
        )
        if schema is float:
            ok = isinstance(value, float)
        return [] if ok else [f"{where}: expected {schema.__name__}, got {value!r:.40}"]
    if isinstance(schema, Nullable):
        return [] if value is None else validate(value, schema.schema, where)
    if isinstance(schema, AnyOf):
        results = [validate(value, option, where) for option in schema.schemas]
        if any(not problems for problems in results):
            return []
        return [f"{where}: matches none of the allowed shapes: {results}"]
    if isinstance(schema, Enum):
        return (
            []
            if value in schema.values
            else [f"{where}: {value!r} not in {schema.values}"]
        )
    if isinstance(schema, Pattern):
        if isinstance(value, str) and re.fullmatch(schema.regex, value):
            return []
        return [f"{where}: {value!r:.40} does not match {schema.regex}"]
    if isinstance(schema, Arr):
        if not isinstance(value, list):
            return [f"{where}: expected array"]
        return [
            p
            for i, item in enumerate(value)
            for p in validate(item, schema.item, f"{where}[{i}]")
        ]
    if isinstance(schema, Obj):
        return _validate_object(value, schema, where)
    raise TypeError(f"unknown schema {schema!r}")


def _validate_object(value: Any, schema: Obj, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: expected object"]
    problems = [
        f"{where}.{key}: missing" for key in schema.required if key not in value
    ]
    named = {**schema.required, **schema.optional}
    for key, item in value.items():
        if key in named:
            problems += validate(item, named[key], f"{where}.{key}")
        elif schema.values is not None:
            problems += validate(item, schema.values, f"{where}.{key}")
    return problems


TYPE_ENUM = Enum(
    ("standard", "date", "integer", "decimal", "list", "link", "tags", "multiline")
)
DATE = Pattern(r"\d{4}-\d{2}-\d{2}")
# Personio writes offsets as +0100 or +01:00.
LOCAL_DATETIME = Pattern(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:?\d{2}")
UTC_DATETIME = Pattern(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z")
UUID = Pattern(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
HHMM = Pattern(r"\d\d:\d\d")
# Deviation: Personio sends half-day flags as 0/1 in some payloads.
HALF_DAY_FLAG = AnyOf((bool, Enum((0, 1))))


def attribute(value: Any = ANY) -> Obj:
    """A wrapped employee attribute `{label, value, type, universal_id}`."""
    return Obj(
        required={
            "label": str,
            "value": value,
            "type": TYPE_ENUM,
            "universal_id": Nullable(str),
        },
        optional={"currency": str},
    )


def unit(type_name: str) -> Obj:
    """An office, department, team or subcompany value."""
    return Obj(
        {"type": Enum((type_name,)), "attributes": Obj({"id": int, "name": str})}
    )


SHORT_EMPLOYEE = Obj(
    {
        "type": Enum(("Employee",)),
        "attributes": Obj(
            {
                "id": attribute(int),
                "first_name": attribute(str),
                "last_name": attribute(str),
                "email": attribute(str),
            }
        ),
    }
)

WORK_SCHEDULE_VALUE = Obj(
    {
        "type": Enum(("WorkSchedule",)),
        "attributes": Obj(
            {
                "id": NUMBER,
                "name": str,
                **dict.fromkeys(("monday", "tuesday", "wednesday", "thursday"), HHMM),
                **dict.fromkeys(("friday", "saturday", "sunday"), HHMM),
            },
            optional={"valid_from": Nullable(str)},
        ),
    }
)

HOLIDAY_CALENDAR_VALUE = Obj(
    {
        "type": Enum(("HolidayCalendar",)),
        "attributes": Obj({"id": NUMBER, "name": str, "country": str, "state": str}),
    }
)

EMPLOYEE_ATTRIBUTES = Obj(
    required={"id": attribute(int)},
    optional={
        "first_name": attribute(str),
        "last_name": attribute(str),
        "preferred_name": attribute(str),
        "email": attribute(str),
        "status": attribute(str),
        "supervisor": attribute(Nullable(SHORT_EMPLOYEE)),
        "weekly_working_hours": attribute(str),
        "hire_date": attribute(LOCAL_DATETIME),
        "termination_date": attribute(Nullable(LOCAL_DATETIME)),
        "created_at": attribute(LOCAL_DATETIME),
        "last_modified_at": attribute(LOCAL_DATETIME),
        "office": attribute(unit("Office")),
        "department": attribute(unit("Department")),
        "subcompany": attribute(unit("Subcompany")),
        "team": attribute(Nullable(unit("Team"))),
        "cost_centers": attribute(
            Arr(
                Obj(
                    {
                        "type": str,
                        "attributes": Obj(
                            {"id": NUMBER, "name": str, "percentage": NUMBER}
                        ),
                    }
                )
            )
        ),
        "holiday_calendar": attribute(HOLIDAY_CALENDAR_VALUE),
        # Deviation: an empty work schedule arrives as "".
        "work_schedule": attribute(AnyOf((WORK_SCHEDULE_VALUE, Enum(("",))))),
        "absence_entitlement": attribute(
            Arr(
                Obj(
                    {
                        "type": Enum(("TimeOffType",)),
                        "attributes": Obj(
                            {"id": int, "name": str, "entitlement": NUMBER}
                        ),
                    }
                )
            )
        ),
        "fix_salary": attribute(NUMBER),
        "hourly_salary": attribute(NUMBER),
    },
    values=attribute(),
)

EMPLOYEE = Obj({"type": Enum(("Employee",)), "attributes": EMPLOYEE_ATTRIBUTES})

LIST_METADATA = Obj({"total_elements": int, "current_page": int, "total_pages": int})

EMPLOYEES_RESPONSE = Obj(
    {
        "success": bool,
        "metadata": LIST_METADATA,
        "offset": int,
        "limit": int,
        "data": Arr(EMPLOYEE),
    }
)
EMPLOYEE_RESPONSE = Obj({"success": bool, "data": EMPLOYEE})

ERROR_RESPONSE = Obj(
    {"success": Enum((False,)), "error": Obj({"code": int, "message": str})}
)

AUTH_RESPONSE = Obj(
    {
        "success": bool,
        "data": Obj({"token": str}, optional={"expires_in": NUMBER, "scope": str}),
    }
)

CATEGORIES = (
    "family_care", "maternity_parental_leave", "child_care", "short_time_allowance",
    "quarantine", "irrevocable_exemption", "sick_leave", "strike_and_lockout",
    "public_duty", "unpaid_suspension", "paid_vacation", "unpaid_vacation",
    "unexcused_absence", "offsite_work", "other", "undefined",
)  # fmt: skip
# Deviation: old tenants still carry category values from before the 2025 rename.
OLD_CATEGORIES = (
    "lockout",
    "voluntary_military_service",
    "unlawful_strike",
    "lawful_strike",
)

TIME_OFF_TYPES_RESPONSE = Obj(
    {
        "success": bool,
        "data": Arr(
            Obj(
                {
                    "type": Enum(("TimeOffType",)),
                    "attributes": Obj(
                        {
                            "id": int,
                            "name": str,
                            "category": Nullable(Enum(CATEGORIES + OLD_CATEGORIES)),
                            "unit": Enum(("day", "hour")),
                            "approval_required": bool,
                        }
                    ),
                }
            )
        ),
    }
)

TIME_OFF_ATTRIBUTES = Obj(
    {
        "id": int,
        "status": str,
        "start_date": LOCAL_DATETIME,
        "end_date": LOCAL_DATETIME,
        "days_count": NUMBER,
        "half_day_start": HALF_DAY_FLAG,
        "half_day_end": HALF_DAY_FLAG,
        "time_off_type": Obj(
            {
                "type": str,
                # Deviation: category is null for some old types.
                "attributes": Obj({"id": int, "name": str, "category": Nullable(str)}),
            }
        ),
        "employee": SHORT_EMPLOYEE,
        "certificate": Obj({"status": str}),
        "created_at": LOCAL_DATETIME,
        "created_by": str,
        "updated_at": LOCAL_DATETIME,
    }
)
TIME_OFF = Obj({"type": Enum(("TimeOffPeriod",)), "attributes": TIME_OFF_ATTRIBUTES})
TIME_OFFS_RESPONSE = Obj(
    {
        "success": bool,
        "metadata": LIST_METADATA,
        "offset": int,
        "limit": int,
        "data": Arr(TIME_OFF),
    }
)
TIME_OFF_RESPONSE = Obj({"success": bool, "data": TIME_OFF})

PERIOD_ATTRIBUTES = Obj(
    {
        "id": UUID,
        "measurement_unit": str,
        "effective_duration": int,
        "employee": SHORT_EMPLOYEE,
        # The definition's schema puts id, name and time_off_type_id directly here,
        # but its own example wraps them as {type, attributes}; the example wins,
        # like the employee object beside it.
        "absence_type": Obj(
            {
                "type": Enum(("AbsenceType",)),
                "attributes": Obj(
                    {"id": UUID}, optional={"name": str, "time_off_type_id": int}
                ),
            }
        ),
        "certificate": Obj({"status": str}),
        "start": UTC_DATETIME,
        "end": Nullable(UTC_DATETIME),
        "half_day_start": bool,
        "half_day_end": bool,
        "comment": str,
        "origin": str,
        "status": str,
        "timezone": str,
        "created_by": int,
        "created_at": UTC_DATETIME,
        "updated_at": UTC_DATETIME,
        "approved_at": Nullable(UTC_DATETIME),
        "breakdowns": Arr(Obj({"date": DATE, "effective_duration": int})),
    }
)
PERIOD = Obj({"type": Enum(("AbsencePeriod",)), "attributes": PERIOD_ATTRIBUTES})
PERIODS_RESPONSE = Obj(
    {
        "success": bool,
        "metadata": LIST_METADATA,
        "offset": int,
        "limit": int,
        "data": Arr(PERIOD),
    }
)

BALANCE_RESPONSE = Obj(
    {
        "success": bool,
        "data": Arr(
            Obj(
                {
                    "id": int,
                    "name": str,
                    "category": Nullable(str),
                    "balance": NUMBER,
                    "available_balance": NUMBER,
                }
            )
        ),
    }
)

ATTRIBUTES_RESPONSE = Obj(
    {
        "success": bool,
        "data": Arr(
            Obj(
                {
                    "key": str,
                    "label": str,
                    "type": TYPE_ENUM,
                    "universal_id": Nullable(str),
                    "options": Arr(str),
                }
            )
        ),
    }
)
