"""`client.employees`: list, get and find employees by email."""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from personio_sdk import _constants as constants
from personio_sdk._concurrent import Prefetcher
from personio_sdk._errors import EmployeeNotFoundError, NotFoundError
from personio_sdk._pagination import PageStyle, iter_items
from personio_sdk.models._parse import unwrap
from personio_sdk.models.employees import Employee
from personio_sdk.resources._common import (
    check_positive_id,
    check_updated_since,
    data_list,
    data_object,
    employee_item_id,
)

if TYPE_CHECKING:
    from personio_sdk._transport import Transport

__all__ = ["SUGGESTION_SCAN_LIMIT", "EmployeesResource"]

EMPLOYEES_PATH = "/v1/company/employees"

# After a failed lookup, at most this many employees are read to find an address that
# differs only in letter case. That is 5 pages of 100, so a miss in a large company
# costs a bounded number of requests (the endpoint allows 300 a minute).
SUGGESTION_SCAN_LIMIT = 500

# One "@", something on both sides and no whitespace: a check for typos such as a
# missing "@", not a full RFC 5322 parser.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")

_NOT_FOUND_MESSAGE = (
    "No employee with this email address was found in Personio. The email must match "
    "the address in the employee's Personio profile exactly."
)
_SUGGESTION_HINT = (
    " An address that differs only in letter case exists: see the `suggestion` "
    "attribute of this error."
)


class EmployeesResource:
    """Employees of the v1 API (`/v1/company/employees`).

    `max_concurrency` is how many pages `list` requests at once once the first page
    has given the total; 1 requests one page at a time.
    """

    def __init__(self, transport: Transport, *, max_concurrency: int = 1) -> None:
        self._transport = transport
        self._max_concurrency = max_concurrency

    def list(
        self, *, updated_since: date | datetime | None = None
    ) -> Iterator[Employee]:
        """Iterate over every employee, fetching pages lazily (100 per request).

        Employees come in Personio's order, page by page. Once the first page has
        given the total, up to `max_concurrency` of the following pages are
        requested at once, and at most twice that many are held in memory. Leaving
        the loop early cancels the pages not yet requested and waits for those in
        flight.

        `updated_since` (a date or a timezone-aware datetime) keeps the employees
        changed since then; Personio then sends every match in one response. Raises
        ValueError for a naive datetime, and the errors of the request loop while
        iterating.
        """
        since = check_updated_since(updated_since, "updated_since")
        params: list[tuple[str, str | int]] = []
        if since is not None:
            params.append(("updated_since", _format_updated_since(since)))
        return self._iterate(params)

    def get(self, employee_id: int) -> Employee:
        """Fetch one employee by id.

        Raises ValueError for a non-positive id and EmployeeNotFoundError (a
        NotFoundError) when Personio has no such employee.
        """
        check_positive_id(employee_id, "employee_id")
        path = f"{EMPLOYEES_PATH}/{employee_id}"
        try:
            body = self._transport.get(path)
        except NotFoundError as exc:
            raise EmployeeNotFoundError(
                f"Employee {employee_id} was not found in Personio.",
                method=exc.method,
                path=exc.path,
                personio_message=exc.personio_message,
                request_id=exc.request_id,
            ) from exc
        return Employee.from_api(data_object(body, path), path=path, location="data")

    def find_by_email(self, email: str) -> Employee:
        """Find the employee whose profile has this email address.

        Uses Personio's `email` filter and accepts only a returned employee whose
        address is exactly `email` (surrounding spaces removed). Otherwise raises
        EmployeeNotFoundError. Its `suggestion` is an address that differs only in
        letter case, taken from Personio's response or from a scan of at most
        `SUGGESTION_SCAN_LIMIT` employees, or None. The email is never part of the
        message. Raises ValueError for an empty or malformed email.
        """
        address = _check_email(email)
        params: list[tuple[str, str | int]] = [
            ("email", address),
            ("limit", constants.EMPLOYEES_PAGE_SIZE),
            ("offset", 0),
        ]
        body = self._transport.get(EMPLOYEES_PATH, params=params)
        candidates = [
            Employee.from_api(item, path=EMPLOYEES_PATH, location=f"data[{index}]")
            for index, item in enumerate(data_list(body, EMPLOYEES_PATH))
        ]
        for employee in candidates:
            if employee.email == address:
                return employee
        # Personio's handling of letter case in the filter is undocumented, so a
        # returned address may differ in case; it becomes the suggestion.
        suggestion = _case_insensitive_match(candidates, address)
        if suggestion is None:
            suggestion = self._suggest(address)
        message = _NOT_FOUND_MESSAGE + (_SUGGESTION_HINT if suggestion else "")
        raise EmployeeNotFoundError(
            message, suggestion=suggestion, method="GET", path=EMPLOYEES_PATH
        )

    def _iterate(
        self, params: builtins.list[tuple[str, str | int]]
    ) -> Iterator[Employee]:
        with Prefetcher(
            self._transport, max_concurrency=self._max_concurrency
        ) as prefetcher:
            items = iter_items(
                self._transport,
                EMPLOYEES_PATH,
                params=params,
                style=PageStyle.RECORD_OFFSET,
                page_size=constants.EMPLOYEES_PAGE_SIZE,
                item_id=employee_item_id,
                source=prefetcher.source(),
            )
            for index, item in enumerate(items):
                yield Employee.from_api(
                    item, path=EMPLOYEES_PATH, location=f"data[{index}]"
                )

    def _suggest(self, address: str) -> str | None:
        """Scan up to SUGGESTION_SCAN_LIMIT employees for a case-only difference.

        Only the email of each raw item is read, so that an unrelated employee with
        an unexpected attribute cannot turn a not-found into a validation error.
        """
        wanted = address.casefold()
        items = iter_items(
            self._transport,
            EMPLOYEES_PATH,
            style=PageStyle.RECORD_OFFSET,
            page_size=constants.EMPLOYEES_PAGE_SIZE,
            item_id=employee_item_id,
        )
        for count, item in enumerate(items, start=1):
            attributes = item.get("attributes")
            email = (
                unwrap(attributes.get("email"))
                if isinstance(attributes, Mapping)
                else None
            )
            if isinstance(email, str) and email.strip().casefold() == wanted:
                return email.strip()
            if count >= SUGGESTION_SCAN_LIMIT:
                break
        return None


def _check_email(email: object) -> str:
    if not isinstance(email, str):
        raise TypeError(f"email must be a str, got {type(email).__name__}")
    address = email.strip()
    if not address:
        raise ValueError("email must not be empty")
    if not _EMAIL.fullmatch(address):
        # The value is left out of the message, because emails are personal data.
        raise ValueError(
            "email is not a valid email address: expected one '@' with text on both "
            "sides and no spaces"
        )
    return address


def _case_insensitive_match(employees: list[Employee], address: str) -> str | None:
    """Return the first address that equals `address` when letter case is ignored."""
    wanted = address.casefold()
    for employee in employees:
        if employee.email is not None and employee.email.casefold() == wanted:
            return employee.email
    return None


def _format_updated_since(value: date | datetime) -> str:
    # Personio documents `2022-12-24T08:15:30` or `YYYY-MM-DD`, without an offset.
    # NOTE: the time zone Personio reads the time in is undocumented; UTC is sent.
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return value.isoformat()
