"""Indexes and queries over the demo company, built once so that pages are cheap.

Each absence query is served from an index (by employee or by start date), its
matching rows are cached under the normalized filter, and every page of a listing then
slices that cached array. Serialized employees are cached per credential profile.
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from array import array
from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from personio_sdk.sandbox import _catalog as cat
from personio_sdk.sandbox._generate import FIRST_TIME_OFF_ID
from personio_sdk.sandbox._model import Company, EmployeeRecord, working_days
from personio_sdk.sandbox._serialize import (
    employee_fragments,
    join_employee,
    number,
    short_employee_json,
    vacation_type_id,
)

_QUERY_CACHE_SIZE = 64


@dataclass(frozen=True)
class AbsenceQuery:
    """A normalized absence filter: ordinals for dates, Unix seconds for updates."""

    employees: tuple[int, ...] | None = None
    start: int | None = None
    end: int | None = None
    updated_from: int | None = None
    updated_to: int | None = None
    type_indexes: frozenset[int] | None = None
    period_ids: frozenset[str] | None = None


class _DateIndex:
    """Rows of one absence table, by employee and by first day."""

    def __init__(
        self, employees: Sequence[int], starts: Sequence[int], ends: Sequence[int]
    ):
        self.employees = employees
        self.starts = starts
        self.ends = ends
        by_employee: dict[int, array[int]] = {}
        for row, employee in enumerate(employees):
            rows = by_employee.get(employee)
            if rows is None:
                rows = by_employee[employee] = array("i")
            rows.append(row)
        self.by_employee = by_employee
        self.order = array("i", sorted(range(len(starts)), key=starts.__getitem__))
        self.sorted_starts = array("i", (starts[row] for row in self.order))
        self.longest = max(
            (e - s for s, e in zip(starts, ends, strict=True)), default=0
        )

    def candidates(self, query: AbsenceQuery) -> Sequence[int]:
        """Return rows that may match, in row order; the caller filters exactly."""
        if query.employees is not None:
            merged: list[int] = []
            for employee in set(query.employees):
                merged.extend(self.by_employee.get(employee, ()))
            merged.sort()
            return merged
        if query.start is None and query.end is None:
            return range(len(self.starts))
        low = 0
        high = len(self.order)
        if query.end is not None:
            high = bisect.bisect_right(self.sorted_starts, query.end)
        if query.start is not None:
            low = bisect.bisect_left(self.sorted_starts, query.start - self.longest)
        return sorted(self.order[low:high])


class Store:
    """Read-only queries over a `Company`, safe to call from many threads."""

    def __init__(self, company: Company) -> None:
        self.company = company
        self.employees = company.employees
        self.by_email = {employee.email: employee for employee in company.employees}
        time_offs = company.time_offs
        self.time_off_index = _DateIndex(
            time_offs.employee, time_offs.start, time_offs.end
        )
        periods = company.periods
        last_days = array("i", (periods.last_day(row) for row in range(len(periods))))
        self.period_index = _DateIndex(periods.employee, periods.first_day, last_days)
        self.period_rows = {id_: row for row, id_ in enumerate(periods.ids)}
        self._fragments: dict[int, dict[str, bytes]] = {}
        self._joined: dict[tuple[str, int], bytes] = {}
        self._short: dict[int, str] = {}
        self._queries: OrderedDict[tuple[str, AbsenceQuery], array[int]] = OrderedDict()
        self._lock = threading.Lock()

    # Employees

    def employee(self, employee_id: int) -> EmployeeRecord | None:
        """Return the employee with this id, or None."""
        if 1 <= employee_id <= len(self.employees):
            return self.employees[employee_id - 1]
        return None

    def employee_json(
        self, employee: EmployeeRecord, profile: str, keys: Collection[str]
    ) -> bytes:
        """Serialize `employee` with the attributes in `keys` (a profile's whitelist).

        The result is cached per profile, because every listing requests it again.
        """
        cache_key = (profile, employee.id)
        joined = self._joined.get(cache_key)
        if joined is None:
            joined = self.project(employee, keys)
            self._joined[cache_key] = joined
        return joined

    def project(self, employee: EmployeeRecord, keys: Collection[str]) -> bytes:
        """Serialize `employee` with only the attributes in `keys`."""
        fragments = self._fragments.get(employee.id)
        if fragments is None:
            fragments = employee_fragments(employee, self.company)
            self._fragments[employee.id] = fragments
        return join_employee(
            fragment for key, fragment in fragments.items() if key in keys
        )

    def short_employee(self, employee_id: int) -> str:
        """Return the employee object embedded in absences, as cached JSON text."""
        text = self._short.get(employee_id)
        if text is None:
            text = short_employee_json(self.employees[employee_id - 1])
            self._short[employee_id] = text
        return text

    # Absences

    def time_off_row(self, time_off_id: int) -> int | None:
        """Return the row of a day-based absence id, or None."""
        row = time_off_id - FIRST_TIME_OFF_ID
        return row if 0 <= row < len(self.company.time_offs) else None

    def time_offs(self, query: AbsenceQuery) -> array[int]:
        """Return the rows of day-based absences matching `query`, in id order."""
        table = self.company.time_offs
        return self._cached(
            "time_offs", query, self.time_off_index, table.updated, None
        )

    def periods(self, query: AbsenceQuery) -> array[int]:
        """Return the rows of hour-based absences matching `query`, in row order."""
        table = self.company.periods
        return self._cached(
            "periods", query, self.period_index, table.updated, table.ids
        )

    def _cached(
        self,
        name: str,
        query: AbsenceQuery,
        index: _DateIndex,
        updated: Sequence[int],
        ids: Sequence[str] | None,
    ) -> array[int]:
        key = (name, query)
        with self._lock:
            rows = self._queries.get(key)
            if rows is not None:
                self._queries.move_to_end(key)
                return rows
        rows = array("i", self._filter(query, index, updated, ids))
        with self._lock:
            self._queries[key] = rows
            if len(self._queries) > _QUERY_CACHE_SIZE:
                self._queries.popitem(last=False)
        return rows

    def _filter(
        self,
        query: AbsenceQuery,
        index: _DateIndex,
        updated: Sequence[int],
        ids: Sequence[str] | None,
    ) -> list[int]:
        starts, ends = index.starts, index.ends
        start, end = query.start, query.end
        low, high = query.updated_from, query.updated_to
        types = query.type_indexes
        type_column = self._type_column(index)
        wanted_ids = query.period_ids
        matched = []
        for row in index.candidates(query):
            if start is not None and ends[row] < start:
                continue
            if end is not None and starts[row] > end:
                continue
            if low is not None and updated[row] < low:
                continue
            if high is not None and updated[row] > high:
                continue
            if types is not None and type_column[row] not in types:
                continue
            if (
                wanted_ids is not None
                and ids is not None
                and ids[row] not in wanted_ids
            ):
                continue
            matched.append(row)
        return matched

    def _type_column(self, index: _DateIndex) -> Sequence[int]:
        if index is self.time_off_index:
            return self.company.time_offs.type_index
        return self.company.periods.type_index

    # Balances

    def balances(self, employee: EmployeeRecord) -> list[dict[str, Any]]:
        """Compute the balance entries of `employee` for the sandbox's year.

        `balance` deducts approved days up to the sandbox's today; `available_balance`
        deducts every approved day of the year. Days outside the year do not count.
        """
        today = self.company.today
        year_end = dt.date(today.year, 12, 31).toordinal()
        vacation = cat.TYPES_BY_ID[vacation_type_id(employee)]
        taken = self._approved_days(employee, vacation.id, today.toordinal())
        planned = self._approved_days(employee, vacation.id, year_end)
        entitlement = employee.vacation_entitlement
        entries = [
            {
                "id": vacation.id,
                "name": vacation.name,
                "category": vacation.category,
                "balance": number(entitlement - taken),
                "available_balance": number(entitlement - planned),
            }
        ]
        sick_id = cat.SICK_EN if vacation.id == cat.PAID_VACATION_EN else cat.SICK_DE
        sick = cat.TYPES_BY_ID[sick_id]
        entries.append(
            {
                "id": sick.id,
                "name": sick.name,
                "category": sick.category,
                "balance": 0,
                "available_balance": 0,
            }
        )
        return entries

    def _approved_days(
        self, employee: EmployeeRecord, type_id: int, until: int
    ) -> float:
        table = self.company.time_offs
        type_index = cat.TYPE_INDEX[type_id]
        year_start = dt.date(self.company.today.year, 1, 1).toordinal()
        days = working_days(employee.counting_schedule, employee.calendar)
        total = 0.0
        for row in self.time_off_index.by_employee.get(employee.id, ()):
            if table.type_index[row] != type_index or table.status[row] != 0:
                continue
            first = max(table.start[row], year_start)
            last = min(table.end[row], until)
            if last < first:
                continue
            half_start = bool(table.half_start[row]) and first == table.start[row]
            half_end = bool(table.half_end[row]) and last == table.end[row]
            total += days.days_count(first, last, half_start, half_end)
        return total
