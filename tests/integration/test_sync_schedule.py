"""An unknown work schedule in `client.sync`, `client.calendar` and `work_schedules`.

`work_schedules.get` raises when the credential may not read the schedule, because
the schedule is all it returns. `sync` and `calendar` return what they read and state
in the calendar's notes whether the credential may not read "Work schedule" or the
employee has none, from the same check of the credential's readable attributes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from personio_sdk import PersonioClient
from personio_sdk.resources import AttributeNotReadableError
from personio_sdk.sandbox import Sandbox

MARCH = {"start": date(2026, 3, 1), "end": date(2026, 3, 31), "holidays": None}
CIARA = "ciara.byrne@demo.example"
MARKUS = "markus.hoffmann@demo.example"
ATTRIBUTES = "/v1/company/employees/attributes"
NOT_READABLE = 'The API credential may not read the employee attribute "Work schedule"'
NO_SCHEDULE = "Employee 5 has no work schedule assigned in Personio."


def schedule_note(notes: tuple[str, ...]) -> str:
    matching = [note for note in notes if "hours are unknown" in note]
    assert len(matching) == 1, notes
    return matching[0]


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(rate_limits=False) as running:
        yield running


@pytest.fixture
def narrow(sandbox: Sandbox) -> Iterator[PersonioClient]:
    credentials = sandbox.credentials_for("narrow")
    with PersonioClient(**credentials, base_url=sandbox.url) as client:
        yield client


@pytest.fixture
def full(sandbox: Sandbox) -> Iterator[PersonioClient]:
    with PersonioClient(**sandbox.credentials, base_url=sandbox.url) as client:
        yield client


def test_narrow_get_raises(narrow: PersonioClient) -> None:
    with pytest.raises(AttributeNotReadableError):
        narrow.work_schedules.get(2)


def test_narrow_sync_returns_unknown_days(narrow: PersonioClient) -> None:
    result = narrow.sync(CIARA, **MARCH)
    assert result.work_schedule is not None
    assert not result.work_schedule.days_known
    assert result.calendar.total_target_hours is None
    assert NOT_READABLE in schedule_note(result.calendar.notes)


def test_narrow_calendar_names_credential(narrow: PersonioClient) -> None:
    calendar = narrow.calendar(2, **MARCH)
    assert NOT_READABLE in schedule_note(calendar.notes)


def test_narrow_checks_attributes_once_per_client(
    sandbox: Sandbox, narrow: PersonioClient
) -> None:
    narrow.calendar(2, **MARCH)
    narrow.calendar(3, **MARCH)
    assert sandbox.stats().requests[ATTRIBUTES] == 1


def test_full_calendar_says_no_schedule_assigned(full: PersonioClient) -> None:
    calendar = full.calendar(5, **MARCH)
    assert schedule_note(calendar.notes).endswith(NO_SCHEDULE)


def test_full_sync_says_no_schedule_assigned(full: PersonioClient) -> None:
    result = full.sync(MARKUS, **MARCH)
    assert schedule_note(result.calendar.notes).endswith(NO_SCHEDULE)


def test_full_schedule_needs_no_check(sandbox: Sandbox, full: PersonioClient) -> None:
    full.sync(CIARA, **MARCH)
    assert ATTRIBUTES not in sandbox.stats().requests
