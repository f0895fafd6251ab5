"""Argument checks and response unwrapping shared by the resources."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from typing import Any

from personio_sdk._errors import ResponseValidationError
from personio_sdk.models._parse import unwrap

__all__ = [
    "check_date",
    "check_positive_id",
    "check_updated_since",
    "data_list",
    "data_object",
    "employee_item_id",
]


def check_positive_id(value: object, argument: str) -> int:
    """Return `value` if it is a positive integer id.

    Raises TypeError for a non-integer (a bool included) and ValueError for zero or a
    negative number, naming `argument`.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{argument} must be an int, got {type(value).__name__}")
    if value < 1:
        raise ValueError(f"{argument} must be a positive integer, got {value}")
    return value


def check_date(value: object, argument: str) -> date | None:
    """Return `value` if it is a `date` (or None).

    Raises ValueError for a `datetime`, because day-based absences have no time of day
    and a time would silently be dropped, and TypeError for anything else.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        raise ValueError(
            f"{argument} must be a date, not a datetime: pass {argument}.date() "
            "or a datetime.date"
        )
    if not isinstance(value, date):
        raise TypeError(
            f"{argument} must be a datetime.date, got {type(value).__name__}"
        )
    return value


def check_updated_since(value: object, argument: str) -> date | datetime | None:
    """Return `value` if it is a date or a timezone-aware datetime (or None).

    Raises ValueError for a naive datetime, whose instant is ambiguous, and for a
    value outside the range the requests can express: the listings send the day
    before a date, and the UTC instant of a datetime. TypeError for anything else.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise ValueError(
                f"{argument} must be timezone-aware: pass a date, or a datetime with "
                "tzinfo such as datetime(2026, 1, 1, tzinfo=timezone.utc)"
            )
        try:
            in_utc = value.astimezone(timezone.utc)
        except OverflowError:
            raise _updated_since_out_of_range(argument, value) from None
        if min(value.date(), in_utc.date()) <= date.min:
            raise _updated_since_out_of_range(argument, value)
        return value
    if isinstance(value, date):
        if value <= date.min:
            raise _updated_since_out_of_range(argument, value)
        return value
    raise TypeError(
        f"{argument} must be a datetime.date or datetime.datetime, "
        f"got {type(value).__name__}"
    )


def _updated_since_out_of_range(argument: str, value: date) -> ValueError:
    return ValueError(
        f"{argument} {value.isoformat()} is out of range: pass a date from "
        f"{date.min + timedelta(days=1)} to {date.max}, or a datetime whose UTC "
        "instant lies in that range"
    )


def data_object(body: Any, path: str) -> Mapping[str, Any]:
    """Return the `data` object of a single-item response."""
    if not isinstance(body, Mapping):
        raise ResponseValidationError(path=path, location="body", expected="an object")
    data = body.get("data")
    if not isinstance(data, Mapping):
        raise ResponseValidationError(path=path, location="data", expected="an object")
    return data


def data_list(body: Any, path: str) -> list[Any]:
    """Return the `data` list of a list response."""
    if not isinstance(body, Mapping):
        raise ResponseValidationError(path=path, location="body", expected="an object")
    data = body.get("data")
    if not isinstance(data, list):
        raise ResponseValidationError(path=path, location="data", expected="a list")
    return data


def employee_item_id(item: Mapping[str, Any]) -> object:
    """Return the id of a raw employee item, for de-duplication across pages."""
    identifier = unwrap(item["attributes"]["id"])
    if isinstance(identifier, (Mapping, list)):
        raise TypeError("employee id is not a scalar")
    return identifier
