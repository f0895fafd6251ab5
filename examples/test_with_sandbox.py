"""Test code that calls Personio against the sandbox, with the pytest plugin.

Installing personio-sdk registers the fixtures `personio_sandbox` (one sandbox per
test session), `personio_sandbox_fresh` (one per test, for tests that add faults)
and `personio_sandbox_factory` (sandboxes with options). These tests exercise the
other examples the way your tests would exercise your own code:

    python -m pytest examples/test_with_sandbox.py
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from monthly_report import monthly_report
from team_absences_csv import department_members, write_csv
from timetracking_sync import sync_person

from personio_sdk import EmployeeNotFoundError, PersonioClient
from personio_sdk.sandbox import Sandbox

MARCH = (date(2026, 3, 1), date(2026, 3, 31))


@pytest.fixture
def client(personio_sandbox: Sandbox) -> Iterator[PersonioClient]:
    """A client of the session's sandbox, closed after the test."""
    with PersonioClient(
        **personio_sandbox.credentials, base_url=personio_sandbox.url
    ) as personio:
        yield personio


def test_sync_person_counts_march_target(client: PersonioClient) -> None:
    person = sync_person(client, "ciara.byrne@demo.example", *MARCH)
    # 22 working days of 7.5 h, minus St Patrick's Day, 3 vacation days, a sick
    # day and a 2-hour appointment.
    assert Decimal(person["target_hours"]) == Decimal("125.5")


def test_sync_person_stores_every_day(client: PersonioClient) -> None:
    person = sync_person(client, "ciara.byrne@demo.example", *MARCH)
    assert len(person["days"]) == 31


def test_sync_person_unknown_email_raises(client: PersonioClient) -> None:
    with pytest.raises(EmployeeNotFoundError):
        sync_person(client, "Ciara.Byrne@demo.example", *MARCH)


def test_monthly_report_leaves_unknown_hours_empty(client: PersonioClient) -> None:
    rows = {row["id"]: row for row in monthly_report(client, 2026, 3)}
    # Markus has weekly hours only, so the report must not invent daily hours.
    assert rows[5]["target_hours"] is None


def test_monthly_report_skips_people_who_left(client: PersonioClient) -> None:
    rows = {row["id"]: row for row in monthly_report(client, 2026, 3)}
    # Tobias left on 28 February 2026.
    assert 7 not in rows


def test_team_csv_has_one_row_per_absence(client: PersonioClient) -> None:
    members = department_members(client, "sales")
    absences = list(client.absences.list(employee_ids=[m.id for m in members]))
    out = io.StringIO()
    count = write_csv(out, members, absences)
    assert out.getvalue().count("\n") == count + 1


def test_listing_survives_server_errors(personio_sandbox_fresh: Sandbox) -> None:
    sandbox = personio_sandbox_fresh
    sandbox.add_fault("status", status=503, path="/v1/company/time-offs", times=2)
    with PersonioClient(**sandbox.credentials, base_url=sandbox.url) as personio:
        person = sync_person(personio, "ciara.byrne@demo.example", *MARCH)
    assert len(person["absences"]) == 4
