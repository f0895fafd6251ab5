"""The resources against the sandbox over real sockets, with its demo company."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal

import pytest

from personio_sdk import EmployeeNotFoundError, PersonioClient
from personio_sdk.models import AbsenceKind, AbsenceStatus
from personio_sdk.resources import AttributeNotReadableError
from personio_sdk.sandbox import Sandbox

YEAR_START = date(2026, 1, 1)
YEAR_END = date(2026, 12, 31)


@pytest.fixture
def client(personio_sandbox: Sandbox) -> Iterator[PersonioClient]:
    with PersonioClient(
        **personio_sandbox.credentials, base_url=personio_sandbox.url
    ) as personio:
        yield personio


def test_lists_every_employee(client: PersonioClient) -> None:
    employees = list(client.employees.list())
    ids = [employee.id for employee in employees]
    assert len(ids) == len(set(ids))
    assert {1, 2, 3, 4, 5, 6, 7, 8} <= set(ids)
    assert len(ids) > 50


def test_find_by_email(client: PersonioClient) -> None:
    employee = client.employees.find_by_email("anna.schmidt@demo.example")
    assert employee.id == 1
    assert employee.holiday_calendar is not None
    assert employee.holiday_calendar.state == "Bayern"


def test_email_case_near_miss(client: PersonioClient) -> None:
    with pytest.raises(EmployeeNotFoundError) as caught:
        client.employees.find_by_email("Ciara.Byrne@demo.example")
    assert caught.value.suggestion == "ciara.byrne@demo.example"
    assert "ciara" not in str(caught.value).lower()


def test_unknown_email(client: PersonioClient) -> None:
    with pytest.raises(EmployeeNotFoundError) as caught:
        client.employees.find_by_email("nobody@demo.example")
    assert caught.value.suggestion is None


def test_schedule_seven_thirty(client: PersonioClient) -> None:
    schedule = client.work_schedules.get(2)
    assert schedule.hours(0) == Decimal("7.5")
    assert schedule.weekly_hours == Decimal("37.5")


def test_part_time_schedule(client: PersonioClient) -> None:
    schedule = client.work_schedules.get(3)
    assert schedule.hours(4) == Decimal(0)
    assert schedule.weekly_hours == Decimal(32)


def test_weekly_hours_only_employee(client: PersonioClient) -> None:
    schedule = client.work_schedules.get(5)
    assert schedule.weekly_hours == Decimal(30)
    assert not schedule.days_known


def test_empty_schedule_value(client: PersonioClient) -> None:
    schedule = client.work_schedules.get(6)
    assert not schedule.days_known


def test_narrow_credential_schedule_error(personio_sandbox: Sandbox) -> None:
    credentials = personio_sandbox.credentials_for("narrow")
    with PersonioClient(**credentials, base_url=personio_sandbox.url) as narrow:
        with pytest.raises(AttributeNotReadableError, match="Work schedule"):
            narrow.work_schedules.get(1)
        assert not narrow.employees.get(1).is_readable("work_schedule")


def test_absences_both_units(client: PersonioClient) -> None:
    absences = list(
        client.absences.list(employee_ids=[1], start=YEAR_START, end=YEAR_END)
    )
    units = {absence.unit for absence in absences}
    assert units == {"day", "hour"}


def test_absences_approved_only(client: PersonioClient) -> None:
    absences = list(client.absences.list(employee_ids=[1]))
    assert all(absence.status is AbsenceStatus.APPROVED for absence in absences)


def test_absences_other_statuses(client: PersonioClient) -> None:
    statuses = {
        absence.status
        for absence in client.absences.list(
            employee_ids=[1], statuses=list(AbsenceStatus)
        )
    }
    assert AbsenceStatus.REJECTED in statuses
    assert AbsenceStatus.PENDING in statuses
    assert AbsenceStatus.REQUESTED in statuses


def test_year_boundary_period_included(client: PersonioClient) -> None:
    absences = list(
        client.absences.list(employee_ids=[1], start=YEAR_START, end=date(2026, 1, 31))
    )
    starts = [absence.start_date for absence in absences]
    assert date(2025, 12, 29) in starts


def test_period_ending_after_range_included(client: PersonioClient) -> None:
    absences = list(
        client.absences.list(
            employee_ids=[2], start=date(2026, 3, 1), end=date(2026, 3, 10)
        )
    )
    vacation = [a for a in absences if a.start_date == date(2026, 3, 9)]
    assert len(vacation) == 1
    assert vacation[0].end_date == date(2026, 3, 11)


def test_half_days_and_fractions(client: PersonioClient) -> None:
    absences = list(
        client.absences.list(
            employee_ids=[2], start=date(2026, 3, 1), end=date(2026, 3, 31)
        )
    )
    by_start = {a.start_date: a for a in absences if a.unit == "day"}
    assert by_start[date(2026, 3, 9)].days == Decimal("2.5")
    assert by_start[date(2026, 3, 9)].half_day_end is True
    assert by_start[date(2026, 3, 20)].half_day_start is True
    assert by_start[date(2026, 3, 20)].days == Decimal("0.5")
    assert date(2026, 3, 30) not in by_start


def test_hour_based_local_date(client: PersonioClient) -> None:
    absences = list(
        client.absences.list(
            employee_ids=[2], start=date(2026, 3, 26), end=date(2026, 3, 26)
        )
    )
    [hourly] = [a for a in absences if a.unit == "hour"]
    assert hourly.start_date == date(2026, 3, 26)
    assert hourly.hours == Decimal(2)


def test_kinds_from_demo_types(client: PersonioClient) -> None:
    absences = list(
        client.absences.list(employee_ids=[1], start=YEAR_START, end=YEAR_END)
    )
    kinds = {absence.type_name: absence.kind for absence in absences}
    assert kinds["Urlaub"] is AbsenceKind.VACATION
    assert kinds["Krankheit"] is AbsenceKind.SICK_LEAVE
    home_office = [a for a in absences if a.type_name == "Home Office"]
    assert home_office
    assert all(a.counts_as_work for a in home_office)


def test_many_employee_ids_chunked(client: PersonioClient) -> None:
    ids = [employee.id for employee in client.employees.list()]
    everyone = list(
        client.absences.list(employee_ids=ids, start=YEAR_START, end=YEAR_END)
    )
    assert len({a.id for a in everyone}) == len(everyone)
    assert {a.employee_id for a in everyone} >= {1, 2}


def test_get_by_both_id_kinds(client: PersonioClient) -> None:
    absences = list(
        client.absences.list(employee_ids=[1], start=YEAR_START, end=YEAR_END)
    )
    day = next(a for a in absences if a.unit == "day")
    hour = next(a for a in absences if a.unit == "hour")
    assert client.absences.get(day.id) == day
    assert client.absences.get(hour.id) == hour


def test_absence_types_cached(client: PersonioClient) -> None:
    first = client.absence_types.list()
    assert client.absence_types.list() == first
    names = {t.name: t for t in first}
    assert names["Sonderurlaub"].kind is AbsenceKind.PERSONAL_TIME_OFF
    assert names["Feiertag"].kind is AbsenceKind.PUBLIC_HOLIDAY
    assert names["Home Office"].counts_as_work


def test_balances_and_remaining(client: PersonioClient) -> None:
    balances = client.balances.list(1)
    assert any(balance.kind is AbsenceKind.VACATION for balance in balances)
    remaining = client.balances.remaining_vacation_days(1)
    assert remaining == Decimal(15)


def test_requests_per_listing(
    personio_sandbox_factory: Callable[..., Sandbox],
) -> None:
    sandbox = personio_sandbox_factory(rate_limits=False)
    with PersonioClient(**sandbox.credentials, base_url=sandbox.url) as personio:
        list(personio.absences.list(employee_ids=[1], start=YEAR_START, end=YEAR_END))
        first = dict(sandbox.stats().requests)
        list(personio.absences.list(employee_ids=[1], start=YEAR_START, end=YEAR_END))
        second = dict(sandbox.stats().requests)
    assert first.get("/v1/company/time-offs") == 1
    assert first.get("/v1/company/absence-periods") == 1
    # The hour-based Arzttermin needs the type list, which the second listing reuses.
    assert first.get("/v1/company/time-off-types")
    assert second.get("/v1/company/time-off-types") == first.get(
        "/v1/company/time-off-types"
    )
