"""Lenient converters for the value shapes Personio sends.

Each converter accepts every spelling seen in real payloads and raises `FieldError` with
the field location and the expected shape otherwise. `FieldError` never carries the
value itself, because values may be personal data.
"""

from __future__ import annotations

import functools
import json
import re
import sys
import zoneinfo
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

import pydantic_core

__all__ = [
    "FieldError",
    "attributes_of",
    "is_empty",
    "parse_bool",
    "parse_date_as_written",
    "parse_datetime",
    "parse_decimal",
    "parse_duration",
    "parse_int",
    "parse_optional_datetime",
    "parse_optional_str",
    "parse_tags",
    "try_common_datetime",
    "try_date_as_written",
    "unwrap",
    "zone_named",
]

# `2017-12-27T00:00:00+0100`, `1944-09-01T00:00:00+02:00` or a plain `2025-03-03`.
_DATE_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
# The date-time shape Personio sends (`2025-12-08T10:00:00+0100`,
# `2026-04-07T09:00:00.000Z`), with every field in range, is parsed without
# dateutil. Other spellings, hour 24 and second 60 go to dateutil's `isoparse`.
_COMMON_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{1,6}))?"
    r"(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?",
    re.ASCII,
)
# From Python 3.11 on, `datetime.fromisoformat` reads `Z` and `+0100`.
_FROMISOFORMAT_READS_OFFSETS = sys.version_info >= (3, 11)
# `08:30` or `8:30`, optionally with seconds.
_CLOCK = re.compile(r"(\d{1,3}):([0-5]\d)(?::([0-5]\d))?")
# ISO 8601 durations of a day or less as Personio and other HR systems write them:
# `PT27000S`, `PT7H30M`, `PT8H`, `P0D`.
_ISO_DURATION = re.compile(
    r"P(?:(?P<days>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?"
)


class FieldError(ValueError):
    """A field of a payload that does not have the expected shape.

    `location` is the dotted path inside the item (`attributes.start_date`) and
    `expected` a short description of the accepted shape.
    """

    def __init__(self, location: str, expected: str) -> None:
        super().__init__(f"{location}: expected {expected}")
        self.location = location
        self.expected = expected


def is_empty(value: object) -> bool:
    """Tell whether `value` means "no value": None, `""`, `[]` or `{}`.

    Personio sends an empty string or an empty list where an unset object belongs.
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict)):
        return len(value) == 0
    return False


def unwrap(value: object) -> object:
    """Return the `value` of a v1 attribute wrapper, or `value` itself if unwrapped.

    The wrapper is `{"label", "value", "type", "universal_id"}`; older tenants send only
    `label` and `value`.
    """
    if (
        (type(value) is dict or isinstance(value, Mapping))
        and "value" in value
        and "label" in value
    ):
        return value["value"]
    return value


def attributes_of(item: object, location: str) -> Mapping[str, Any]:
    """Return the `attributes` mapping of a `{"type": ..., "attributes": {...}}` item.

    An item without the envelope is taken as the attributes themselves.
    """
    # `type(...) is dict` first: decoded JSON is made of dicts, and the Mapping check
    # is an ABC lookup that costs more than the rest of this function.
    if type(item) is not dict and not isinstance(item, Mapping):
        raise FieldError(location or "item", "an object")
    inner = item.get("attributes", item)
    if type(inner) is not dict and not isinstance(inner, Mapping):
        raise FieldError(_join(location, "attributes"), "an object")
    return inner


def parse_int(value: object, location: str) -> int:
    """Convert an integer or a string of digits to `int`."""
    if type(value) is int:
        return value
    if isinstance(value, bool):
        raise FieldError(location, "an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    raise FieldError(location, "an integer")


def parse_optional_str(value: object, location: str) -> str | None:
    """Convert a string to itself and None, `""` or whitespace to None."""
    if type(value) is str:
        return value if value.strip() else None
    if is_empty(value):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise FieldError(location, "a string")


def parse_bool(value: object, location: str) -> bool:
    """Convert `true`/`false`, `0`/`1` and `"0"`/`"1"` (also `"true"`) to `bool`."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return value == 1
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("1", "true"):
            return True
        if text in ("0", "false"):
            return False
    raise FieldError(location, "a boolean (true, false, 0 or 1)")


def parse_decimal(value: object, location: str) -> Decimal:
    """Convert a number or a numeric string (`"40"`, `"37.5"`, `"37,5"`) to Decimal.

    Floats go through their shortest `repr`, so `0.5` becomes `Decimal("0.5")` and not
    its binary expansion.
    """
    if isinstance(value, bool):
        raise FieldError(location, "a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        try:
            number = Decimal(value.strip().replace(",", "."))
        except InvalidOperation:
            raise FieldError(location, "a number") from None
        if number.is_finite():
            return number
    raise FieldError(location, "a number")


def parse_date_as_written(value: object, location: str) -> date:
    """Take the calendar date written at the start of a date or date-time string.

    `2017-12-27T00:00:00+0100` is 27 December 2017: the offset is ignored, because
    Personio writes midnight of the company's local day and converting it to UTC would
    move the date back by one day.
    """
    if isinstance(value, str):
        parsed = try_date_as_written(value)
        if parsed is not None:
            return parsed
    elif isinstance(value, datetime):
        return value.date()
    elif isinstance(value, date):
        return value
    raise FieldError(location, "a date like 2017-12-27 or 2017-12-27T00:00:00+0100")


# A listing repeats the same few hundred date strings, and dates are immutable.
@functools.lru_cache(maxsize=4096)
def try_date_as_written(text: str) -> date | None:
    """Return the date written at the start of `text`, or None when there is none."""
    match = _DATE_PREFIX.match(text.strip())
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_datetime(value: object, location: str) -> datetime:
    """Parse an ISO 8601 date-time with any offset spelling (`+0100`, `+02:00`, `Z`).

    The offset becomes a `datetime.timezone`; a value without offset stays naive.
    """
    if isinstance(value, datetime):
        return value
    parsed: datetime | None = None
    if isinstance(value, str) and value.strip():
        text = value.strip()
        parsed = try_common_datetime(text)
        if parsed is not None:
            return parsed
        # Imported here, because the common shape above needs no dateutil and its
        # import costs several milliseconds of every `import personio_sdk`.
        from dateutil.parser import isoparse

        try:
            parsed = isoparse(text)
        except (ValueError, OverflowError):
            parsed = None
    if parsed is None:
        raise FieldError(location, "an ISO 8601 date-time")
    offset = parsed.utcoffset()
    if offset is None:
        return parsed
    return parsed.replace(tzinfo=timezone.utc if not offset else timezone(offset))


def parse_optional_datetime(value: object, location: str) -> datetime | None:
    """Parse a date-time that may be missing; None, `""` and `[]` give None."""
    if type(value) is str:
        parsed = try_common_datetime(value)
        if parsed is not None:
            return parsed
    return None if is_empty(value) else parse_datetime(value, location)


def parse_duration(value: object, location: str) -> timedelta:
    """Convert a daily duration to `timedelta`.

    Accepted: `"HH:MM"` (`"08:30"` is 8.5 hours), ISO 8601 durations (`"PT27000S"`,
    `"PT7H30M"`) and numbers of hours (`7.5` or `"7.5"`). Negative values are invalid.
    """
    expected = 'a duration like "08:30", "PT27000S" or a number of hours'
    if isinstance(value, str):
        duration = _duration_from_text(value)
        if duration is not None:
            return duration
    try:
        hours = parse_decimal(value, location)
    except FieldError:
        raise FieldError(location, expected) from None
    if hours < 0:
        raise FieldError(location, expected)
    return timedelta(seconds=float(hours * 3600))


# Schedules repeat the same few day lengths, and timedelta is immutable.
@functools.lru_cache(maxsize=1024)
def _duration_from_text(value: str) -> timedelta | None:
    """Read `"HH:MM"` or an ISO 8601 duration; None for any other text."""
    text = value.strip()
    clock = _CLOCK.fullmatch(text)
    if clock:
        return timedelta(
            hours=int(clock[1]), minutes=int(clock[2]), seconds=int(clock[3] or 0)
        )
    iso = _ISO_DURATION.fullmatch(text.upper())
    if iso and text.upper() not in ("P", "PT"):
        parts = {k: Decimal(v) for k, v in iso.groupdict().items() if v}
        seconds = (
            parts.get("days", Decimal(0)) * 86400
            + parts.get("hours", Decimal(0)) * 3600
            + parts.get("minutes", Decimal(0)) * 60
            + parts.get("seconds", Decimal(0))
        )
        return timedelta(seconds=float(seconds))
    return None


def parse_tags(value: object, location: str) -> list[str]:
    """Convert a tags value to a list of strings.

    Personio has sent tags as a real list, as a JSON-encoded list
    (`'["Remote","Berlin"]'`) and as a comma-separated string (`"Remote,Berlin"`).
    """
    if is_empty(value):
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            decoded = _decode_json_text(text)
            if isinstance(decoded, list):
                return [str(tag) for tag in decoded if not is_empty(tag)]
        return [tag.strip() for tag in text.split(",") if tag.strip()]
    if isinstance(value, Sequence):
        return [str(tag) for tag in value if not is_empty(tag)]
    raise FieldError(location, "a list of tags")


def _decode_json_text(text: str) -> object:
    """Decode a short JSON document; None when it is not JSON."""
    try:
        # pydantic-core's parser costs a fifth of `json.loads` on a list of tags.
        return pydantic_core.from_json(text)
    except ValueError:
        pass
    try:
        # It rejects a few documents json.loads reads, such as lone surrogates.
        return json.loads(text)
    except ValueError:
        return None


def try_common_datetime(text: str) -> datetime | None:
    """Parse a date-time without dateutil, or return None to leave it to dateutil.

    From Python 3.11 on this is whatever `datetime.fromisoformat` reads; before, the
    shape of `_COMMON_DATETIME`. Where dateutil reads the text too, the result
    equals what `parse_datetime` makes of dateutil's: naive without an offset,
    `timezone.utc` for `Z` and zero offsets, else a fixed `timezone`. From 3.11 on,
    a few spellings dateutil refuses are read as well, such as an offset with
    seconds (`+01:00:30`).
    """
    if _FROMISOFORMAT_READS_OFFSETS:
        # No shape check first: the check cost more than the parse, and where both
        # read a text they agree (tested). fromisoformat uses the module's UTC
        # instance for `Z` and zero offsets.
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            return None
    match = _COMMON_DATETIME.fullmatch(text)
    if match is None:
        return None
    try:
        return _datetime_from_fields(match)
    except ValueError:
        # An invalid day such as 2026-02-30; dateutil raises the error.
        return None


def _datetime_from_fields(match: re.Match[str]) -> datetime:
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    zone: timezone | None = None
    if offset == "Z":
        zone = timezone.utc
    elif offset is not None:
        delta = timedelta(hours=int(offset[1:3]), minutes=int(offset[-2:]))
        if offset.startswith("-"):
            delta = -delta
        zone = timezone(delta) if delta else timezone.utc
    return datetime(
        int(year),
        int(month),
        int(day),
        int(hour),
        int(minute),
        int(second),
        int(fraction.ljust(6, "0")) if fraction else 0,
        tzinfo=zone,
    )


def zone_named(name: str | None) -> zoneinfo.ZoneInfo | None:
    """Return the IANA time zone `name`, or None when it is None or unknown."""
    if name is None:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def _join(location: str, name: str) -> str:
    return f"{location}.{name}" if location else name
