"""The v1 endpoints: parse query parameters, query the store, build Personio's bodies.

Each endpoint takes the request's context and its query pairs and returns a `Reply`;
authentication, faults and rate limits happen before, in the handler.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from personio_sdk.sandbox import _catalog as cat
from personio_sdk.sandbox._auth import Credential
from personio_sdk.sandbox._calendars import midnight_offset_minutes, unix_seconds
from personio_sdk.sandbox._serialize import (
    attribute_list,
    dumps,
    period_json,
    time_off_json,
)
from personio_sdk.sandbox._store import AbsenceQuery, Store

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"
EMPLOYEE_NOT_FOUND = "Es ist ein Problem aufgetreten "
VALIDATION_FAILED = "The given data failed to pass validation."

Params = Sequence[tuple[str, str]]


@dataclass
class Reply:
    """A response to send: status, body bytes, content type and extra headers."""

    status: int
    body: bytes
    content_type: str = JSON
    headers: list[tuple[str, str]] = field(default_factory=list)


def error_reply(
    status: int,
    message: str,
    *,
    code: int | None = None,
    content_type: str = JSON,
    error_data: dict[str, list[str]] | None = None,
) -> Reply:
    """Build Personio's v1 error body `{"success": false, "error": {code, message}}`."""
    error: dict[str, object] = {
        "code": status if code is None else code,
        "message": message,
    }
    if error_data is not None:
        error["error_data"] = error_data
    return Reply(status, dumps({"success": False, "error": error}), content_type)


@dataclass
class Context:
    """The inputs of an endpoint: the store, the credential and the paging style."""

    store: Store
    credential: Credential
    period_offsets: str


class InvalidParameterError(Exception):
    """A query parameter that cannot be parsed; the endpoint picks status and body."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def first(params: Params, name: str) -> str | None:
    """Return the first value of query parameter `name`, or None."""
    for key, value in params:
        if key == name:
            return value
    return None


def every(params: Params, name: str) -> list[str]:
    """Return every value of a repeated query parameter such as `employees[]`."""
    return [value for key, value in params if key == name]


def parse_int(
    params: Params, name: str, default: int, low: int, high: int | None
) -> int:
    """Parse an integer parameter within `[low, high]`.

    Raises InvalidParameterError when it is not an integer or out of range.
    """
    raw = first(params, name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidParameterError(name, f"The {name} must be an integer.") from None
    if value < low or (high is not None and value > high):
        limit = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise InvalidParameterError(name, f"The {name} must be {limit}.")
    return value


def parse_day(params: Params, name: str) -> dt.date | None:
    """Parse a `YYYY-MM-DD` parameter."""
    raw = first(params, name)
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise InvalidParameterError(name, f"The {name} is not a valid date.") from None


def day_start(day: dt.date) -> int:
    """Return Unix seconds of local midnight starting `day` in the company's zone."""
    return unix_seconds(day, 0, midnight_offset_minutes(day))


def day_end(day: dt.date) -> int:
    """Return Unix seconds of the last second of `day` in the company's zone."""
    return day_start(day + dt.timedelta(days=1)) - 1


def parse_instant(params: Params, name: str, *, end_of_day: bool = False) -> int | None:
    """Parse a date or ISO 8601 date-time parameter into Unix seconds.

    A date alone means its start, or with `end_of_day` its last second, in the
    company's time zone; a date-time without offset is company local time.
    """
    raw = first(params, name)
    if raw is None:
        return None
    try:
        if len(raw) == 10:
            day = dt.date.fromisoformat(raw)
            return day_end(day) if end_of_day else day_start(day)
        moment = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        message = f"The {name} is not a valid date-time."
        raise InvalidParameterError(name, message) from None
    if moment.tzinfo is None:
        offset = midnight_offset_minutes(moment.date())
        moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset)))
    return int(moment.timestamp())


def _list_body(
    total: int, page: int, pages: int, offset: int, limit: int, items: list[bytes]
) -> bytes:
    metadata = (
        f'{{"total_elements":{total},"current_page":{page},"total_pages":{pages}}}'
    )
    head = f'{{"success":true,"metadata":{metadata},"data":['.encode()
    tail = f'],"offset":{offset},"limit":{limit}}}'.encode()
    return head + b",".join(items) + tail


# Employees


def list_employees(context: Context, params: Params) -> Reply:
    """`GET /v1/company/employees`: record offset, limit 1..100 (default 50).

    With `updated_since`, Personio ignores `email`, `limit` and `offset` and returns
    every employee modified after that time in one response, and so does the sandbox.
    """
    store, credential = context.store, context.credential
    projection = every(params, "attributes[]")
    keys: frozenset[str] = credential.attributes
    if projection:
        keys = frozenset({"id", *projection}) & credential.attributes
    try:
        limit = parse_int(params, "limit", 50, 1, 100)
        offset = parse_int(params, "offset", 0, 0, None)
        since = parse_instant(params, "updated_since")
    except InvalidParameterError as exc:
        return error_reply(400, exc.message)
    if since is not None:
        # NOTE: Personio also drops employees none of whose `attributes[]` changed;
        # the sandbox keeps no per-attribute history, so it filters by
        # last_modified_at only.
        selected = [e for e in store.employees if e.last_modified_at > since]
        page, pages, window = 0, 1 if selected else 0, selected
    else:
        email = first(params, "email")
        if email is not None:
            match = store.by_email.get(email)
            selected = [] if match is None else [match]
        else:
            selected = store.employees
        page, pages = offset // limit, math.ceil(len(selected) / limit)
        window = selected[offset : offset + limit]
    if projection:
        items = [store.project(employee, keys) for employee in window]
    else:
        items = [store.employee_json(e, credential.name, keys) for e in window]
    body = _list_body(len(selected), page, pages, offset, limit, items)
    return Reply(200, body)


def get_employee(context: Context, employee_id: str) -> Reply:
    """`GET /v1/company/employees/{employee_id}`; unknown ids get the German 404."""
    employee = (
        context.store.employee(int(employee_id)) if employee_id.isdigit() else None
    )
    if employee is None:
        return error_reply(404, EMPLOYEE_NOT_FOUND)
    credential = context.credential
    item = context.store.employee_json(employee, credential.name, credential.attributes)
    return Reply(200, b'{"success":true,"data":' + item + b"}")


def list_attributes(context: Context, params: Params) -> Reply:
    """`GET /v1/company/employees/attributes`: what this credential may read."""
    data = attribute_list(context.credential.attributes)
    return Reply(200, dumps({"success": True, "data": data}))


def get_balance(context: Context, employee_id: str) -> Reply:
    """`GET /v1/company/employees/{employee_id}/absences/balance`."""
    employee = (
        context.store.employee(int(employee_id)) if employee_id.isdigit() else None
    )
    if employee is None:
        return error_reply(404, EMPLOYEE_NOT_FOUND)
    entries = context.store.balances(employee)
    return Reply(200, dumps({"success": True, "data": entries}))


# Absences


def list_time_off_types(context: Context, params: Params) -> Reply:
    """`GET /v1/company/time-off-types`: all types, record offset, limit 200."""
    try:
        limit = parse_int(params, "limit", 200, 1, None)
        offset = parse_int(params, "offset", 0, 0, None)
    except InvalidParameterError as exc:
        return error_reply(400, exc.message)
    data = [
        {
            "type": "TimeOffType",
            "attributes": {
                "id": kind.id,
                "name": kind.name,
                "category": kind.category,
                "unit": kind.unit,
                "approval_required": kind.approval_required,
            },
        }
        for kind in cat.TIME_OFF_TYPES[offset : offset + limit]
    ]
    return Reply(200, dumps({"success": True, "data": data}))


def _absence_query(params: Params, *, instants: bool) -> AbsenceQuery:
    start = parse_day(params, "start_date")
    end = parse_day(params, "end_date")
    if instants:
        updated_from = parse_instant(params, "updated_from")
        updated_to = parse_instant(params, "updated_to", end_of_day=True)
    else:
        day_from = parse_day(params, "updated_from")
        day_to = parse_day(params, "updated_to")
        updated_from = None if day_from is None else day_start(day_from)
        updated_to = None if day_to is None else day_end(day_to)
    raw_employees = every(params, "employees[]")
    if any(not value.isdigit() for value in raw_employees):
        raise InvalidParameterError("employees", "The employees must be integers.")
    return AbsenceQuery(
        employees=tuple(sorted({int(v) for v in raw_employees}))
        if raw_employees
        else None,
        start=None if start is None else start.toordinal(),
        end=None if end is None else end.toordinal(),
        updated_from=updated_from,
        updated_to=updated_to,
    )


def list_time_offs(context: Context, params: Params) -> Reply:
    """`GET /v1/company/time-offs`: overlap filter, page-number offset (0 acts as 1)."""
    try:
        query = _absence_query(params, instants=False)
        limit = parse_int(params, "limit", 200, 1, 200)
        offset = parse_int(params, "offset", 0, 0, None)
    except InvalidParameterError as exc:
        return error_reply(422, VALIDATION_FAILED, error_data={exc.name: [exc.message]})
    store = context.store
    rows = store.time_offs(query)
    page = max(offset, 1)
    window = rows[(page - 1) * limit : page * limit]
    items = [
        time_off_json(store.company, row, store.short_employee).encode()
        for row in window
    ]
    body = _list_body(
        len(rows), page, math.ceil(len(rows) / limit), offset, limit, items
    )
    return Reply(200, body)


def get_time_off(context: Context, time_off_id: str) -> Reply:
    """`GET /v1/company/time-offs/{id}`."""
    if not time_off_id.isdigit():
        return error_reply(400, "The absence period id is invalid.")
    store = context.store
    row = store.time_off_row(int(time_off_id))
    if row is None:
        return error_reply(404, "The absence period was not found.")
    item = time_off_json(store.company, row, store.short_employee).encode()
    return Reply(200, b'{"success":true,"data":' + item + b"}")


def list_periods(context: Context, params: Params) -> Reply:
    """`GET /v1/company/absence-periods`: hour-based absences.

    `offset` counts pages from 1 (0 acts as 1) when the sandbox's `period_offsets` is
    "page", or records from 0 when it is "record".
    """
    try:
        query = _absence_query(params, instants=True)
        limit = parse_int(params, "limit", 200, 1, 200)
        offset = parse_int(params, "offset", 0, 0, None)
    except InvalidParameterError as exc:
        return error_reply(400, exc.message, content_type=PROBLEM_JSON)
    type_ids = every(params, "absence_types[]")
    if type_ids:
        unknown = [value for value in type_ids if value not in cat.TYPES_BY_UUID]
        if unknown:
            return error_reply(
                404, "models.absence-types.not-found", content_type=PROBLEM_JSON
            )
        indexes = frozenset(
            cat.TYPE_INDEX[cat.TYPES_BY_UUID[value].id] for value in type_ids
        )
        query = dataclasses.replace(query, type_indexes=indexes)
    period_ids = every(params, "absence_periods[]")
    if period_ids:
        query = dataclasses.replace(query, period_ids=frozenset(period_ids))
    store = context.store
    rows = store.periods(query)
    if context.period_offsets == "record":
        first_row, page = offset, offset // limit + 1
    else:
        page = max(offset, 1)
        first_row = (page - 1) * limit
    window = rows[first_row : first_row + limit]
    items = [
        period_json(store.company, row, store.short_employee).encode() for row in window
    ]
    body = _list_body(
        len(rows), page, math.ceil(len(rows) / limit), offset, limit, items
    )
    return Reply(200, body)
