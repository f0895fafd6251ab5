"""Absence types and absences, day-based and hour-based, as one model each."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from personio_sdk.models._base import PersonioModel, build_model, extra_fields
from personio_sdk.models._parse import (
    FieldError,
    attributes_of,
    is_empty,
    parse_bool,
    parse_int,
    parse_optional_str,
)
from personio_sdk.models.kinds import (
    AbsenceKind,
    KindOverrides,
    classify,
    counts_as_work,
)
from personio_sdk.models.status import AbsenceStatus

__all__ = ["Absence", "AbsenceDay", "AbsenceType", "KindResolver"]

# Maximum number of decisions one resolver caches, so that payloads with endless
# distinct type names cannot grow it without bound.
_RESOLVED_MAX = 4096


class AbsenceType(PersonioModel):
    """A v1 time-off type (Personio's "absence type") with its derived kind."""

    id: int
    name: str
    category: str | None = None
    """Personio's category as sent; an unknown value is kept and classified as OTHER
    unless the name rules say otherwise."""
    unit: str | None = None
    """`day` for types listed at /v1/company/time-offs, `hour` for absence periods."""
    kind: AbsenceKind
    counts_as_work: bool = False
    """True for off-site work such as home office: not time off."""
    approval_required: bool | None = None

    @classmethod
    def from_api(
        cls,
        item: Mapping[str, Any],
        *,
        overrides: KindOverrides | None = None,
        path: str = "",
        location: str = "",
    ) -> AbsenceType:
        """Build a type from a `{"type": "TimeOffType", "attributes": {...}}` item.

        Raises ResponseValidationError when the id or the name is missing or malformed.
        """
        return build_model(
            lambda: _build_type(item, overrides), path=path, location=location
        )


class AbsenceDay(PersonioModel):
    """The hours an hour-based absence takes on one local date."""

    date: date
    hours: Decimal


class Absence(PersonioModel):
    """One absence period, day-based (v1 time-off) or hour-based (v1 absence period).

    Day-based absences have `days` (Personio's `days_count`, as sent) and dates as
    Personio writes them. Hour-based absences have `hours`, a per-date `breakdown` and
    dates local to their `timezone`. `end_date` is inclusive in both.
    """

    id: str
    """The time-off id as a string for day-based absences, a UUID for hour-based."""
    employee_id: int
    kind: AbsenceKind
    counts_as_work: bool = False
    type_id: int | None = None
    """The v1 time-off type id (for hour-based absences its `time_off_type_id`)."""
    type_uuid: str | None = None
    """The absence type's UUID, sent with hour-based absences only."""
    type_name: str | None = None
    category: str | None = None
    status: AbsenceStatus | str | None = None
    """None when Personio sent no status: such an absence is never taken as approved."""
    start_date: date
    end_date: date
    half_day_start: bool = False
    half_day_end: bool = False
    unit: Literal["day", "hour"]
    days: Decimal | None = None
    hours: Decimal | None = None
    breakdown: tuple[AbsenceDay, ...] = ()
    timezone: str | None = None
    starts_at: datetime | None = None
    """Start instant of an hour-based absence, in its time zone when that is known."""
    ends_at: datetime | None = None
    """End instant (exclusive) of an hour-based absence; None when open-ended."""
    comment: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def is_approved(self) -> bool:
        """True when Personio reports the absence as approved."""
        return self.status is AbsenceStatus.APPROVED

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """Tell whether the absence touches the inclusive range `start`..`end`.

        A missing bound is open.
        """
        if start is not None and self.end_date < start:
            return False
        return not (end is not None and self.start_date > end)

    @classmethod
    def from_time_off(
        cls,
        item: Mapping[str, Any],
        resolver: KindResolver | None = None,
        *,
        path: str = "",
        location: str = "",
    ) -> Absence:
        """Build an absence from a `TimeOffPeriod` item of /v1/company/time-offs.

        Raises ResponseValidationError when a field has a shape that does not fit.
        """
        # Imported on use: the parser module imports this one for the model classes.
        from personio_sdk.models._absence_payloads import build_time_off

        chosen = resolver or KindResolver()
        return build_model(
            lambda: build_time_off(item, chosen), path=path, location=location
        )

    @classmethod
    def from_absence_period(
        cls,
        item: Mapping[str, Any],
        resolver: KindResolver | None = None,
        *,
        path: str = "",
        location: str = "",
    ) -> Absence:
        """Build an absence from an `AbsencePeriod` item of /v1/company/absence-periods.

        The kind comes from the absence type's `time_off_type_id` matched against the
        resolver's types (for the category) and from the type name. Raises
        ResponseValidationError when a field has a shape that does not fit.
        """
        # Imported on use: the parser module imports this one for the model classes.
        from personio_sdk.models._absence_payloads import build_absence_period

        chosen = resolver or KindResolver()
        return build_model(
            lambda: build_absence_period(item, chosen), path=path, location=location
        )


class KindResolver:
    """Decide kind and `counts_as_work` of absences from the known types and overrides.

    `types` is a list of AbsenceType or a function returning one. The function is
    called on the first absence that needs a type's category (an hour-based absence, or
    a day-based one sent without category) and its result is kept, so listing
    day-based absences does not fetch the types. Decisions are kept per type id, name
    and category. Assigning a new `overrides` object clears them, but changing the
    mappings inside the current one does not.
    """

    def __init__(
        self,
        types: Iterable[AbsenceType] | Callable[[], Iterable[AbsenceType]] = (),
        *,
        overrides: KindOverrides | None = None,
    ) -> None:
        self.overrides = overrides
        self._loader: Callable[[], Iterable[AbsenceType]] | None = None
        self._types: dict[int, AbsenceType] | None = None
        self._lock = threading.Lock()
        # Decisions by (type id, name, category): a company has few types, and the
        # rules are pure, so each combination is classified once.
        self._resolved: dict[
            tuple[int | None, str | None, str | None], tuple[AbsenceKind, bool]
        ] = {}
        self._resolved_for: KindOverrides | None = overrides
        if callable(types):
            self._loader = types
        else:
            self._types = {absence_type.id: absence_type for absence_type in types}

    def find_type(self, type_id: int | None) -> AbsenceType | None:
        """Return the known type with this v1 time-off type id, or None."""
        if type_id is None:
            return None
        with self._lock:
            if self._types is None:
                loader = self._loader
                self._types = {t.id: t for t in loader()} if loader else {}
            return self._types.get(type_id)

    def resolve(
        self, *, type_id: int | None, name: str | None, category: str | None
    ) -> tuple[AbsenceKind, bool]:
        """Return `(kind, counts_as_work)` for a type id, name and category."""
        overrides = self.overrides
        if overrides is not self._resolved_for:
            # `overrides` is a public attribute, so a new value drops what was decided.
            self._resolved = {}
            self._resolved_for = overrides
        key = (type_id, name, category)
        decided = self._resolved.get(key)
        if decided is None:
            kind = classify(
                type_id=type_id, name=name, category=category, overrides=overrides
            )
            work = counts_as_work(
                type_id=type_id, name=name, category=category, overrides=overrides
            )
            decided = (kind, work)
            if len(self._resolved) < _RESOLVED_MAX:
                self._resolved[key] = decided
        return decided


def _build_type(
    item: Mapping[str, Any], overrides: KindOverrides | None
) -> AbsenceType:
    attributes = attributes_of(item, "")
    where = "attributes" if "attributes" in item else ""

    def at(key: str) -> str:
        return f"{where}.{key}" if where else key

    if is_empty(attributes.get("id")):
        raise FieldError(at("id"), "an integer")
    type_id = parse_int(attributes["id"], at("id"))
    name = parse_optional_str(attributes.get("name"), at("name"))
    if name is None:
        raise FieldError(at("name"), "a string")
    category = parse_optional_str(attributes.get("category"), at("category"))
    approval = attributes.get("approval_required")
    unit = parse_optional_str(attributes.get("unit"), at("unit"))
    return AbsenceType(
        id=type_id,
        name=name,
        category=category,
        unit=unit.lower() if unit else None,
        kind=classify(
            type_id=type_id, name=name, category=category, overrides=overrides
        ),
        counts_as_work=counts_as_work(
            type_id=type_id, name=name, category=category, overrides=overrides
        ),
        approval_required=None
        if approval is None
        else parse_bool(approval, at("approval_required")),
        **extra_fields(attributes, AbsenceType),
    )
