"""A record counter on stderr for long listings, shown only on a terminal."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

#: Records between two updates of the counter. Personio pages hold 50 to 200 records,
#: so this updates about once per page without flooding a slow terminal.
DEFAULT_EVERY = 50


class Progress:
    """Counts records as a listing yields them and shows the count on a terminal.

    The counter line is rewritten in place with a carriage return and erased when the
    listing ends, so nothing of it stays in the scrollback. On a pipe or a file it
    writes nothing, which keeps redirected stderr clean for scripts.
    """

    def __init__(
        self, stream: TextIO, noun: str, *, every: int = DEFAULT_EVERY
    ) -> None:
        self._stream = stream
        self._noun = noun
        self._every = every
        self._enabled = _is_terminal(stream)
        self._width = 0

    @property
    def enabled(self) -> bool:
        """Whether the stream is a terminal, so the counter is shown."""
        return self._enabled

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """Yield each item of `items`, updating the counter every `every` records."""
        count = 0
        try:
            for item in items:
                count += 1
                if self._enabled and count % self._every == 0:
                    self._show(f"Fetched {count} {self._noun}...")
                yield item
        finally:
            self._clear()

    def _show(self, text: str) -> None:
        self._width = max(self._width, len(text))
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()

    def _clear(self) -> None:
        if self._enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        # A closed or detached stream has no terminal behind it.
        return False
