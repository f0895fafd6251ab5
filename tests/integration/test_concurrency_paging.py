"""The prefetcher and the paging rules it must not change, on a fake transport.

Every scenario runs the same listing once with requests sent on demand and once
through a `Prefetcher`, and the two must yield the same items in the same order or
raise the same error.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import pytest

from personio_sdk import PaginationError
from personio_sdk._concurrent import DirectSource, Prefetcher
from personio_sdk._pagination import PageStyle, iter_items

PATH = "/v1/company/time-offs"
Handler = Callable[[int, int], dict[str, Any]]


class FakeTransport:
    """Serve pages from a handler of (offset, limit); thread-safe, counts calls."""

    def __init__(self, handler: Handler, delay: Callable[[int], float] | None = None):
        self._handler = handler
        self._delay = delay or (lambda offset: 0.0)
        self._lock = threading.Lock()
        self.calls: list[int] = []
        self.in_flight = 0
        self.max_in_flight = 0

    def get(self, path: str, *, params: list[tuple[str, str | int]]) -> Any:
        query = dict(params)
        offset, limit = int(query["offset"]), int(query["limit"])
        with self._lock:
            self.calls.append(offset)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(self._delay(offset))
            return self._handler(offset, limit)
        finally:
            with self._lock:
                self.in_flight -= 1

    def get_content(self, path: str, *, params: list[tuple[str, str | int]]) -> bytes:
        """The body of `get` as JSON bytes, as a prefetcher's pool threads read it."""
        return json.dumps(self.get(path, params=params)).encode()


def body(rows: list[dict[str, Any]], total: int | None, limit: int) -> dict[str, Any]:
    result: dict[str, Any] = {"success": True, "data": rows}
    if total is not None:
        pages = math.ceil(total / limit)
        result["metadata"] = {"total_elements": total, "total_pages": pages}
    return result


def rows(count: int) -> list[dict[str, Any]]:
    return [{"id": number} for number in range(count)]


def record_offsets(data: list[dict[str, Any]], announced: int | None = None) -> Handler:
    def handle(offset: int, limit: int) -> dict[str, Any]:
        total = len(data) if announced is None else announced
        return body(data[offset : offset + limit], total, limit)

    return handle


def page_numbers(data: list[dict[str, Any]], *, zero_is_one: bool = True) -> Handler:
    def handle(offset: int, limit: int) -> dict[str, Any]:
        index = max(offset, 1) - 1 if zero_is_one else offset
        return body(data[index * limit : (index + 1) * limit], len(data), limit)

    return handle


def paging_ignored(data: list[dict[str, Any]]) -> Handler:
    def handle(offset: int, limit: int) -> dict[str, Any]:
        return body(data, len(data), limit)

    return handle


def repeats_full_page(data: list[dict[str, Any]]) -> Handler:
    """Page 3 and later repeat page 2, as a server that stopped paging would."""

    def handle(offset: int, limit: int) -> dict[str, Any]:
        page = min(max(offset, 1), 2) - 1
        return body(data[page * limit : (page + 1) * limit], len(data), limit)

    return handle


def item_id(item: Mapping[str, Any]) -> object:
    return item["id"]


def read(
    transport: FakeTransport, style: PageStyle, *, max_concurrency: int, limit: int
) -> tuple[list[object], type[BaseException] | None]:
    """Return the ids yielded and the type of the error raised, if any."""
    ids: list[object] = []
    with Prefetcher(transport, max_concurrency=max_concurrency) as prefetcher:
        items = iter_items(
            transport,
            PATH,
            style=style,
            page_size=limit,
            item_id=item_id,
            source=prefetcher.source(),
        )
        try:
            ids.extend(item_id(item) for item in items)
        except PaginationError as exc:
            return ids, type(exc)
    return ids, None


SCENARIOS: dict[str, tuple[Callable[[], Handler], PageStyle]] = {
    "record offsets": (lambda: record_offsets(rows(95)), PageStyle.RECORD_OFFSET),
    "record offsets, total too high": (
        lambda: record_offsets(rows(45), announced=90),
        PageStyle.RECORD_OFFSET,
    ),
    "record offsets, total too low": (
        lambda: record_offsets(rows(95), announced=30),
        PageStyle.RECORD_OFFSET,
    ),
    "page numbers": (lambda: page_numbers(rows(95)), PageStyle.PAGE_NUMBER),
    "detect, page from 1": (lambda: page_numbers(rows(95)), PageStyle.DETECT),
    "detect, page from 0": (
        lambda: page_numbers(rows(95), zero_is_one=False),
        PageStyle.DETECT,
    ),
    "detect, record offsets": (lambda: record_offsets(rows(95)), PageStyle.DETECT),
    "paging ignored": (lambda: paging_ignored(rows(35)), PageStyle.PAGE_NUMBER),
    "full page repeated": (lambda: repeats_full_page(rows(95)), PageStyle.PAGE_NUMBER),
}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_prefetched_listing_equals_sequential(name: str) -> None:
    make_handler, style = SCENARIOS[name]
    sequential = read(FakeTransport(make_handler()), style, max_concurrency=1, limit=10)
    concurrent = read(FakeTransport(make_handler()), style, max_concurrency=4, limit=10)
    assert concurrent == sequential


def test_late_pages_finishing_first_keep_order() -> None:
    # Earlier pages are slower, so the later ones finish first.
    transport = FakeTransport(
        page_numbers(rows(60)), delay=lambda offset: 0.05 * (7 - offset)
    )
    ids, error = read(transport, PageStyle.PAGE_NUMBER, max_concurrency=6, limit=10)
    assert error is None
    assert ids == list(range(60))


def test_prefetcher_keeps_to_max_concurrency() -> None:
    transport = FakeTransport(page_numbers(rows(200)), delay=lambda offset: 0.01)
    read(transport, PageStyle.PAGE_NUMBER, max_concurrency=3, limit=10)
    assert transport.max_in_flight == 3


def test_prefetcher_bounds_pages_ahead() -> None:
    transport = FakeTransport(page_numbers(rows(500)))
    with Prefetcher(transport, max_concurrency=2) as prefetcher:
        items = iter_items(
            transport,
            PATH,
            style=PageStyle.PAGE_NUMBER,
            page_size=10,
            item_id=item_id,
            source=prefetcher.source(),
        )
        next(items)
        time.sleep(0.2)
        sent = len(transport.calls)
        items.close()
    # The first page, then a window of 2 x 2 pages ahead out of 49.
    assert sent == 1 + 4


def test_forgotten_predictions_are_not_sent() -> None:
    transport = FakeTransport(page_numbers(rows(30)), delay=lambda offset: 0.05)
    with Prefetcher(transport, max_concurrency=2) as prefetcher:
        source = prefetcher.source()
        source.predict(
            [(PATH, [("limit", 10), ("offset", page)]) for page in (1, 2, 3)]
        )
        source.forget()
    # The first two were in flight at once; the third was never sent.
    assert sorted(transport.calls) == [1, 2]


def test_unused_prediction_error_is_dropped() -> None:
    def handle(offset: int, limit: int) -> dict[str, Any]:
        if offset == 9:
            raise RuntimeError("page 9 failed")
        return body([{"id": offset}], 10, limit)

    transport = FakeTransport(handle)
    with Prefetcher(transport, max_concurrency=2) as prefetcher:
        source = prefetcher.source()
        source.predict([(PATH, [("offset", 9)])])
        first = source.get(PATH, [("offset", 1), ("limit", 1)])
    assert first["data"] == [{"id": 1}]


def test_prediction_error_raises_when_requested() -> None:
    def handle(offset: int, limit: int) -> dict[str, Any]:
        raise RuntimeError(f"page {offset} failed")

    transport = FakeTransport(handle)
    with Prefetcher(transport, max_concurrency=2) as prefetcher:
        source = prefetcher.source()
        source.predict([(PATH, [("limit", 1), ("offset", 3)])])
        with pytest.raises(RuntimeError, match="page 3 failed"):
            source.get(PATH, [("limit", 1), ("offset", 3)])


def test_earlier_group_predictions_go_first() -> None:
    transport = FakeTransport(lambda offset, limit: body([], 0, limit))
    with Prefetcher(transport, max_concurrency=2) as prefetcher:
        first, second = prefetcher.source(), prefetcher.source()
        second.predict([(PATH, [("limit", 1), ("offset", 200)])])
        first.get(PATH, [("limit", 1), ("offset", 100)])
        first.predict([(PATH, [("limit", 1), ("offset", 101)])])
        second.get(PATH, [("limit", 1), ("offset", 200)])
        first.get(PATH, [("limit", 1), ("offset", 101)])
    # The second listing's first page went ahead while the first listing's
    # pages were unknown; once known, they came before anything later.
    assert transport.calls.index(200) < transport.calls.index(101)
    assert transport.calls.count(200) == 1


def test_close_waits_for_requests_in_flight() -> None:
    transport = FakeTransport(page_numbers(rows(100)), delay=lambda offset: 0.1)
    prefetcher = Prefetcher(transport, max_concurrency=4)
    source = prefetcher.source()
    source.predict([(PATH, [("limit", 10), ("offset", page)]) for page in range(1, 11)])
    prefetcher.close()
    assert transport.in_flight == 0
    assert len(transport.calls) == 4


def test_sequential_prefetcher_gives_direct_source() -> None:
    transport = FakeTransport(page_numbers(rows(10)))
    prefetcher = Prefetcher(transport, max_concurrency=1)
    assert isinstance(prefetcher.source(), DirectSource)


def test_closed_prefetcher_rejects_requests() -> None:
    transport = FakeTransport(page_numbers(rows(10)))
    prefetcher = Prefetcher(transport, max_concurrency=2)
    source = prefetcher.source()
    prefetcher.close()
    with pytest.raises(RuntimeError, match="closed"):
        source.get(PATH, [("limit", 10), ("offset", 1)])


def test_invalid_max_concurrency_raises() -> None:
    transport = FakeTransport(page_numbers(rows(10)))
    with pytest.raises(ValueError, match="max_concurrency"):
        Prefetcher(transport, max_concurrency=0)
