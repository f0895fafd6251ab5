"""The `holidays` argument of `client.sync` and of the calendar it builds.

An invalid source raises before any request, naming `holidays`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from personio_sdk import PersonioClient
from personio_sdk._sync import check_holidays, employee_calendar_for
from personio_sdk.models import Employee
from personio_sdk.sandbox import Sandbox

MARCH = {"start": date(2026, 3, 1), "end": date(2026, 3, 31)}
CIARA = "ciara.byrne@demo.example"
INVALID_SOURCES = [
    pytest.param("nope", ValueError, id="unknown-word"),
    pytest.param("Auto", ValueError, id="capitalised-auto"),
    pytest.param(5, TypeError, id="number"),
    pytest.param([date(2026, 3, 17)], TypeError, id="list-of-dates"),
    pytest.param({"2026-03-17": "Saint Patrick's Day"}, TypeError, id="string-keys"),
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


@pytest.mark.parametrize(("source", "error"), INVALID_SOURCES)
def test_check_holidays_rejects(source: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="holidays"):
        check_holidays(source)


@pytest.mark.parametrize(
    "source", ["auto", None, {}, {date(2026, 3, 17): "Saint Patrick's Day"}]
)
def test_check_holidays_accepts(source: object) -> None:
    assert check_holidays(source) == source


@pytest.mark.parametrize(("source", "error"), INVALID_SOURCES)
def test_sync_rejects_holidays_before_requests(
    source: object, error: type[Exception], sandbox: Sandbox, client: PersonioClient
) -> None:
    before = sandbox.stats().total
    with pytest.raises(error, match="holidays"):
        client.sync(CIARA, holidays=source, **MARCH)  # type: ignore[arg-type]
    assert sandbox.stats().total == before


@pytest.mark.parametrize(("source", "error"), INVALID_SOURCES)
def test_employee_calendar_for_rejects_before_requests(
    source: object, error: type[Exception], sandbox: Sandbox, client: PersonioClient
) -> None:
    before = sandbox.stats().total
    with pytest.raises(error, match="holidays"):
        employee_calendar_for(
            client,
            Employee(id=2),
            holidays=source,  # type: ignore[arg-type]
            **MARCH,
        )
    assert sandbox.stats().total == before


@pytest.mark.parametrize(("source", "error"), INVALID_SOURCES)
def test_client_calendar_rejects_holidays_before_requests(
    source: object, error: type[Exception], sandbox: Sandbox, client: PersonioClient
) -> None:
    before = sandbox.stats().total
    with pytest.raises(error, match="holidays"):
        client.calendar(2, holidays=source, **MARCH)  # type: ignore[arg-type]
    assert sandbox.stats().total == before
