"""`client.sync` and `client.calendar` against the sandbox over real sockets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from personio_sdk import AbsenceKind, EmployeeNotFoundError, PersonioClient
from personio_sdk.sandbox import Sandbox

YEAR = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
ANNA = "anna.schmidt@demo.example"


def request_count(sandbox: Sandbox) -> int:
    return sandbox.stats().total


def test_sync_cold_makes_six_requests(personio_sandbox_fresh: Sandbox) -> None:
    sandbox = personio_sandbox_fresh
    with PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client:
        client.sync(ANNA, **YEAR)
    stats = sandbox.stats()
    assert stats.total == 6
    assert stats.token_requests == 1


def test_sync_warm_makes_four_requests(personio_sandbox_fresh: Sandbox) -> None:
    sandbox = personio_sandbox_fresh
    with PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client:
        client.sync(ANNA, **YEAR)
        before = request_count(sandbox)
        client.sync(ANNA, **YEAR)
    assert request_count(sandbox) - before == 4


def test_sync_returns_every_part(personio_sandbox: Sandbox) -> None:
    sandbox = personio_sandbox
    with PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client:
        result = client.sync(ANNA, **YEAR)
        balances = client.balances.list(result.employee.id)
        remaining = client.balances.remaining_vacation_days(result.employee.id)
    assert result.employee.email == ANNA
    assert result.work_schedule is not None
    assert result.work_schedule.hours(0) == Decimal("8")
    assert result.absences
    assert all(a.status == "approved" for a in result.absences)
    assert len(result.calendar) == 365
    assert result.balances == tuple(balances)
    assert result.remaining_vacation_days == remaining


def test_sync_unknown_email_raises_not_found(personio_sandbox: Sandbox) -> None:
    sandbox = personio_sandbox
    with (
        PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client,
        pytest.raises(EmployeeNotFoundError),
    ):
        client.sync("nobody@demo.example", **YEAR)


def test_sync_rejects_end_before_start_without_requests(
    personio_sandbox_fresh: Sandbox,
) -> None:
    sandbox = personio_sandbox_fresh
    with (
        PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client,
        pytest.raises(ValueError, match="end"),
    ):
        client.sync(ANNA, start=date(2026, 2, 1), end=date(2026, 1, 1))
    assert request_count(sandbox) == 0


def test_calendar_march_of_ciara(personio_sandbox: Sandbox) -> None:
    sandbox = personio_sandbox
    with PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client:
        calendar = client.calendar(
            2, start=date(2026, 3, 1), end=date(2026, 3, 31), holidays=None
        )
    half_day = calendar.day(date(2026, 3, 11))
    # Ciara works 7.5 h on weekdays; the last day of her vacation is a half day.
    assert half_day.target_hours == Decimal("7.5") - Decimal("3.75")
    assert half_day.kind is AbsenceKind.VACATION
    pending = calendar.day(date(2026, 3, 30))
    assert pending.target_hours == Decimal("7.5")
    assert pending.absences == ()


def test_calendar_march_of_ciara_marks_saint_patricks_day(
    personio_sandbox: Sandbox,
) -> None:
    pytest.importorskip("holidays")
    sandbox = personio_sandbox
    with PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client:
        calendar = client.calendar(2, start=date(2026, 3, 1), end=date(2026, 3, 31))
    day = calendar.day(date(2026, 3, 17))
    assert day.kind is AbsenceKind.PUBLIC_HOLIDAY
    assert day.target_hours == Decimal(0)
