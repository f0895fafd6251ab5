"""The contracted working time of an employee per weekday."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from personio_sdk.models._base import PersonioModel, construct_trusted, extra_fields
from personio_sdk.models._parse import (
    FieldError,
    attributes_of,
    is_empty,
    parse_date_as_written,
    parse_duration,
    parse_int,
    parse_optional_str,
)

__all__ = ["WEEKDAYS", "WorkSchedule"]

# Personio's attribute names of the days, Monday first like `date.weekday()`.
WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

_SECONDS_PER_HOUR = Decimal(3600)


class WorkSchedule(PersonioModel):
    """Contracted working time per weekday, from the v1 `work_schedule` attribute.

    Each day is a `timedelta` (`"08:30"` is 8.5 hours, `"00:00"` a day off) or None when
    unknown. A schedule built from `weekly_working_hours` alone has every day None and
    `weekly_hours` set: the SDK never spreads weekly hours over days.
    """

    id: int | None = None
    name: str | None = None
    valid_from: date | None = None
    monday: timedelta | None = None
    tuesday: timedelta | None = None
    wednesday: timedelta | None = None
    thursday: timedelta | None = None
    friday: timedelta | None = None
    saturday: timedelta | None = None
    sunday: timedelta | None = None
    weekly_hours: Decimal | None = None
    """Contracted hours a week: `weekly_working_hours` when readable, else the sum of
    the days when all of them are known, else None."""

    @property
    def days_known(self) -> bool:
        """True when the duration of every weekday is known."""
        return all(getattr(self, day) is not None for day in WEEKDAYS)

    def hours(self, weekday: int) -> Decimal | None:
        """Return the contracted hours on a weekday (0 is Monday), None when unknown.

        Raises ValueError for a weekday outside 0..6.
        """
        if not 0 <= weekday <= 6:
            raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {weekday}")
        duration: timedelta | None = getattr(self, WEEKDAYS[weekday])
        if duration is None:
            return None
        return _to_hours(duration)

    def hours_on(self, day: date) -> Decimal | None:
        """Return the contracted hours on the weekday of `day`, None when unknown.

        The schedule is the current one: Personio's v1 API returns no history, so past
        dates get today's schedule too.
        """
        return self.hours(day.weekday())

    @classmethod
    def from_api(
        cls,
        value: object,
        *,
        weekly_hours: Decimal | None = None,
        location: str = "work_schedule",
    ) -> WorkSchedule | None:
        """Build a schedule from the unwrapped `work_schedule` attribute value.

        `value` is `{"type": "WorkSchedule", "attributes": {...}}` or its attributes.
        An empty value (None, `""` or `[]`) gives a schedule with only `weekly_hours`,
        or None when those are unknown too. Raises FieldError for a malformed day.
        """
        if is_empty(value):
            if weekly_hours is None:
                return None
            return _construct(cls, {**_NO_SCHEDULE, "weekly_hours": weekly_hours}, {})
        attributes = attributes_of(value, location)
        try:
            return _from_attributes(cls, attributes, weekly_hours)
        except FieldError as exc:
            raise _located_in(value, location, exc) from None


# The fields of a schedule built from `weekly_working_hours` alone.
_NO_SCHEDULE: Mapping[str, None] = dict.fromkeys(WorkSchedule.model_fields)


def _from_attributes(
    cls: type[WorkSchedule],
    attributes: Mapping[str, Any],
    weekly_hours: Decimal | None,
) -> WorkSchedule:
    """Build a schedule from its attributes.

    FieldError locations are relative to the attributes (`monday`, `id`), so that
    the common case builds no location strings.
    """
    get = attributes.get
    days = [_parse_day(get(day), day) for day in WEEKDAYS]
    known = [duration for duration in days if duration is not None]
    if weekly_hours is None and len(known) == len(WEEKDAYS):
        weekly_hours = _weekly_hours(known, "")
    schedule_id = get("id")
    if type(schedule_id) is not int:
        schedule_id = None if is_empty(schedule_id) else parse_int(schedule_id, "id")
    valid_from = get("valid_from")
    values: dict[str, Any] = {
        "id": schedule_id,
        "name": parse_optional_str(get("name"), "name"),
        "valid_from": None
        if is_empty(valid_from)
        else parse_date_as_written(valid_from, "valid_from"),
    }
    values.update(zip(WEEKDAYS, days, strict=True))
    values["weekly_hours"] = weekly_hours
    return _construct(cls, values, extra_fields(attributes, WorkSchedule))


def _construct(
    cls: type[WorkSchedule], values: dict[str, Any], extra: dict[str, Any]
) -> WorkSchedule:
    """Build `cls` from converted values, without validating them where that is safe."""
    weekly_hours = values["weekly_hours"]
    if cls is not WorkSchedule or (
        weekly_hours is not None
        and (type(weekly_hours) is not Decimal or not weekly_hours.is_finite())
    ):
        # A subclass may declare more fields than `values` has. A caller may pass
        # weekly hours of another type, which pydantic converts, and a JSON
        # `Infinity` becomes an infinite Decimal, which pydantic rejects.
        return cls(**values, **extra)
    return construct_trusted(WorkSchedule, values, extra)


def _located_in(value: object, location: str, error: FieldError) -> FieldError:
    """Prefix the relative location of `error` with the schedule's location."""
    where = f"{location}.attributes" if "attributes" in _mapping(value) else location
    inner = f"{where}.{error.location}" if error.location else where
    return FieldError(inner, error.expected)


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _parse_day(value: object, location: str) -> timedelta | None:
    # Strings, the shape Personio sends, are checked inline to save a call per day.
    if type(value) is str:
        if not value.strip():
            return None
    elif is_empty(value):
        return None
    try:
        return parse_duration(value, location)
    except FieldError:
        raise
    except (ArithmeticError, ValueError):
        # ArithmeticError covers decimal.Overflow from a huge number of hours, which
        # is not an OverflowError, and the OverflowError of a too large timedelta.
        raise FieldError(location, "a duration of a day") from None


def _weekly_hours(days: list[timedelta], location: str) -> Decimal:
    try:
        return _to_hours(sum(days, timedelta()))
    except OverflowError:
        # Each day fits in a timedelta, but their sum may not.
        raise FieldError(location, "durations of a day") from None


def _to_hours(duration: timedelta) -> Decimal:
    # timedelta stores whole microseconds, so the only rounding is to Decimal's 28
    # significant digits (8:20 is 8.333...).
    micros = (duration.days * 86400 + duration.seconds) * 10**6 + duration.microseconds
    return Decimal(micros) / (_SECONDS_PER_HOUR * 10**6)
