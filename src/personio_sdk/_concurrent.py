"""Fetch the pages of one listing ahead on a small thread pool, in a stable order.

The paging logic in `_pagination` stays sequential. It requests one page at a
time and applies every stop rule to each page in order, so a listing yields the
same records in the same order at any concurrency. A `Prefetcher` only changes when
requests are sent. A listing predicts its next requests as soon as they are
certain: the pages after a first page that announced the total, or the first
page of each employee chunk. The prefetcher sends them ahead, the earliest in the
listing's order first. A page the listing asks for is taken from its future. A
predicted page that is never asked for, because a stop rule ended the listing, is
cancelled, or finished and dropped if it is already in flight.

Each listing gets its own `ThreadPoolExecutor` of `max_concurrency` threads,
started with the first request sent ahead and shut down (waiting for requests in
flight, cancelling the rest) when the listing ends, is closed or raises. Listings
of one client share its `httpx.Client` and rate limiter, so the rate limiter
rather than the number of threads bounds the request rate. Scheduling runs on the
thread that iterates the listing, whenever it asks for a page; the pool threads
only send requests. At most `max_concurrency` requests are in flight and at most
`window` pages are requested or held in memory at a time.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from personio_sdk import _constants as constants
from personio_sdk._errors import ConfigurationError

if TYPE_CHECKING:
    from personio_sdk._transport import Transport

__all__ = ["DirectSource", "PageSource", "Prefetcher", "check_max_concurrency"]

Params = Sequence[tuple[str, str | int]]
_Request = tuple[str, tuple[tuple[str, str | int], ...]]
# (group, request): the group is part of the key, so two listings that happen to
# send the same request each get their own response.
_Key = tuple[int, _Request]


def check_max_concurrency(value: int | None) -> int:
    """Return the `max_concurrency` option, DEFAULT_MAX_CONCURRENCY for None.

    Raises ConfigurationError for anything but an integer of 1 or more.
    """
    if value is None:
        return constants.DEFAULT_MAX_CONCURRENCY
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(
            f"max_concurrency must be an integer of 1 or more, got {value!r}; "
            "1 reads one page at a time."
        )
    return value


class PageSource(Protocol):
    """The sender of a listing's requests."""

    def get(self, path: str, params: Params) -> Any:
        """Return the decoded JSON of `GET path?params`, raising the request's error."""

    def predict(self, requests: Iterable[tuple[str, Params]]) -> None:
        """Announce requests the listing expects to send next, in their order."""

    def forget(self) -> None:
        """Drop every prediction of this source that has not been used."""


class DirectSource:
    """A `PageSource` that sends each request when the listing requests it."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    def get(self, path: str, params: Params) -> Any:
        """Send the request now and return its decoded JSON."""
        return self._transport.get(path, params=list(params))

    def predict(self, requests: Iterable[tuple[str, Params]]) -> None:
        """Ignore predictions: nothing is sent ahead."""

    def forget(self) -> None:
        """Nothing to drop."""


class _GroupSource:
    """The `PageSource` of one listing within a prefetcher.

    Sources are read in the order they were created, so an earlier source's
    requests are sent ahead first.
    """

    def __init__(self, prefetcher: Prefetcher, group: int) -> None:
        self._prefetcher = prefetcher
        self._group = group
        self._order = itertools.count()

    def get(self, path: str, params: Params) -> Any:
        return self._prefetcher.get(self._group, (path, tuple(params)))

    def predict(self, requests: Iterable[tuple[str, Params]]) -> None:
        self._prefetcher.predict(
            self._group,
            [((path, tuple(params)), next(self._order)) for path, params in requests],
        )

    def forget(self) -> None:
        self._prefetcher.forget(self._group)


class Prefetcher:
    """Send the predicted requests of one or more listings ahead, in their order.

    Use it as a context manager around the iteration, so that leaving the block
    stops outstanding work. Not thread-safe: one thread iterates the listing.
    `max_concurrency` 1 sends every request when it is asked for, on the calling
    thread, and starts no pool.
    """

    def __init__(
        self,
        transport: Transport,
        *,
        max_concurrency: int,
        window: int | None = None,
    ) -> None:
        if max_concurrency < 1:
            raise ValueError(
                f"max_concurrency must be at least 1, got {max_concurrency}"
            )
        self._transport = transport
        self._workers = max_concurrency
        self._window = window or max_concurrency * constants.PREFETCH_WINDOW_FACTOR
        self._groups = itertools.count()
        self._pool: ThreadPoolExecutor | None = None
        self._closed = False
        # Predicted requests not yet sent, by (group, order in group, sequence).
        self._queue: list[tuple[int, int, int, _Key]] = []
        self._predicted: set[_Key] = set()
        self._sequence = itertools.count()
        # Futures sent and not yet taken by the listing, and every future whose
        # request may still be in flight (dropped ones included).
        self._sent: dict[_Key, Future[Any]] = {}
        self._in_flight: set[Future[Any]] = set()

    def source(self) -> PageSource:
        """Return the page source of the next listing, read after earlier ones."""
        if self._workers == 1:
            return DirectSource(self._transport)
        return _GroupSource(self, next(self._groups))

    def get(self, group: int, request: _Request) -> Any:
        """Return the response to `request`, sent ahead or sent now."""
        if self._closed:
            raise RuntimeError("the prefetcher is closed")
        key = (group, request)
        self._predicted.discard(key)
        future = self._sent.pop(key, None)
        if future is None:
            while len(self._prune()) >= self._workers:
                wait(self._in_flight, return_when=FIRST_COMPLETED)
            future = self._submit(request)
        self._fill()
        while not future.done():
            wait(self._in_flight | {future}, return_when=FIRST_COMPLETED)
            self._fill()
        return future.result()

    def predict(self, group: int, requests: Sequence[tuple[_Request, int]]) -> None:
        """Queue requests of `group`, each with its order within the group."""
        if self._closed:
            return
        for request, order in requests:
            key = (group, request)
            if key in self._predicted or key in self._sent:
                continue
            self._predicted.add(key)
            heapq.heappush(self._queue, (group, order, next(self._sequence), key))
        self._fill()

    def forget(self, group: int) -> None:
        """Drop the unused predictions of `group`; its requests in flight finish."""
        self._predicted = {key for key in self._predicted if key[0] != group}
        for key in [key for key in self._sent if key[0] == group]:
            self._sent.pop(key).cancel()

    def close(self) -> None:
        """Cancel every request not yet started and wait for those in flight.

        Their results are dropped. Calling `close()` again does nothing.
        """
        if self._closed:
            return
        self._closed = True
        self._predicted.clear()
        self._queue.clear()
        for future in self._sent.values():
            future.cancel()
        self._sent.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._in_flight.clear()

    def _prune(self) -> set[Future[Any]]:
        self._in_flight = {future for future in self._in_flight if not future.done()}
        return self._in_flight

    def _fill(self) -> None:
        """Send queued predictions while a worker and the window have room."""
        while self._queue and len(self._prune()) < self._workers:
            if len(self._sent) >= self._window:
                return
            _, _, _, key = heapq.heappop(self._queue)
            if key not in self._predicted:
                continue  # forgotten, or already requested by the listing
            self._predicted.discard(key)
            self._sent[key] = self._submit(key[1])

    def _submit(self, request: _Request) -> Future[Any]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(
                max_workers=self._workers, thread_name_prefix="personio-listing"
            )
        path, params = request
        future = self._pool.submit(self._transport.get, path, params=list(params))
        self._in_flight.add(future)
        return future

    def __enter__(self) -> Prefetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
