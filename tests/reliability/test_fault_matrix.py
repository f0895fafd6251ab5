"""The fault matrix as tests: every fault on the first, a middle and the last page.

Each cell reads a whole listing through the public API from a sandbox over real
sockets, with one fault injected. It must return every record of a clean run exactly
once, or raise the error the client documents for that fault.
"""

from __future__ import annotations

import pytest

from personio_sdk import PersonioError, ServerError
from reliability.matrix import (
    LISTINGS,
    POSITIONS,
    ROWS,
    CellResult,
    FaultRow,
    Listing,
    run_cell,
)

# Rows that wait for real timeouts take a few seconds per cell.
_SLOW_ROWS = {row.key for row in ROWS if row.timeout is not None}
ROW_500 = next(row for row in ROWS if row.key == "500")

CELLS = [
    pytest.param(
        listing,
        row,
        position,
        id=f"{listing.key}-{row.key}-{position}",
        marks=[pytest.mark.slow] if row.key in _SLOW_ROWS else [],
    )
    for listing in LISTINGS
    for row in ROWS
    for position in POSITIONS
]


@pytest.mark.parametrize(("listing", "row", "position"), CELLS)
def test_fault_cell_matches_documented_outcome(
    listing: Listing, row: FaultRow, position: str
) -> None:
    result = run_cell(listing, row, position)
    if result.error is not None and not isinstance(result.error, PersonioError):
        raise result.error
    assert result.problems() == [], result.summary()


def test_matrix_covers_every_failing_fault_kind() -> None:
    kinds = {row.kind for row in ROWS}
    assert kinds == {
        "status",
        "html",
        "drop",
        "stall",
        "truncate",
        "revoke_token",
        "expire_token",
    }


def _judge(ids: tuple[str, ...], error: Exception | None = None) -> list[str]:
    result = CellResult(
        listing=LISTINGS[0],
        row=ROW_500,
        position="middle",
        page=2,
        ids=ids,
        expected_ids=("1", "2", "3"),
        error=error,
        fault_hits=1,
        page_attempts=1,
        extra_requests=1,
        token_requests=1,
        longest_wait=0.0,
    )
    return result.problems()


def test_judge_flags_repeated_record() -> None:
    assert _judge(("1", "2", "2", "3")) == [
        "1 record(s) repeated",
        "4 records read, the clean run has 3",
    ]


def test_judge_flags_partial_result_without_error() -> None:
    assert _judge(("1", "2")) == ["2 records read, the clean run has 3"]


def test_judge_flags_record_not_in_clean_run() -> None:
    assert _judge(("1", "2", "3", "4")) == [
        "1 record(s) not in the clean run",
        "4 records read, the clean run has 3",
    ]


def test_judge_flags_error_where_none_is_documented() -> None:
    error = ServerError("boom", status_code=500, method="GET", path="/x")
    assert _judge(("1",), error) == ["raised ServerError: boom"]


def test_judge_flags_fault_that_never_fired() -> None:
    result = run_cell(LISTINGS[0], ROW_500, "first", page=99)
    assert result.problems() == ["the fault never fired"]
