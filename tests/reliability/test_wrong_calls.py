"""Wrong calls raise a clear error naming the argument, before any request is sent.

The calls run on a client of a sandbox, whose request counter must not move.
Wrong constructor arguments are in test_wrong_settings.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from personio_sdk import PersonioClient
from personio_sdk.sandbox import Sandbox

START = date(2026, 3, 2)
END = date(2026, 3, 31)
EMAIL = "ada.lovelace@example.com"
NAIVE = datetime(2026, 1, 1, 9, 0)
UTC_MIN = datetime.min.replace(tzinfo=timezone.utc)
MAX_IN_NEW_YORK = datetime.max.replace(tzinfo=timezone(timedelta(hours=-5)))
VALUE_OR_TYPE_ERROR = (ValueError, TypeError)


@dataclass(frozen=True)
class WrongCall:
    """A call that must raise `error` with `argument` in its message."""

    call: Callable[[PersonioClient], object]
    argument: str
    error: type[Exception] | tuple[type[Exception], ...] = ValueError
    hidden: str | None = None
    """A value that must not appear in the message (personal data, secrets)."""


def drain(iterator: Iterator[object]) -> list[object]:
    """Consume a lazy listing, for checks that happen on the first page."""
    return list(iterator)


def bug(reason: str) -> Any:
    """Mark a case that shows a known bug; it fails until the bug is fixed."""
    return pytest.mark.xfail(reason=reason, strict=True)


CLIENT_CALLS = [
    # Dates and ranges.
    pytest.param(
        WrongCall(lambda c: c.absences.list(start="2026-03-02"), "start", TypeError),
        id="absences-start-string",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.list(start=NAIVE), "start"),
        id="absences-start-datetime",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.list(end=20260331), "end", TypeError),
        id="absences-end-int",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.list(start=END, end=START), "end"),
        id="absences-end-before-start",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.list(updated_since=NAIVE), "updated_since"),
        id="absences-updated-since-naive",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.absences.list(updated_since="2026-01-01"),
            "updated_since",
            TypeError,
        ),
        id="absences-updated-since-string",
    ),
    pytest.param(
        WrongCall(
            lambda c: drain(c.absences.list(updated_since=date.min)),
            "updated_since",
            VALUE_OR_TYPE_ERROR,
        ),
        id="absences-updated-since-first-date",
    ),
    pytest.param(
        WrongCall(
            lambda c: drain(c.absences.list(updated_since=UTC_MIN)),
            "updated_since",
            VALUE_OR_TYPE_ERROR,
        ),
        id="absences-updated-since-first-instant",
    ),
    pytest.param(
        WrongCall(lambda c: c.employees.list(updated_since=NAIVE), "updated_since"),
        id="employees-updated-since-naive",
    ),
    pytest.param(
        WrongCall(
            lambda c: drain(c.employees.list(updated_since=MAX_IN_NEW_YORK)),
            "updated_since",
            VALUE_OR_TYPE_ERROR,
        ),
        id="employees-updated-since-last-instant",
    ),
    pytest.param(
        WrongCall(lambda c: c.calendar(1, start=END, end=START), "end"),
        id="calendar-end-before-start",
    ),
    pytest.param(
        WrongCall(lambda c: c.calendar(1, start=NAIVE, end=END), "start"),
        id="calendar-start-datetime",
    ),
    pytest.param(
        WrongCall(lambda c: c.calendar(1, start=START, end=None), "end"),
        id="calendar-end-missing",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.calendar(1, start=START, end=END, holidays="off"), "holidays"
        ),
        id="calendar-holidays-unknown-word",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.calendar(1, start=START, end=END, holidays={"2026-03-02": "x"}),
            "holidays",
            TypeError,
        ),
        id="calendar-holidays-string-dates",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.calendar(1, start=START, end=END, holidays=5),
            "holidays",
            TypeError,
        ),
        id="calendar-holidays-number",
    ),
    pytest.param(
        WrongCall(lambda c: c.sync(EMAIL, start=END, end=START), "end"),
        id="sync-end-before-start",
    ),
    # Ids.
    pytest.param(
        WrongCall(lambda c: c.employees.get(0), "employee_id"), id="employee-id-zero"
    ),
    pytest.param(
        WrongCall(lambda c: c.employees.get(-1), "employee_id"),
        id="employee-id-negative",
    ),
    pytest.param(
        WrongCall(lambda c: c.employees.get("1"), "employee_id", TypeError),
        id="employee-id-string",
    ),
    pytest.param(
        WrongCall(lambda c: c.employees.get(True), "employee_id", TypeError),
        id="employee-id-bool",
    ),
    pytest.param(
        WrongCall(lambda c: c.employees.get(1.0), "employee_id", TypeError),
        id="employee-id-float",
    ),
    pytest.param(
        WrongCall(lambda c: c.work_schedules.get(0), "employee_id"),
        id="schedule-employee-id-zero",
    ),
    pytest.param(
        WrongCall(lambda c: c.balances.list("7"), "employee_id", TypeError),
        id="balances-employee-id-string",
    ),
    pytest.param(
        WrongCall(lambda c: c.balances.remaining_vacation_days(-3), "employee_id"),
        id="vacation-employee-id-negative",
    ),
    pytest.param(
        WrongCall(lambda c: c.calendar(0, start=START, end=END), "employee_id"),
        id="calendar-employee-id-zero",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.get(0), "absence_id"), id="absence-id-zero"
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.get("-5"), "absence_id"),
        id="absence-id-negative-string",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.get("not-a-uuid"), "absence_id"),
        id="absence-id-not-uuid",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.get(None), "absence_id", TypeError),
        id="absence-id-none",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.list(employee_ids=[]), "employee_ids"),
        id="employee-ids-empty",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.list(employee_ids=[3, 0]), "employee_ids[1]"),
        id="employee-ids-zero",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.absences.list(employee_ids=12), "employee_ids", TypeError
        ),
        id="employee-ids-int",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.absences.list(employee_ids="12"), "employee_ids", TypeError
        ),
        id="employee-ids-string",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.absences.list(employee_ids=["12"]), "employee_ids[0]", TypeError
        ),
        id="employee-ids-string-item",
    ),
    # Emails: the address is personal data and stays out of the message.
    pytest.param(
        WrongCall(lambda c: c.employees.find_by_email(""), "email"), id="email-empty"
    ),
    pytest.param(
        WrongCall(
            lambda c: c.employees.find_by_email("ada.lovelace.example.com"),
            "email",
            hidden="ada.lovelace.example.com",
        ),
        id="email-without-at",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.employees.find_by_email("ada@lovelace@example.com"),
            "email",
            hidden="ada@lovelace@example.com",
        ),
        id="email-two-ats",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.employees.find_by_email("ada lovelace@example.com"),
            "email",
            hidden="ada lovelace@example.com",
        ),
        id="email-with-space",
    ),
    pytest.param(
        WrongCall(lambda c: c.employees.find_by_email(None), "email", TypeError),
        id="email-none",
    ),
    pytest.param(
        WrongCall(
            lambda c: c.sync("ada.lovelace", start=START, end=END),
            "email",
            hidden="ada.lovelace",
        ),
        id="sync-email-invalid",
    ),
    # Statuses.
    pytest.param(
        WrongCall(lambda c: c.absences.list(statuses=["aproved"]), "statuses"),
        id="statuses-misspelled",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.list(statuses=[]), "statuses"),
        id="statuses-empty",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.list(statuses=5), "statuses", TypeError),
        id="statuses-number",
    ),
    pytest.param(
        WrongCall(lambda c: c.absences.list(statuses=[None]), "statuses"),
        id="statuses-none-item",
    ),
]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """A sandbox for this module alone, so that no other test moves its counter."""
    with Sandbox(rate_limits=False) as running:
        yield running


@pytest.fixture(scope="module")
def client(sandbox: Sandbox) -> Iterator[PersonioClient]:
    with PersonioClient(**sandbox.credentials, base_url=sandbox.url) as personio:
        yield personio


@pytest.mark.parametrize("case", CLIENT_CALLS)
def test_wrong_call_raises_before_any_request(
    case: WrongCall, sandbox: Sandbox, client: PersonioClient
) -> None:
    before = sandbox.stats().total
    with pytest.raises(case.error) as raised:
        case.call(client)
    message = str(raised.value)
    assert case.argument in message
    if case.hidden is not None:
        assert case.hidden not in message
    assert sandbox.stats().total == before


def test_calendar_through_last_date_builds(client: PersonioClient) -> None:
    calendar = client.calendar(1, start=date(9999, 12, 27), end=date.max)
    assert calendar.end == date.max
