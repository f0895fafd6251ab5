"""Checked arguments of `client.absences.list` and their mapping to query parameters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from personio_sdk import _constants as constants
from personio_sdk._pagination import chunked
from personio_sdk.models._parse import zone_named
from personio_sdk.models.absences import Absence
from personio_sdk.models.status import AbsenceStatus, parse_status
from personio_sdk.resources._common import (
    check_date,
    check_positive_id,
    check_updated_since,
)

__all__ = ["AbsenceQuery"]

Params = list[tuple[str, str | int]]

_STATUS_NAMES = ", ".join(status.value for status in AbsenceStatus)


@dataclass(frozen=True)
class AbsenceQuery:
    """The filters of one absence listing, checked before any request is sent."""

    start: date | None
    end: date | None
    employee_ids: tuple[int, ...] | None
    statuses: frozenset[AbsenceStatus]
    updated_since: date | datetime | None

    @classmethod
    def build(
        cls,
        *,
        start: object,
        end: object,
        employee_ids: object,
        statuses: object,
        updated_since: object,
    ) -> AbsenceQuery:
        """Check every argument; raises ValueError or TypeError naming the argument."""
        start_date = check_date(start, "start")
        end_date = check_date(end, "end")
        if start_date is not None and end_date is not None and end_date < start_date:
            raise ValueError(
                f"end ({end_date}) is before start ({start_date}): pass an end on or "
                "after the start"
            )
        return cls(
            start=start_date,
            end=end_date,
            employee_ids=_check_employee_ids(employee_ids),
            statuses=_check_statuses(statuses),
            updated_since=check_updated_since(updated_since, "updated_since"),
        )

    def employee_chunks(self) -> Iterator[tuple[int, ...] | None]:
        """Yield the employee filters of the requests: None means every employee.

        Ids are sent in chunks of EMPLOYEE_ID_CHUNK_SIZE, so that 120 ids take three
        requests per endpoint and no URL grows without bound.
        """
        if self.employee_ids is None:
            yield None
            return
        for chunk in chunked(self.employee_ids, constants.EMPLOYEE_ID_CHUNK_SIZE):
            yield tuple(chunk)

    def time_off_params(self, employee_ids: tuple[int, ...] | None) -> Params:
        """Query parameters of /v1/company/time-offs, whose `updated_from` is a date."""
        params = self._common_params(employee_ids)
        since = self.updated_since
        if isinstance(since, datetime):
            # The endpoint reads the date in the company's time zone, which is unknown
            # here, so one day earlier is sent and `accepts` applies the exact instant.
            params.append(
                ("updated_from", (since.date() - timedelta(days=1)).isoformat())
            )
        elif since is not None:
            params.append(("updated_from", since.isoformat()))
        return params

    def absence_period_params(self, employee_ids: tuple[int, ...] | None) -> Params:
        """Query parameters of /v1/company/absence-periods."""
        params = self._common_params(employee_ids)
        since = self.updated_since
        if isinstance(since, datetime):
            params.append(("updated_from", since.astimezone(timezone.utc).isoformat()))
        elif since is not None:
            # A date means a local date, so the day before in UTC is a safe lower
            # bound and `accepts` compares local dates.
            earlier = datetime.combine(since - timedelta(days=1), time(0), timezone.utc)
            params.append(("updated_from", earlier.isoformat()))
        return params

    def accepts(self, absence: Absence) -> bool:
        """Tell whether an absence passes the filters Personio does not apply itself.

        Personio has no status filter, its hour-based endpoint bounds `end_date` by the
        start of a period, and `updated_from` is coarser than `updated_since`, so the
        status, the overlap with `start`..`end` and the update time are checked here.
        """
        if absence.status not in self.statuses:
            return False
        if not absence.overlaps(self.start, self.end):
            return False
        return self.updated_since is None or _updated_since(absence, self.updated_since)

    def _common_params(self, employee_ids: tuple[int, ...] | None) -> Params:
        params: Params = []
        if self.start is not None:
            params.append(("start_date", self.start.isoformat()))
        if self.end is not None:
            params.append(("end_date", self.end.isoformat()))
        # Personio reads a repeated key; a comma-separated list is not understood.
        params.extend(
            ("employees[]", employee_id) for employee_id in employee_ids or ()
        )
        return params


def _check_employee_ids(value: object) -> tuple[int, ...] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(
            "employee_ids must be a list of ints, got " + type(value).__name__
        )
    ids = list(value)
    if not ids:
        raise ValueError(
            "employee_ids must not be empty: pass None to list the absences of every "
            "employee"
        )
    checked = [check_positive_id(v, f"employee_ids[{i}]") for i, v in enumerate(ids)]
    return tuple(dict.fromkeys(checked))


def _check_statuses(value: object) -> frozenset[AbsenceStatus]:
    if value is None:
        return frozenset({AbsenceStatus.APPROVED})
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, Iterable):
        raise TypeError(
            "statuses must be a list of AbsenceStatus or status names, got "
            + type(value).__name__
        )
    checked: set[AbsenceStatus] = set()
    for item in values:
        status = parse_status(item) if isinstance(item, str) else None
        if not isinstance(status, AbsenceStatus):
            raise ValueError(
                f"statuses contains the unknown status {item!r}: use AbsenceStatus or "
                f"one of {_STATUS_NAMES}"
            )
        checked.add(status)
    if not checked:
        raise ValueError(
            "statuses must not be empty: pass None for approved absences only, or "
            "list(AbsenceStatus) for every known status"
        )
    return frozenset(checked)


def _updated_since(absence: Absence, since: date | datetime) -> bool:
    updated_at = absence.updated_at
    if updated_at is None:
        # Personio already filtered by its coarser bound; nothing finer is known.
        return True
    if updated_at.tzinfo is None:
        updated_at = updated_at.replace(tzinfo=timezone.utc)
    if isinstance(since, datetime):
        return updated_at >= since
    zone = zone_named(absence.timezone)
    local = updated_at.astimezone(zone) if zone is not None else updated_at
    return local.date() >= since
