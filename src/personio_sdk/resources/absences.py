"""`client.absences`: day-based and hour-based absences as one stream."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import pydantic

from personio_sdk import _constants as constants
from personio_sdk._concurrent import PageSource, Prefetcher
from personio_sdk._errors import NotFoundError
from personio_sdk._pagination import (
    PageStyle,
    first_request,
    iter_items,
    iter_pages,
)
from personio_sdk.models._absence_payloads import (
    build_absence_period,
    build_time_off,
)
from personio_sdk.models._base import invalid_payload
from personio_sdk.models._parse import FieldError
from personio_sdk.models.absences import Absence, KindResolver
from personio_sdk.models.status import AbsenceStatus
from personio_sdk.resources._absence_query import AbsenceQuery
from personio_sdk.resources._common import check_positive_id, data_object
from personio_sdk.resources.absence_types import AbsenceTypesResource

if TYPE_CHECKING:
    from personio_sdk._transport import Transport

__all__ = ["AbsencesResource"]

Params = builtins.list[tuple[str, str | int]]

TIME_OFFS_PATH = "/v1/company/time-offs"
ABSENCE_PERIODS_PATH = "/v1/company/absence-periods"


class AbsencesResource:
    """Absences of the v1 API: `/v1/company/time-offs` (types tracked in days) and
    `/v1/company/absence-periods` (types tracked in hours).

    Personio keeps the two apart by the unit of the absence type. Listing only one of
    them misses every absence of the other unit, so `list` always reads both.
    `max_concurrency` is how many requests `list` sends at once; 1 sends one at a
    time.
    """

    def __init__(
        self,
        transport: Transport,
        absence_types: AbsenceTypesResource,
        *,
        max_concurrency: int = 1,
    ) -> None:
        self._transport = transport
        self._absence_types = absence_types
        self._max_concurrency = max_concurrency

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
        Within each kind they come employee chunk by chunk and page by page in
        Personio's order, the same at any `max_concurrency`. The first page of
        every chunk, and the following pages once a first page has given the
        total, are requested up to `max_concurrency` at a time, and at most twice
        that many pages are held in memory. Leaving the loop early cancels the
        requests not yet sent and waits for those in flight.

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
        endpoints = (
            _Endpoint(
                path=TIME_OFFS_PATH,
                style=PageStyle.PAGE_NUMBER,
                page_size=constants.TIME_OFFS_PAGE_SIZE,
                params=query.time_off_params,
                build=build_time_off,
            ),
            _Endpoint(
                path=ABSENCE_PERIODS_PATH,
                style=PageStyle.DETECT,
                page_size=constants.ABSENCE_PERIODS_PAGE_SIZE,
                params=query.absence_period_params,
                build=build_absence_period,
            ),
        )
        with Prefetcher(
            self._transport, max_concurrency=self._max_concurrency
        ) as prefetcher:
            # One listing per endpoint and employee chunk, in the order they are
            # read; their first pages are known now and are fetched ahead.
            listings = [
                (endpoint, chunk, endpoint.params(chunk), prefetcher.source())
                for endpoint in endpoints
                for chunk in query.employee_chunks()
            ]
            for endpoint, _, params, source in listings:
                source.predict(
                    [
                        first_request(
                            endpoint.path,
                            params=params,
                            style=endpoint.style,
                            page_size=endpoint.page_size,
                        )
                    ]
                )
            for endpoint in endpoints:
                yield from self._read(
                    query,
                    resolver,
                    endpoint,
                    [
                        (chunk, params, source)
                        for owner, chunk, params, source in listings
                        if owner is endpoint
                    ],
                )

    def _read(
        self,
        query: AbsenceQuery,
        resolver: KindResolver,
        endpoint: _Endpoint,
        listings: builtins.list[tuple[tuple[int, ...] | None, Params, PageSource]],
    ) -> Iterator[Absence]:
        build, accepts = endpoint.build, query.accepts
        for chunk, params, source in listings:
            # Each absence belongs to one employee and so to one chunk. A record of
            # an employee outside the chunk (a server ignoring `employees[]`) is
            # dropped, because the chunk of its own employee yields it. Repeats
            # within one listing are dropped by the pager. Together this yields
            # each absence once without keeping every id seen so far.
            owners = None if chunk is None else frozenset(chunk)
            pages = iter_pages(
                self._transport,
                endpoint.path,
                params=params,
                style=endpoint.style,
                page_size=endpoint.page_size,
                item_id=_item_id,
                source=source,
            )
            # NOTE: the index in error locations counts items across pages of one
            # request, so on later pages it exceeds the position within `data`.
            index = 0
            for items in pages:
                for item in items:
                    try:
                        absence = build(item, resolver)
                    except (FieldError, pydantic.ValidationError) as exc:
                        raise invalid_payload(
                            exc, path=endpoint.path, location=f"data[{index}]"
                        ) from None
                    index += 1
                    if owners is not None and absence.employee_id not in owners:
                        continue
                    if accepts(absence):
                        yield absence


@dataclass(frozen=True)
class _Endpoint:
    """The paging style, page size, parameters and parser of one absence
    endpoint."""

    path: str
    style: PageStyle
    page_size: int
    params: Callable[[tuple[int, ...] | None], Params]
    build: Callable[[Mapping[str, Any], KindResolver], Absence]
    """Builds an absence from a raw item; raises FieldError or ValidationError."""


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
        parsed = uuid.UUID(text)
    except ValueError:
        raise ValueError(f"{expected}, got {value!r}") from None
    # Personio writes UUIDs in lower case with hyphens; the filter is sent that way,
    # whatever spelling the caller used (upper case, braces, `urn:uuid:`).
    return str(parsed)
