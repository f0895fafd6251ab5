"""`client.absences`: day-based and hour-based absences as one stream."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from personio_sdk import _constants as constants
from personio_sdk._errors import NotFoundError
from personio_sdk._pagination import PageStyle, iter_items
from personio_sdk.models.absences import Absence
from personio_sdk.models.status import AbsenceStatus
from personio_sdk.resources._absence_query import AbsenceQuery
from personio_sdk.resources._common import check_positive_id, data_object
from personio_sdk.resources.absence_types import AbsenceTypesResource

if TYPE_CHECKING:
    from personio_sdk._transport import Transport

__all__ = ["AbsencesResource"]

TIME_OFFS_PATH = "/v1/company/time-offs"
ABSENCE_PERIODS_PATH = "/v1/company/absence-periods"


class AbsencesResource:
    """Absences of the v1 API: `/v1/company/time-offs` (types tracked in days) and
    `/v1/company/absence-periods` (types tracked in hours).

    Personio keeps the two apart by the unit of the absence type. Listing only one of
    them misses every absence of the other unit, so `list` always reads both.
    """

    def __init__(
        self, transport: Transport, absence_types: AbsenceTypesResource
    ) -> None:
        self._transport = transport
        self._absence_types = absence_types

    def list(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        employee_ids: Iterable[int] | None = None,
        statuses: Iterable[AbsenceStatus | str] | AbsenceStatus | str | None = None,
        updated_since: date | datetime | None = None,
    ) -> Iterator[Absence]:
        """Iterate lazily over the absences that overlap `start`..`end` (inclusive).

        Day-based absences come first, then hour-based ones, each absence once.
        `statuses` defaults to approved only; pass `list(AbsenceStatus)` for every
        known status (Personio has no status filter, so the SDK filters). A missing
        `start` or `end` leaves that side open. `employee_ids` are sent in chunks of
        50. `updated_since` (a date or an aware datetime) keeps absences created or
        changed since then. Deleted absences are simply missing from Personio's
        responses, so an incremental sync cannot see deletions.

        Raises, before any request, ValueError when `end` is before `start`, when a
        bound is a datetime, when `employee_ids` is empty or contains a non-positive id,
        when a status is unknown or `updated_since` is naive. While iterating it
        raises the errors of the request loop and ResponseValidationError.
        """
        query = AbsenceQuery.build(
            start=start,
            end=end,
            employee_ids=employee_ids,
            statuses=statuses,
            updated_since=updated_since,
        )
        return self._stream(query)

    def get(self, absence_id: int | str) -> Absence:
        """Fetch one absence of any status by id.

        An integer id (or a string of digits) is a day-based time-off, read from
        `/v1/company/time-offs/{id}`. A UUID is an hour-based absence period, looked
        up with the `absence_periods[]` filter. Raises ValueError for any other id,
        NotFoundError when Personio has no such absence, and ResponseValidationError.
        """
        resolver = self._absence_types.resolver()
        parsed_id = _parse_absence_id(absence_id)
        if isinstance(parsed_id, int):
            path = f"{TIME_OFFS_PATH}/{parsed_id}"
            body = self._transport.get(path)
            return Absence.from_time_off(
                data_object(body, path), resolver, path=path, location="data"
            )
        period_id = parsed_id
        items = iter_items(
            self._transport,
            ABSENCE_PERIODS_PATH,
            params=[("absence_periods[]", period_id)],
            style=PageStyle.DETECT,
            page_size=constants.ABSENCE_PERIODS_PAGE_SIZE,
            item_id=_item_id,
        )
        for index, item in enumerate(items):
            if str(_item_id(item)).lower() == period_id.lower():
                return Absence.from_absence_period(
                    item,
                    resolver,
                    path=ABSENCE_PERIODS_PATH,
                    location=f"data[{index}]",
                )
        raise NotFoundError(
            f"Absence period {period_id} was not found in Personio.",
            status_code=404,
            method="GET",
            path=ABSENCE_PERIODS_PATH,
        )

    def _stream(self, query: AbsenceQuery) -> Iterator[Absence]:
        resolver = self._absence_types.resolver()
        yield from self._read(
            query,
            path=TIME_OFFS_PATH,
            style=PageStyle.PAGE_NUMBER,
            page_size=constants.TIME_OFFS_PAGE_SIZE,
            params=query.time_off_params,
            parse=lambda item, where: Absence.from_time_off(
                item, resolver, path=TIME_OFFS_PATH, location=where
            ),
        )
        yield from self._read(
            query,
            path=ABSENCE_PERIODS_PATH,
            style=PageStyle.DETECT,
            page_size=constants.ABSENCE_PERIODS_PAGE_SIZE,
            params=query.absence_period_params,
            parse=lambda item, where: Absence.from_absence_period(
                item, resolver, path=ABSENCE_PERIODS_PATH, location=where
            ),
        )

    def _read(
        self,
        query: AbsenceQuery,
        *,
        path: str,
        style: PageStyle,
        page_size: int,
        params: Callable[
            [tuple[int, ...] | None], builtins.list[tuple[str, str | int]]
        ],
        parse: Callable[[Mapping[str, Any], str], Absence],
    ) -> Iterator[Absence]:
        seen: set[str] = set()
        for chunk in query.employee_chunks():
            items = iter_items(
                self._transport,
                path,
                params=params(chunk),
                style=style,
                page_size=page_size,
                item_id=_item_id,
            )
            # NOTE: the index in error locations counts items across pages of one
            # request, so on later pages it exceeds the position within `data`.
            for index, item in enumerate(items):
                absence = parse(item, f"data[{index}]")
                if absence.id in seen:
                    continue
                seen.add(absence.id)
                if query.accepts(absence):
                    yield absence


def _item_id(item: Mapping[str, Any]) -> object:
    attributes = item.get("attributes", item)
    identifier = attributes["id"]
    if isinstance(identifier, (Mapping, list)):
        raise TypeError("absence id is not a scalar")
    return identifier


def _parse_absence_id(value: object) -> int | str:
    """Return a time-off id as int, or an absence-period UUID as str."""
    expected = (
        "absence_id must be a positive integer (a day-based time-off) or a UUID "
        "(an hour-based absence period)"
    )
    if isinstance(value, int) and not isinstance(value, bool):
        return check_positive_id(value, "absence_id")
    if not isinstance(value, str):
        raise TypeError(f"{expected}, got {type(value).__name__}")
    text = value.strip()
    if text.isdigit():
        return check_positive_id(int(text), "absence_id")
    try:
        uuid.UUID(text)
    except ValueError:
        raise ValueError(f"{expected}, got {value!r}") from None
    return text
