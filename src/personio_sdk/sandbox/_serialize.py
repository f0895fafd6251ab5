"""Turn records into Personio's JSON, as bytes, with the quirks real payloads have.

Employee attributes are serialized once per employee and attribute and then joined per
request, so a credential's whitelist or an `attributes[]` projection costs a join, not
a `json.dumps`. Absences are formatted from cached fragments (employee, type, dates).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from personio_sdk.sandbox import _catalog as cat
from personio_sdk.sandbox._calendars import (
    daytime_offset_minutes,
    format_midnight,
    format_timestamp,
    format_utc,
    unix_seconds,
)
from personio_sdk.sandbox._model import (
    STYLE_COLON_OFFSET,
    STYLE_INT_FLAGS,
    Company,
    EmployeeRecord,
)

# One shared encoder: json.dumps with options builds a new encoder on every call,
# which tripled the cost of serializing an employee.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> bytes:
    """Encode `value` as compact UTF-8 JSON, as Personio sends it."""
    return _ENCODER.encode(value).encode()


def _date(day: dt.date | None) -> str | None:
    return None if day is None else format_midnight(day, colon=True)


def _unit(unit: cat.OrgUnit | None) -> dict[str, Any] | None:
    if unit is None:
        return None
    return {"type": unit.type, "attributes": {"id": unit.id, "name": unit.name}}


def _short_employee(employee: EmployeeRecord, id_label: str = "ID") -> dict[str, Any]:
    return {
        "type": "Employee",
        "attributes": {
            "id": _wrap(id_label, employee.id, "integer", "id"),
            "first_name": _wrap(
                "First name", employee.first_name, "standard", "first_name"
            ),
            "last_name": _wrap(
                "Last name", employee.last_name, "standard", "last_name"
            ),
            "email": _wrap("Email", employee.email, "standard", "email"),
        },
    }


def _wrap(
    label: str, value: Any, type_: str, universal_id: str | None
) -> dict[str, Any]:
    return {"label": label, "value": value, "type": type_, "universal_id": universal_id}


def _schedule(employee: EmployeeRecord) -> dict[str, Any] | str:
    schedule = employee.schedule
    if not isinstance(schedule, cat.WorkSchedule):
        return ""
    attributes: dict[str, Any] = {
        "id": schedule.id,
        "name": schedule.name,
        "valid_from": schedule.valid_from,
    }
    for index, day in enumerate(WEEKDAYS):
        attributes[day] = schedule.hhmm(index)
    return {"type": "WorkSchedule", "attributes": attributes}


WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def _entitlements(employee: EmployeeRecord) -> list[dict[str, Any]]:
    vacation = cat.TYPES_BY_ID[vacation_type_id(employee)]
    return [
        {
            "type": "TimeOffType",
            "attributes": {
                "id": vacation.id,
                "name": vacation.name,
                "category": vacation.category,
                "entitlement": number(employee.vacation_entitlement),
            },
        }
    ]


def vacation_type_id(employee: EmployeeRecord) -> int:
    """Return the paid-vacation type the employee's country uses."""
    if employee.calendar.country == "GB":
        return cat.PAID_VACATION_EN
    return cat.PAID_VACATION_DE


def number(value: float) -> int | float:
    """Return `value` as an int when whole, so JSON shows `25` and `22.5`."""
    return int(value) if float(value).is_integer() else value


def _holiday_calendar(employee: EmployeeRecord) -> dict[str, Any]:
    calendar = employee.calendar
    attributes = {
        "id": calendar.id,
        "name": calendar.name,
        "country": calendar.country,
        "state": calendar.state,
    }
    return {"type": "HolidayCalendar", "attributes": attributes}


# (key, label, type, universal_id), in the order of Personio's example payload.
ATTRIBUTES: tuple[tuple[str, str, str, str | None], ...] = (
    ("id", "ID", "integer", "id"),
    ("first_name", "First name", "standard", "first_name"),
    ("last_name", "Last name", "standard", "last_name"),
    ("preferred_name", "Name (preferred)", "standard", "preferred_name"),
    ("email", "Email", "standard", "email"),
    ("gender", "Gender", "standard", "gender"),
    ("status", "Status", "standard", "status"),
    ("position", "Position", "standard", "position"),
    ("supervisor", "Supervisor", "standard", "supervisor"),
    ("employment_type", "Employment type", "standard", "employment_type"),
    ("weekly_working_hours", "Weekly hours", "standard", "weekly_working_hours"),
    ("hire_date", "Hire date", "date", "hire_date"),
    ("contract_end_date", "Contract ends", "date", "contract_end_date"),
    ("termination_date", "Termination date", "date", "termination_date"),
    ("termination_type", "Termination type", "standard", "termination_type"),
    ("termination_reason", "Termination reason", "standard", "termination_reason"),
    ("probation_period_end", "Probation period end", "date", "probation_period_end"),
    ("created_at", "created_at", "date", "created_at"),
    ("last_modified_at", "Last modified", "date", "last_modified_at"),
    ("subcompany", "Subcompany", "standard", "subcompany"),
    ("office", "Office", "standard", "office"),
    ("department", "Department", "standard", "department"),
    ("team", "Team", "standard", "team"),
    ("cost_centers", "Cost center", "standard", "cost_centers"),
    ("holiday_calendar", "Public holidays", "standard", "holiday_calendar"),
    ("absence_entitlement", "Absence entitlement", "standard", "absence_entitlement"),
    ("work_schedule", "Work schedule", "standard", "work_schedule"),
    ("fix_salary", "Fix salary", "decimal", "fix_salary"),
    ("fix_salary_interval", "Salary interval", "standard", "fix_salary_interval"),
    ("hourly_salary", "Hourly salary", "decimal", "hourly_salary"),
    ("last_working_day", "Last day of work", "date", "last_working_day"),
    ("profile_picture", "Profile Picture", "standard", "profile_picture"),
    *((key, label, type_, uid) for key, label, type_, uid, _ in cat.CUSTOM_ATTRIBUTES),
)


def _values(employee: EmployeeRecord, company: Company) -> dict[str, Any]:
    """Return every attribute value of `employee` in Personio's value formats."""
    e = employee
    supervisor = None
    if e.supervisor_id is not None:
        supervisor = _short_employee(company.employees[e.supervisor_id - 1])
    cost_center = {"id": 82957 + e.department.id % 10, "name": e.department.name}
    return {
        "id": e.id,
        "first_name": e.first_name,
        "last_name": e.last_name,
        "preferred_name": e.preferred_name,
        "email": e.email,
        "gender": e.gender,
        "status": e.status,
        "position": e.position,
        "supervisor": supervisor,
        "employment_type": e.employment_type,
        "weekly_working_hours": e.weekly_hours,
        "hire_date": _date(e.hire_date),
        "contract_end_date": _date(e.contract_end_date),
        "termination_date": _date(e.termination_date),
        "termination_type": e.termination_type,
        "termination_reason": e.termination_reason,
        "probation_period_end": _date(e.probation_period_end),
        "created_at": format_timestamp(e.created_at, colon=True),
        "last_modified_at": format_timestamp(e.last_modified_at, colon=True),
        "subcompany": _unit(cat.SUBCOMPANIES[e.calendar.country]),
        "office": _unit(cat.OFFICES[e.region]),
        "department": _unit(e.department),
        "team": _unit(e.team),
        "cost_centers": [
            {"type": "CostCenter", "attributes": {**cost_center, "percentage": 100}}
        ],
        "holiday_calendar": _holiday_calendar(e),
        "absence_entitlement": _entitlements(e),
        "work_schedule": _schedule(e),
        "fix_salary": e.fix_salary,
        "fix_salary_interval": "monthly",
        "hourly_salary": 0,
        "last_working_day": _date(e.termination_date),
        "profile_picture": None,
        "dynamic_24407": e.title,
        "dynamic_21827": e.iban,
        "dynamic_180883": e.birthday,
        # Personio sends a tags attribute as one string holding a JSON array.
        "dynamic_33401": json.dumps(list(e.languages)),
        "dynamic_33402": e.shirt_size,
    }


ATTRIBUTE_KEYS: tuple[str, ...] = tuple(spec[0] for spec in ATTRIBUTES)
_SALARY_KEYS = {"fix_salary", "hourly_salary"}


def _affixes() -> dict[str, tuple[str, str]]:
    """Return per attribute key the JSON text before and after its value."""
    affixes = {}
    for key, label, type_, universal_id in ATTRIBUTES:
        head = f'"{key}":{{"label":{_ENCODER.encode(label)},"value":'
        tail = f',"type":"{type_}","universal_id":{_ENCODER.encode(universal_id)}'
        if key in _SALARY_KEYS:
            tail += ',"currency":"EUR"'
        affixes[key] = (head, tail + "}")
    return affixes


_AFFIXES = _affixes()


def employee_fragments(employee: EmployeeRecord, company: Company) -> dict[str, bytes]:
    """Serialize every attribute of `employee` as a `"key":{...}` JSON fragment.

    An employee whose schedule is hidden (None) has no `work_schedule` fragment at all.
    """
    fragments: dict[str, bytes] = {}
    encode = _ENCODER.encode
    for key, value in _values(employee, company).items():
        if key == "work_schedule" and employee.schedule is None:
            continue
        head, tail = _AFFIXES[key]
        fragments[key] = f"{head}{encode(value)}{tail}".encode()
    return fragments


def join_employee(fragments: Iterable[bytes]) -> bytes:
    """Wrap attribute fragments as one `{"type": "Employee", ...}` object."""
    return b'{"type":"Employee","attributes":{' + b",".join(fragments) + b"}}"


def attribute_list(keys: Iterable[str]) -> list[dict[str, Any]]:
    """Describe attributes for `GET /v1/company/employees/attributes`."""
    custom = {spec[0]: spec[4] for spec in cat.CUSTOM_ATTRIBUTES}
    wanted = set(keys)
    return [
        {
            "key": key,
            "label": label,
            "type": type_,
            "universal_id": universal_id,
            "options": list(custom.get(key, ())),
        }
        for key, label, type_, universal_id in ATTRIBUTES
        if key in wanted
    ]


@lru_cache(maxsize=4096)
def _iso_day(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


@lru_cache(maxsize=4096)
def _day(ordinal: int, colon: bool) -> str:
    return format_midnight(dt.date.fromordinal(ordinal), colon=colon)


def short_employee_json(employee: EmployeeRecord) -> str:
    """Return the embedded employee of an absence, as JSON text."""
    return dumps(_short_employee(employee, id_label="id")).decode()


@lru_cache(maxsize=64)
def _type_json(index: int) -> str:
    kind = cat.TIME_OFF_TYPES[index]
    attributes = {"id": kind.id, "name": kind.name, "category": kind.category}
    return dumps({"type": "TimeOffType", "attributes": attributes}).decode()


@lru_cache(maxsize=64)
def _absence_type_json(index: int) -> str:
    kind = cat.TIME_OFF_TYPES[index]
    attributes = {"id": kind.uuid, "name": kind.name, "time_off_type_id": kind.id}
    return dumps({"type": "AbsenceType", "attributes": attributes}).decode()


_TIME_OFF = (
    '{"type":"TimeOffPeriod","attributes":{"id":%d,"status":"%s","comment":"",'
    '"start_date":"%s","end_date":"%s","days_count":%s,"half_day_start":%s,'
    '"half_day_end":%s,"time_off_type":%s,"employee":%s,"created_by":"API",'
    '"certificate":{"status":"%s"},"created_at":"%s","updated_at":"%s"}}'
)
_FLAGS = {(0, False): "false", (0, True): "true", (1, False): "0", (1, True): "1"}


def time_off_json(
    company: Company, row: int, employee_json: Callable[[int], str]
) -> str:
    """Format day-based absence `row` as a `TimeOffPeriod` object (JSON text)."""
    table = company.time_offs
    style = table.style[row]
    colon = bool(style & STYLE_COLON_OFFSET)
    ints = style & STYLE_INT_FLAGS
    days_x2 = table.days_x2[row]
    days = str(days_x2 // 2) if days_x2 % 2 == 0 else str(days_x2 / 2)
    type_index = table.type_index[row]
    sick = cat.TIME_OFF_TYPES[type_index].category == "sick_leave"
    return _TIME_OFF % (
        table.ids[row],
        cat.STATUSES[table.status[row]],
        _day(table.start[row], colon),
        _day(table.end[row], colon),
        days,
        _FLAGS[ints, bool(table.half_start[row])],
        _FLAGS[ints, bool(table.half_end[row])],
        _type_json(type_index),
        employee_json(table.employee[row]),
        "pending" if sick else "not-required",
        format_timestamp(table.created[row], colon=colon),
        format_timestamp(table.updated[row], colon=colon),
    )


_PERIOD = (
    '{"type":"AbsencePeriod","attributes":{"id":"%s","measurement_unit":"hour",'
    '"effective_duration":%d,"employee":%s,"absence_type":%s,'
    '"certificate":{"status":"not-required"},"start":"%s","end":"%s",'
    '"half_day_start":false,"half_day_end":false,"comment":"","origin":"web",'
    '"status":"%s","timezone":"%s","created_by":%d,"created_at":"%s",'
    '"updated_at":"%s","approved_at":%s,"breakdowns":[%s]}}'
)


def period_instants(company: Company, row: int) -> tuple[int, int]:
    """Return Unix seconds of an hour-based period's start and end."""
    periods = company.periods
    timezone = company.employees[periods.employee[row] - 1].calendar.timezone
    first = dt.date.fromordinal(periods.first_day[row])
    last = dt.date.fromordinal(periods.last_day(row))
    minute = periods.start_minute[row]
    start = unix_seconds(first, minute, daytime_offset_minutes(first, timezone))
    end_minute = minute + periods.daily_minutes[row]
    end = unix_seconds(last, end_minute, daytime_offset_minutes(last, timezone))
    return start, end


def period_json(company: Company, row: int, employee_json: Callable[[int], str]) -> str:
    """Format hour-based absence `row` as an `AbsencePeriod` object (JSON text)."""
    periods = company.periods
    employee_id = periods.employee[row]
    timezone = company.employees[employee_id - 1].calendar.timezone
    daily = periods.daily_minutes[row]
    first = periods.first_day[row]
    breakdowns = ",".join(
        f'{{"date":"{_iso_day(first + offset)}","effective_duration":{daily}}}'
        for offset in range(periods.day_count[row])
    )
    start, end = period_instants(company, row)
    status = cat.STATUSES[periods.status[row]]
    updated = periods.updated[row]
    approved = f'"{format_utc(updated)}"' if status == "approved" else "null"
    return _PERIOD % (
        periods.ids[row],
        daily * periods.day_count[row],
        employee_json(employee_id),
        _absence_type_json(periods.type_index[row]),
        format_utc(start),
        format_utc(end),
        status,
        timezone,
        employee_id,
        format_utc(periods.created[row]),
        format_utc(updated),
        approved,
        breakdowns,
    )
