"""The record counter on stderr."""

from __future__ import annotations

import io

from personio_sdk.cli._progress import Progress


class TerminalStream(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_on_terminal() -> None:
    stream = TerminalStream()
    items = list(Progress(stream, "employees", every=2).track(range(5)))
    assert items == [0, 1, 2, 3, 4]
    assert "Fetched 2 employees..." in stream.getvalue()
    assert "Fetched 4 employees..." in stream.getvalue()


def test_progress_erases_its_line_at_end() -> None:
    stream = TerminalStream()
    list(Progress(stream, "employees", every=2).track(range(2)))
    assert stream.getvalue().endswith("\r" + " " * len("Fetched 2 employees...") + "\r")


def test_progress_silent_when_not_terminal() -> None:
    stream = io.StringIO()
    list(Progress(stream, "employees", every=1).track(range(3)))
    assert stream.getvalue() == ""


def test_progress_silent_for_short_listing() -> None:
    stream = TerminalStream()
    list(Progress(stream, "absences", every=50).track(range(3)))
    assert stream.getvalue() == ""


def test_progress_closed_stream_is_not_terminal() -> None:
    stream = io.StringIO()
    stream.close()
    assert not Progress(stream, "employees").enabled
