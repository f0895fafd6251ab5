"""Approval statuses of absences."""

from __future__ import annotations

import enum

__all__ = ["AbsenceStatus", "parse_status"]


class AbsenceStatus(str, enum.Enum):
    """The approval status of an absence.

    Personio documents `approved`, `pending` and `requested`, and `rejected` is seen in
    practice. Any other status is kept as its string (see `parse_status`).
    """

    APPROVED = "approved"
    PENDING = "pending"
    REQUESTED = "requested"
    REJECTED = "rejected"


# The v1 spellings, looked up before the case-insensitive path.
_BY_VALUE = {status.value: status for status in AbsenceStatus}


def parse_status(value: str) -> AbsenceStatus | str:
    """Return the AbsenceStatus for `value`, compared case-insensitively, else `value`.

    v2 writes statuses in upper case (`APPROVED`), v1 in lower case.
    """
    known = _BY_VALUE.get(value)
    if known is not None:
        return known
    try:
        return AbsenceStatus(value.strip().lower())
    except ValueError:
        return value
