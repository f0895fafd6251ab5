"""One lazy iterator over the paging styles of Personio's v1 list endpoints.

Personio's v1 lists page with `limit` and `offset`, but `offset` means different
things per endpoint. It is a record offset from 0 on employees and a page number
from 1 on time-offs, where Personio returns page 1 for 0. On hour-based absence
periods the definition says record offset and the changelog says page numbers. The
iterator trusts no style blindly: it drops ids it already yielded, stops once
`total_elements` records have come, stops when Personio ignores paging, and raises
`PaginationError` rather than lose records silently.
"""

from __future__ import annotations

import contextlib
import enum
import math
from collections import deque
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from personio_sdk import _constants as constants
from personio_sdk._concurrent import DirectSource, PageSource
from personio_sdk._errors import PaginationError
from personio_sdk._logging import logger
from personio_sdk._pages import Page, parse_page

if TYPE_CHECKING:
    from personio_sdk._transport import Transport

__all__ = ["PageStyle", "chunked", "first_request", "iter_items", "iter_pages"]

Params = Sequence[tuple[str, str | int]]
T = TypeVar("T")

# Personio rejects larger pages on these endpoints, so larger sizes are lowered.
_MAX_PAGE_SIZES = {
    "/v1/company/employees": constants.EMPLOYEES_MAX_PAGE_SIZE,
    "/v1/company/time-offs": constants.TIME_OFFS_PAGE_SIZE,
    "/v1/company/absence-periods": constants.ABSENCE_PERIODS_PAGE_SIZE,
}
# Size of the second request that DETECT sends to learn the meaning of `offset`.
_PROBE_SIZE = 2


class PageStyle(enum.Enum):
    """Meaning of the `offset` query parameter of a v1 list endpoint."""

    RECORD_OFFSET = "record_offset"
    """`offset` counts records from 0 (v1 employees)."""
    PAGE_NUMBER = "page_number"
    """`offset` is a page number from 1 (v1 time-offs)."""
    DETECT = "detect"
    """Decided from the first two responses (v1 hour-based absence periods)."""


def chunked(values: Sequence[T], size: int) -> Iterator[list[T]]:
    """Yield `values` in consecutive lists of at most `size` items."""
    if size < 1:
        raise ValueError(f"size must be at least 1, got {size}")
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def iter_items(
    transport: Transport,
    path: str,
    *,
    params: Params = (),
    style: PageStyle,
    page_size: int,
    item_id: Callable[[Mapping[str, Any]], object],
    source: PageSource | None = None,
) -> Iterator[Mapping[str, Any]]:
    """Yield each raw item of `data` across all pages, lazily.

    The items of `iter_pages`, one by one; see there for the rules.
    """
    pages = iter_pages(
        transport,
        path,
        params=params,
        style=style,
        page_size=page_size,
        item_id=item_id,
        source=source,
    )
    return _flatten(pages)


def _flatten(pages: Generator[list[T], None, None]) -> Iterator[T]:
    # A generator rather than itertools.chain: closing it closes `pages` at once,
    # which ends the listing's requests sent ahead.
    with contextlib.closing(pages):
        for items in pages:
            yield from items


def iter_pages(
    transport: Transport,
    path: str,
    *,
    params: Params = (),
    style: PageStyle,
    page_size: int,
    item_id: Callable[[Mapping[str, Any]], object],
    source: PageSource | None = None,
) -> Generator[list[Mapping[str, Any]], None, None]:
    """Yield the raw items of `data` page by page, lazily; empty lists are skipped.

    Each id (from `item_id`) is yielded once. `params` must not contain `limit` or
    `offset`, which the iterator sets; `page_size` is lowered to the endpoint's
    maximum where Personio has one (100 for employees).

    `source` sends the requests. By default each one is sent through `transport`
    when needed, so one page is in memory. A prefetching source
    (`_concurrent.Prefetcher`) receives the requests of the next pages once the
    page count is known, sends them ahead and holds up to its window of pages.
    The records, their order and the stop rules below are the same either way.

    The listing stops on an empty page, once `total_elements` distinct records have
    come, after the page count the first response announced, and when Personio
    ignores paging: a page longer than `limit`, or a short page with no new id. A
    full page with no new id raises `PaginationError`, because the records after it
    could not be reached.

    DETECT sends `offset=0` with `limit=page_size`, then `offset=1` with `limit=2`,
    and compares the first id of the second response with the first page:

    - equal to the first page's first id: `offset` is a page number and 0 returns
      page 1, so the listing goes on with page 2;
    - equal to the second id: `offset` counts records, so the listing goes on at
      the number of records received;
    - equal to the third id (or new, when the first page had two records): `offset`
      is a page number from 0, so the listing goes on with page 1;
    - anything else raises `PaginationError`.

    A caller that handles a page at once saves the per-record cost of a generator
    between the pager and itself, which shows on listings of hundreds of thousands
    of records.

    Raises `ResponseValidationError` when a response lacks a `data` list or an item
    lacks an id, and the errors of `Transport.get`.
    """
    limit = _checked_limit(path, params, page_size)
    listing = _Listing(
        source or DirectSource(transport), path, list(params), limit, item_id
    )
    return listing.run(style)


def first_request(
    path: str, *, params: Params = (), style: PageStyle, page_size: int
) -> tuple[str, list[tuple[str, str | int]]]:
    """Return the path and parameters of the first request `iter_items` sends.

    A caller that reads several listings one after the other predicts these, so
    that the first pages of later listings are fetched while earlier ones are read.
    """
    limit = _checked_limit(path, params, page_size)
    offset = 1 if style is PageStyle.PAGE_NUMBER else 0
    return path, [*params, ("limit", limit), ("offset", offset)]


def _checked_limit(path: str, params: Params, page_size: int) -> int:
    if page_size < 1:
        raise ValueError(f"page_size must be at least 1, got {page_size}")
    reserved = {key for key, _ in params} & {"limit", "offset"}
    if reserved:
        raise ValueError(
            f"params must not contain {sorted(reserved)}; they are set here"
        )
    return min(page_size, _MAX_PAGE_SIZES.get(path.rstrip("/"), page_size))


class _RecentIds:
    """The ids of the records of the most recent pages of a listing.

    The ids of at most `pages` pages are kept, the oldest page dropped first, so a
    listing of any length keeps a bounded set.
    """

    def __init__(self, pages: int) -> None:
        self._pages: deque[frozenset[object]] = deque(maxlen=pages)

    def __contains__(self, item_id: object) -> bool:
        return any(item_id in page for page in self._pages)

    def isdisjoint(self, ids: frozenset[object]) -> bool:
        """Tell whether none of `ids` is among the remembered ids."""
        return all(ids.isdisjoint(page) for page in self._pages)

    def add_page(self, ids: frozenset[object]) -> None:
        """Remember the ids of one page, forgetting the oldest page when full."""
        self._pages.append(ids)


class _Listing:
    """State of one listing: ids seen, records yielded and the page budget."""

    def __init__(
        self,
        source: PageSource,
        path: str,
        params: list[tuple[str, str | int]],
        limit: int,
        item_id: Callable[[Mapping[str, Any]], object],
    ) -> None:
        self._source = source
        self._path = path
        self._params = params
        self._limit = limit
        self._last_limit = limit
        self._item_id = item_id
        self._seen = _RecentIds(constants.DEDUPLICATION_WINDOW_PAGES)
        self._yielded = 0
        self._total: int | None = None
        self._total_pages: int | None = None
        self._pages = 0
        self._max_pages = constants.MAX_PAGES

    def run(self, style: PageStyle) -> Generator[list[Mapping[str, Any]], None, None]:
        try:
            if style is PageStyle.RECORD_OFFSET:
                yield from self._walk(offset=0, by_records=True, first_page_offset=0)
            elif style is PageStyle.PAGE_NUMBER:
                yield from self._walk(offset=1, by_records=False, first_page_offset=1)
            else:
                yield from self._detect()
        finally:
            self._source.forget()

    def _walk(
        self,
        *,
        offset: int,
        by_records: bool,
        first_page_offset: int,
        after_first: bool = False,
    ) -> Iterator[list[Mapping[str, Any]]]:
        """Request pages from `offset` on until one of the stop rules applies."""
        if after_first:
            self._predict(offset, by_records, first_page_offset)
        while True:
            page = self._fetch(offset, self._limit)
            if not page.items:
                return
            if after_first and not self._has_new_id(page):
                self._no_progress(page, offset)
                return
            if not after_first or (by_records and len(page.items) != self._limit):
                # The first page gave the counts, or a short page moved the record
                # offsets: from here on the next requests are known.
                self._source.forget()
                self._predict(
                    offset + (len(page.items) if by_records else 1),
                    by_records,
                    first_page_offset,
                )
            yield from self._new_items(page)
            if self._finished(page):
                return
            if not by_records and self._total_pages is not None:
                pages_done = offset - first_page_offset + 1
                if pages_done >= self._total_pages:
                    return
            offset += len(page.items) if by_records else 1
            after_first = True

    def _predict(self, offset: int, by_records: bool, first_page_offset: int) -> None:
        """Predict the requests `_walk` sends from `offset` on, assuming full pages
        and the counts of the first response."""
        if by_records:
            if self._total is None:
                return
            offsets = range(offset, self._total, self._limit)
        else:
            if self._total_pages is not None:
                page_count = self._total_pages
            elif self._total is not None:
                page_count = math.ceil(self._total / self._limit)
            else:
                return
            offsets = range(offset, first_page_offset + page_count)
        budget = max(0, self._max_pages - self._pages)
        self._source.predict(
            (self._path, self._request_params(planned, self._limit))
            for planned in offsets[:budget]
        )

    def _detect(self) -> Iterator[list[Mapping[str, Any]]]:
        first = self._fetch(0, self._limit)
        if not first.items:
            return
        yield from self._new_items(first)
        if self._finished(first):
            return
        if self._total_pages is not None and self._total_pages <= 1:
            return

        # Only the ids of the first page are kept while the probe is in flight.
        first_ids, first_count = first.ids, len(first.items)
        del first
        probe = self._fetch(1, _PROBE_SIZE)
        if not probe.items or len(probe.items) > _PROBE_SIZE:
            # An empty probe means there is no second record. A long one means
            # Personio ignored `limit`, so the first page contained everything.
            return

        style = self._style_from_probe(first_ids, probe.ids[0])
        logger.debug("GET %s pages by %s", self._path, style)
        yield from self._new_items(probe)
        if self._finished(probe):
            return

        if style == "record_offset":
            offset, by_records, first_page_offset = first_count, True, 0
        elif style == "page_from_1":
            offset, by_records, first_page_offset = 2, False, 1
        else:
            offset, by_records, first_page_offset = 1, False, 0
        yield from self._walk(
            offset=offset,
            by_records=by_records,
            first_page_offset=first_page_offset,
            after_first=True,
        )

    def _style_from_probe(self, first_ids: tuple[object, ...], probe_id: object) -> str:
        if probe_id == first_ids[0]:
            return "page_from_1"
        if len(first_ids) >= 2 and probe_id == first_ids[1]:
            return "record_offset"
        if len(first_ids) >= 3 and probe_id == first_ids[2]:
            return "page_from_0"
        if len(first_ids) == 2 and probe_id not in first_ids:
            return "page_from_0"
        raise PaginationError(
            f"Could not determine how GET {self._path} pages: the response to "
            "offset=1 matches neither a record offset nor a page number.",
            path=self._path,
        )

    def _fetch(self, offset: int, limit: int) -> Page:
        self._pages += 1
        if self._pages > self._max_pages:
            raise PaginationError(
                f"GET {self._path} returned more than {self._max_pages} pages, more "
                "than it announced; stopping so the listing cannot loop forever.",
                path=self._path,
            )
        body = self._source.get(self._path, self._request_params(offset, limit))
        self._last_limit = limit
        page = parse_page(body, path=self._path, item_id=self._item_id)
        logger.debug(
            "GET %s offset=%d limit=%d: %d item(s)",
            self._path,
            offset,
            limit,
            len(page.items),
        )
        if self._pages == 1:
            self._set_budget(page)
        return page

    def _request_params(self, offset: int, limit: int) -> list[tuple[str, str | int]]:
        return [*self._params, ("limit", limit), ("offset", offset)]

    def _set_budget(self, first: Page) -> None:
        total, total_pages = first.total_elements, first.total_pages
        if first.items:
            # Counts of 0 next to records are wrong, so they are treated as unknown.
            total = total or None
            total_pages = total_pages or None
        self._total = total
        self._total_pages = total_pages
        # Personio computes total_pages with the page size it really used, so it is
        # preferred over a count derived from total_elements.
        announced: int | None = total_pages
        if announced is None and total is not None:
            announced = math.ceil(total / (len(first.items) or self._limit))
        if announced is not None:
            # One more for the DETECT probe, and a few for records added meanwhile.
            self._max_pages = announced + constants.EXTRA_PAGES + 1

    def _has_new_id(self, page: Page) -> bool:
        return any(item_id not in self._seen for item_id in page.unique_ids)

    def _no_progress(self, page: Page, offset: int) -> None:
        """Stop quietly for a short page with no new id, raise for a full one."""
        if len(page.items) < self._limit:
            logger.debug(
                "GET %s offset=%d repeated earlier records; Personio ignores paging "
                "here, so the listing is complete",
                self._path,
                offset,
            )
            return
        raise PaginationError(
            f"GET {self._path} returned a full page of records already received "
            f"at offset={offset}, so the remaining records cannot be reached; "
            "the listing stopped to avoid looping or losing records silently.",
            path=self._path,
        )

    def _new_items(self, page: Page) -> Iterator[list[Mapping[str, Any]]]:
        """Yield the items of `page` whose ids have not come yet, as one list.

        Nothing is yielded when every item is a repeat.
        """
        ids = page.unique_ids
        if len(ids) == len(page.ids) and self._seen.isdisjoint(ids):
            # The usual page: no id repeats, so every item is new.
            new_items = page.items
        else:
            new_items = []
            on_page: set[object] = set()
            for item, item_id in zip(page.items, page.ids, strict=True):
                if item_id not in on_page and item_id not in self._seen:
                    on_page.add(item_id)
                    new_items.append(item)
        self._seen.add_page(ids)
        self._yielded += len(new_items)
        if new_items:
            yield new_items

    def _finished(self, page: Page) -> bool:
        if len(page.items) > self._limit:
            # Personio ignored `limit` (it does for employees with `updated_since`)
            # and sent the whole result at once.
            return True
        if self._total is None and self._total_pages is None:
            # Without counts (time-off types send none), a page shorter than the
            # limit it was requested with is the last one.
            return len(page.items) < self._last_limit
        return self._total is not None and self._yielded >= self._total
