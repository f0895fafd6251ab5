"""Absence statuses are open: unknown values are kept as strings."""

from __future__ import annotations

import pytest

from personio_sdk.models import AbsenceStatus, parse_status


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("approved", AbsenceStatus.APPROVED),
        ("Approved", AbsenceStatus.APPROVED),
        (" pending ", AbsenceStatus.PENDING),
        ("REQUESTED", AbsenceStatus.REQUESTED),
        ("rejected", AbsenceStatus.REJECTED),
    ],
)
def test_known_statuses(raw: str, expected: AbsenceStatus) -> None:
    assert parse_status(raw) is expected


def test_unknown_status_kept_as_string() -> None:
    assert parse_status("DELETION_PENDING") == "DELETION_PENDING"


def test_unknown_status_is_not_enum() -> None:
    assert not isinstance(parse_status("cancelled"), AbsenceStatus)
