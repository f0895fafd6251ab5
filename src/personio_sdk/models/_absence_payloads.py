"""Parsing of v1 time-off and absence-period items into `Absence`."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any

from personio_sdk.models._base import construct_trusted, extra_fields
from personio_sdk.models._parse import (
    FieldError,
    attributes_of,
    is_empty,
    parse_bool,
    parse_date_as_written,
    parse_datetime,
    parse_decimal,
    parse_int,
    parse_optional_datetime,
    parse_optional_str,
    try_date_as_written,
    unwrap,
    zone_named,
)
from personio_sdk.models.absences import Absence, AbsenceDay, KindResolver
from personio_sdk.models.status import AbsenceStatus, parse_status

__all__ = ["build_absence_period", "build_time_off"]

_MINUTES_PER_HOUR = Decimal(60)

# Attributes consumed by the parsers, beyond the field names of Absence.
_TIME_OFF_KEYS = ("time_off_type", "employee", "days_count", "certificate")
_PERIOD_KEYS = (
    "absence_type",
    "employee",
    "effective_duration",
    "breakdowns",
    "measurement_unit",
    "start",
    "end",
    "certificate",
)


def build_time_off(item: Mapping[str, Any], resolver: KindResolver) -> Absence:
    """Parse a day-based `TimeOffPeriod` item; dates are taken as written."""
    attributes = attributes_of(item, "")
    try:
        return _time_off(attributes, resolver)
    except FieldError as exc:
        raise _located_in(item, exc) from None


def build_absence_period(item: Mapping[str, Any], resolver: KindResolver) -> Absence:
    """Parse an hour-based `AbsencePeriod` item; dates are local to its time zone."""
    attributes = attributes_of(item, "")
    try:
        return _absence_period(attributes, resolver)
    except FieldError as exc:
        raise _located_in(item, exc) from None


def _located_in(item: Mapping[str, Any], error: FieldError) -> FieldError:
    """Prefix the location of `error` with `attributes.` for an enveloped item.

    The parsers name locations relative to the attributes, so that the happy path
    builds no location strings.
    """
    if "attributes" not in item:
        return error
    return FieldError(f"attributes.{error.location}", error.expected)


def _time_off(attributes: Mapping[str, Any], resolver: KindResolver) -> Absence:
    # The checks of the shapes Personio sends come first and the lenient converters
    # run only for other shapes: this function runs once per record of a listing.
    get = attributes.get
    type_attributes = _nested_attributes(get("time_off_type"), "time_off_type")
    type_id = type_attributes.get("id")
    if type(type_id) is not int:
        type_id = _optional_int(type_id, "time_off_type.attributes.id")
    type_name = parse_optional_str(
        type_attributes.get("name"), "time_off_type.attributes.name"
    )
    category = parse_optional_str(
        type_attributes.get("category"), "time_off_type.attributes.category"
    )
    if category is None:
        known_type = resolver.find_type(type_id)
        category = known_type.category if known_type else None
    kind, work = resolver.resolve(type_id=type_id, name=type_name, category=category)
    record_id = get("id")
    if type(record_id) is not int:
        record_id = _required_int(record_id, "id")
    days = get("days_count")
    if type(days) is int:
        days = Decimal(days)
    else:
        days = None if is_empty(days) else parse_decimal(days, "days_count")
    return construct_trusted(
        Absence,
        {
            "id": str(record_id),
            "employee_id": _employee_id(get("employee"), "employee"),
            "kind": kind,
            "counts_as_work": work,
            "type_id": type_id,
            "type_uuid": None,
            "type_name": type_name,
            "category": category,
            "status": _status(get("status"), "status"),
            "start_date": _required_date(get("start_date"), "start_date"),
            "end_date": _required_date(get("end_date"), "end_date"),
            "half_day_start": _flag(get("half_day_start"), "half_day_start"),
            "half_day_end": _flag(get("half_day_end"), "half_day_end"),
            "unit": "day",
            "days": days,
            "hours": None,
            "breakdown": (),
            "timezone": None,
            "starts_at": None,
            "ends_at": None,
            "comment": parse_optional_str(get("comment"), "comment"),
            "created_at": parse_optional_datetime(get("created_at"), "created_at"),
            "updated_at": parse_optional_datetime(get("updated_at"), "updated_at"),
        },
        extra_fields(attributes, Absence, *_TIME_OFF_KEYS),
    )


def _absence_period(attributes: Mapping[str, Any], resolver: KindResolver) -> Absence:
    get = attributes.get
    type_attributes = _nested_attributes(get("absence_type"), "absence_type")
    type_id = _optional_int(
        type_attributes.get("time_off_type_id"),
        "absence_type.attributes.time_off_type_id",
    )
    known_type = resolver.find_type(type_id)
    type_name = parse_optional_str(
        type_attributes.get("name"), "absence_type.attributes.name"
    ) or (known_type.name if known_type else None)
    category = known_type.category if known_type else None
    kind, work = resolver.resolve(type_id=type_id, name=type_name, category=category)

    zone_name = parse_optional_str(get("timezone"), "timezone")
    # An unknown zone name is kept on the model; the dates then come from the
    # breakdown as if no zone had been sent.
    zone = zone_named(zone_name)
    starts_at = _as_utc(_required_datetime(get("start"), "start"))
    end_raw = get("end")
    ends_at = None if is_empty(end_raw) else _as_utc(parse_datetime(end_raw, "end"))
    if zone is not None:
        starts_at = _in_zone(starts_at, zone, "start")
        ends_at = _in_zone(ends_at, zone, "end") if ends_at else None
    breakdown = _breakdown(get("breakdowns"), "breakdowns")
    start_date, end_date = _local_dates(starts_at, ends_at, breakdown, zone is not None)

    duration = get("effective_duration")
    if is_empty(duration):
        hours = sum((day.hours for day in breakdown), Decimal(0)) if breakdown else None
    else:
        minutes = parse_decimal(duration, "effective_duration")
        hours = minutes / _MINUTES_PER_HOUR
    uuid = get("id")
    if type(uuid) is not str or not uuid.strip():
        uuid = parse_optional_str(uuid, "id")
        if uuid is None:
            raise FieldError("id", "a string id")
    return construct_trusted(
        Absence,
        {
            "id": uuid,
            "employee_id": _employee_id(get("employee"), "employee"),
            "kind": kind,
            "counts_as_work": work,
            "type_id": type_id,
            "type_uuid": parse_optional_str(
                type_attributes.get("id"), "absence_type.attributes.id"
            ),
            "type_name": type_name,
            "category": category,
            "status": _status(get("status"), "status"),
            "start_date": start_date,
            "end_date": end_date,
            "half_day_start": _flag(get("half_day_start"), "half_day_start"),
            "half_day_end": _flag(get("half_day_end"), "half_day_end"),
            "unit": "hour",
            "days": None,
            "hours": hours,
            "breakdown": breakdown,
            "timezone": zone_name,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "comment": parse_optional_str(get("comment"), "comment"),
            "created_at": parse_optional_datetime(get("created_at"), "created_at"),
            "updated_at": parse_optional_datetime(get("updated_at"), "updated_at"),
        },
        extra_fields(attributes, Absence, *_PERIOD_KEYS),
    )


def _local_dates(
    starts_at: datetime,
    ends_at: datetime | None,
    breakdown: tuple[AbsenceDay, ...],
    zone_known: bool,
) -> tuple[date, date]:
    """Derive the inclusive local dates of an hour-based absence.

    With a known time zone the instants decide, and an end at local midnight is
    exclusive (a period ending 2022-06-03T00:00 local ends on 2022-06-02). Without one
    the breakdown's dates are used, because Personio writes them as local dates.
    """
    if not zone_known and breakdown:
        return breakdown[0].date, breakdown[-1].date
    # NOTE: without time zone and breakdown the UTC dates are the only dates known.
    start_date = starts_at.date()
    if ends_at is None:
        end_date = breakdown[-1].date if breakdown else start_date
    elif ends_at.time() == time(0) and ends_at > starts_at:
        # An end at midnight is exclusive. An end on the start's date (mixed offsets
        # without a zone) keeps the start date, because the day before 0001-01-01
        # does not exist.
        last = ends_at.date()
        end_date = last - timedelta(days=1) if last > start_date else start_date
    else:
        end_date = ends_at.date()
    return start_date, max(start_date, end_date)


def _breakdown(value: object, location: str) -> tuple[AbsenceDay, ...]:
    if is_empty(value):
        return ()
    if not isinstance(value, list):
        raise FieldError(location, "a list of days")
    days = []
    for index, entry in enumerate(value):
        try:
            days.append(_breakdown_day(entry))
        except FieldError as exc:
            where = f"{location}[{index}]{exc.location}"
            raise FieldError(where, exc.expected) from None
    return tuple(sorted(days, key=lambda entry: entry.date))


def _breakdown_day(entry: object) -> AbsenceDay:
    """Parse one breakdown entry; error locations are relative to the entry."""
    if not isinstance(entry, Mapping):
        raise FieldError("", "an object with date and effective_duration")
    day = _required_date(entry.get("date"), ".date")
    minutes = parse_decimal(entry.get("effective_duration"), ".effective_duration")
    return construct_trusted(
        AbsenceDay, {"date": day, "hours": minutes / _MINUTES_PER_HOUR}, {}
    )


def _in_zone(instant: datetime, zone: zoneinfo.ZoneInfo, location: str) -> datetime:
    try:
        return instant.astimezone(zone)
    except OverflowError:
        # Instants within hours of 0001-01-01 or 9999-12-31 may leave the years a
        # datetime can hold once shifted into the zone.
        raise FieldError(location, "a date-time within the years 1 to 9999") from None


def _as_utc(instant: datetime) -> datetime:
    # Personio writes the instants of hour-based periods in UTC (`...Z`); one sent
    # without an offset is read the same way.
    if instant.tzinfo is None:
        return instant.replace(tzinfo=timezone.utc)
    return instant


def _nested_attributes(value: object, location: str) -> Mapping[str, Any]:
    if type(value) is dict and value:
        inner = value.get("attributes", value)
        if type(inner) is dict:
            return inner
    if is_empty(value):
        return {}
    return attributes_of(value, location)


def _employee_id(value: object, location: str) -> int:
    if type(value) is dict:
        # The shape Personio sends: {"attributes": {"id": {"label", "value"}}}.
        attributes = value.get("attributes")
        if type(attributes) is dict:
            raw = attributes.get("id")
            if type(raw) is int:
                return raw
            if type(raw) is dict and "label" in raw:
                value = raw.get("value")
                if type(value) is int:
                    return value
    attributes = _nested_attributes(value, location)
    raw = attributes.get("id")
    identifier = unwrap(raw)
    if type(identifier) is int:
        return identifier
    where = (
        f"{location}.attributes.id"
        if isinstance(value, Mapping) and "attributes" in value
        else f"{location}.id"
    )
    if isinstance(raw, Mapping):
        where = f"{where}.value"
    return _required_int(identifier, where)


def _status(value: object, location: str) -> AbsenceStatus | str | None:
    if type(value) is str:
        return parse_status(value) if value.strip() else None
    text = parse_optional_str(value, location)
    return None if text is None else parse_status(text)


def _flag(value: object, location: str) -> bool:
    if type(value) is bool:
        return value
    return False if value is None else parse_bool(value, location)


def _required_int(value: object, location: str) -> int:
    if is_empty(value):
        raise FieldError(location, "an integer")
    return parse_int(value, location)


def _optional_int(value: object, location: str) -> int | None:
    if type(value) is int:
        return value
    return None if is_empty(value) else parse_int(value, location)


def _required_date(value: object, location: str) -> date:
    if type(value) is str:
        parsed = try_date_as_written(value)
        if parsed is not None:
            return parsed
    if is_empty(value):
        raise FieldError(location, "a date")
    return parse_date_as_written(value, location)


def _required_datetime(value: object, location: str) -> datetime:
    if is_empty(value):
        raise FieldError(location, "an ISO 8601 date-time")
    return parse_datetime(value, location)
