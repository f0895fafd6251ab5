"""The fast date-time parser gives what dateutil gives, on every shape it accepts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from dateutil.parser import isoparse
from hypothesis import given, settings
from hypothesis import strategies as st

from personio_sdk.models import _parse
from personio_sdk.models._parse import FieldError, parse_datetime

TWO_DIGITS = st.integers(min_value=0, max_value=99).map(lambda n: f"{n:02d}")
OFFSETS = st.one_of(
    st.just(""),
    st.just("Z"),
    st.tuples(
        st.sampled_from("+-"), TWO_DIGITS, st.sampled_from(["", ":"]), TWO_DIGITS
    ).map("".join),
)
FRACTIONS = st.one_of(
    st.just(""), st.text("0123456789", min_size=1, max_size=7).map(".".__add__)
)


@st.composite
def datetime_texts(draw: st.DrawFn) -> str:
    """Draw date-times of Personio's shape, with fields in and out of range."""
    year = draw(st.integers(min_value=1, max_value=9999))
    month, day, hour, minute, second = (
        draw(st.integers(min_value=0, max_value=limit))
        for limit in (13, 32, 25, 61, 61)
    )
    fraction, offset = draw(FRACTIONS), draw(OFFSETS)
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{fraction}{offset}"
    )


def dateutil_result(text: str) -> datetime | None:
    """Parse as parse_datetime did before the fast path: dateutil, then a fixed zone."""
    try:
        parsed = isoparse(text)
    except (ValueError, OverflowError):
        return None
    offset = parsed.utcoffset()
    if offset is None:
        return parsed
    return parsed.replace(tzinfo=timezone.utc if not offset else timezone(offset))


def fromisoformat_reads(text: str) -> bool:
    """Tell whether this Python's `datetime.fromisoformat` parses `text`."""
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def fast_result(text: str) -> datetime | None:
    try:
        return parse_datetime(text, "at")
    except FieldError:
        return None


@pytest.mark.parametrize("reads_offsets", [True, False], ids=["fromisoformat", "re"])
@settings(max_examples=1000)
@given(text=datetime_texts())
def test_fast_datetime_equals_dateutil(reads_offsets: bool, text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_parse, "_FROMISOFORMAT_READS_OFFSETS", reads_offsets)
        expected, actual = dateutil_result(text), fast_result(text)
    if expected is None and reads_offsets and fromisoformat_reads(text):
        # From Python 3.11 on, the fast path also reads spellings dateutil refuses.
        assert actual == datetime.fromisoformat(text)
        return
    assert actual == expected
    if expected is not None and actual is not None:
        assert actual.tzinfo == expected.tzinfo
        assert type(actual.tzinfo) is type(expected.tzinfo)


@pytest.mark.parametrize("reads_offsets", [True, False], ids=["fromisoformat", "re"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2025-12-08T10:00:00+0100",
            datetime(2025, 12, 8, 10, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "2026-04-07T09:00:00.000Z",
            datetime(2026, 4, 7, 9, tzinfo=timezone.utc),
        ),
        (
            "2026-04-07T09:00:00.5-00:00",
            datetime(2026, 4, 7, 9, 0, 0, 500000, tzinfo=timezone.utc),
        ),
        (
            "2026-03-29T01:30:00-05:30",
            datetime(2026, 3, 29, 1, 30, tzinfo=timezone(-timedelta(hours=5.5))),
        ),
        ("2026-04-07T09:00:00", datetime(2026, 4, 7, 9)),
    ],
)
def test_fast_datetime_common_shapes(
    reads_offsets: bool,
    text: str,
    expected: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if reads_offsets and not fromisoformat_reads(text):
        # Before Python 3.11 it reads only the shapes isoformat() writes.
        pytest.skip("datetime.fromisoformat of this Python cannot parse this shape")
    monkeypatch.setattr(_parse, "_FROMISOFORMAT_READS_OFFSETS", reads_offsets)
    parsed = _parse.try_common_datetime(text)
    assert parsed == expected
    assert parsed is not None
    assert parsed.tzinfo == expected.tzinfo


def test_hour_24_goes_to_dateutil() -> None:
    assert parse_datetime("2026-04-07T24:00:00Z", "at") == datetime(
        2026, 4, 8, tzinfo=timezone.utc
    )


SPELLINGS = [
    f"{day}{separator}{clock}{offset}"
    for day in ("2025-12-08", "20251208", "2025-W50-1", "2025-342")
    for separator in ("T", " ")
    for clock in ("10", "10:00", "1000", "10:00:00", "10:00:00.5", "10:00:00,5")
    for offset in ("", "Z", "+01", "+0100", "+01:00", "-05:30", "+00:00", "+01:00:30")
]


@pytest.mark.skipif(
    not _parse._FROMISOFORMAT_READS_OFFSETS,
    reason="before Python 3.11 the fast path reads one shape only",
)
def test_fromisoformat_agrees_with_dateutil() -> None:
    both = 0
    for text in SPELLINGS:
        expected = dateutil_result(text)
        actual = _parse.try_common_datetime(text)
        if expected is None or actual is None:
            continue
        both += 1
        assert (actual, actual.tzinfo) == (expected, expected.tzinfo), text
    # Most of the spellings are read by both, so the comparison is not empty.
    assert both > len(SPELLINGS) // 2
