"""Fetch the pages of one listing ahead on a small thread pool, in a stable order.

The paging logic in `_pagination` stays sequential. It requests one page at a
time and applies every stop rule to each page in order, so a listing yields the
same records in the same order at any concurrency. A `Prefetcher` only changes
when requests are sent. A listing predicts its next requests once a response has
given the counts (the pages after the first page), and a resource predicts the
first page of each employee chunk up front. The prefetcher sends predictions
ahead, the earliest in the listing's order first. A page the listing requests is
taken from its future. A predicted page that is never requested, because a stop
rule ended the listing, is cancelled, or finished and dropped if it is already in
flight.

Each listing gets its own `ThreadPoolExecutor` of `max_concurrency` threads,
started with the first request sent ahead and shut down (waiting for requests in
flight, cancelling the rest) when the listing ends, is closed or raises. Listings
of one client share its `httpx.Client` and rate limiter, so the rate limiter
rather than the number of threads bounds the request rate. At most
`max_concurrency` requests are in flight, and at most `window` pages (twice
`max_concurrency` by default) are requested or held in memory, plus the one page
the listing waits for.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

from personio_sdk import _constants as constants
from personio_sdk._errors import ConfigurationError, strip_query
from personio_sdk._json import decode_body

if TYPE_CHECKING:
    from personio_sdk._transport import Transport

__all__ = ["DirectSource", "PageSource", "Prefetcher", "check_max_concurrency"]

Params = Sequence[tuple[str, str | int]]
_Request = tuple[str, tuple[tuple[str, str | int], ...]]
# Rank of a request the listing is waiting for: before every group's predictions.
_URGENT = -1
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
    stops outstanding work. One thread iterates the listings. The pool threads
    refill free slots as each request ends, under the prefetcher's lock.
    `max_concurrency` 1 sends every request when the listing requests it, on the
    calling thread, and starts no pool.
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
        # Reentrant, because a future that is already done runs its callback
        # inside `add_done_callback`, and `cancel` runs it too, both while the
        # lock is held. `_filling` makes such a nested refill return at once.
        self._lock = threading.RLock()
        self._filling = False
        self._pool: ThreadPoolExecutor | None = None
        self._closed = False
        # Requests not yet sent, by (rank, order in group, sequence): the rank is
        # the group, or _URGENT for a request the listing is waiting for.
        self._queue: list[tuple[int, int, int, _Key]] = []
        self._queued: set[_Key] = set()
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
        """Return the response to `request`, sent ahead or sent now.

        A request that was not sent ahead goes before every prediction and past
        the window, so it is the next one sent once a worker is free.
        """
        key = (group, request)
        with self._lock:
            if self._closed:
                raise RuntimeError("the prefetcher is closed")
            if key not in self._sent:
                self._enqueue(_URGENT, 0, key)
        while True:
            with self._lock:
                self._fill()
                future = self._sent.get(key)
                in_flight = set(self._in_flight)
            if future is not None:
                break
            # Every worker is busy, and the first to finish sends this request.
            wait(in_flight, return_when=FIRST_COMPLETED)
        try:
            # Decoded here rather than on the pool thread: see Transport.get_content.
            return decode_body(future.result(), path=strip_query(request[0]))
        finally:
            with self._lock:
                self._sent.pop(key, None)
                self._fill()

    def predict(self, group: int, requests: Sequence[tuple[_Request, int]]) -> None:
        """Queue requests of `group`, each with its order within the group."""
        with self._lock:
            if self._closed:
                return
            for request, order in requests:
                key = (group, request)
                if key not in self._sent:
                    self._enqueue(group, order, key)
            self._fill()

    def forget(self, group: int) -> None:
        """Drop the unused predictions of `group`; its requests in flight finish."""
        with self._lock:
            self._queued = {key for key in self._queued if key[0] != group}
            for key in [key for key in self._sent if key[0] == group]:
                self._sent.pop(key).cancel()

    def close(self) -> None:
        """Cancel every request not yet started and wait for those in flight.

        Their results are dropped. Calling `close()` again does nothing.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.clear()
            self._queued.clear()
            for future in self._sent.values():
                future.cancel()
            self._sent.clear()
            pool = self._pool
        # Outside the lock, because finishing requests take it in their callback.
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            self._in_flight.clear()

    def _enqueue(self, rank: int, order: int, key: _Key) -> None:
        if key in self._queued and rank != _URGENT:
            return
        self._queued.add(key)
        heapq.heappush(self._queue, (rank, order, next(self._sequence), key))

    def _fill(self) -> None:
        """Send queued requests while a worker and the window have room.

        Called with the lock held.
        """
        if self._filling:
            return
        self._filling = True
        try:
            self._send_queued()
        finally:
            self._filling = False

    def _send_queued(self) -> None:
        while self._queue and not self._closed:
            self._in_flight = {f for f in self._in_flight if not f.done()}
            if len(self._in_flight) >= self._workers:
                return
            rank, _, _, key = self._queue[0]
            if key not in self._queued:
                heapq.heappop(self._queue)  # forgotten, or sent already
                continue
            if rank != _URGENT and len(self._sent) >= self._window:
                return
            heapq.heappop(self._queue)
            self._queued.discard(key)
            future = self._submit(key[1])
            self._sent[key] = future
            future.add_done_callback(self._refill)

    def _submit(self, request: _Request) -> Future[Any]:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(
                max_workers=self._workers, thread_name_prefix="personio-listing"
            )
        path, params = request
        future = self._pool.submit(
            self._transport.get_content, path, params=list(params)
        )
        self._in_flight.add(future)
        return future

    def _refill(self, _: Future[Any]) -> None:
        with self._lock:
            self._fill()

    def __enter__(self) -> Prefetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
