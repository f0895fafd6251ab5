"""The generated demo company: deterministic, varied, and self-consistent."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from personio_sdk.sandbox import DEMO_EMPLOYEES, DEMO_TODAY, Sandbox, SandboxSize
from personio_sdk.sandbox._generate import SIZES, build_company
from personio_sdk.sandbox._model import STYLE_COLON_OFFSET, STYLE_INT_FLAGS, Company

from .conftest import Api


@pytest.fixture(scope="module")
def company() -> Company:
    return build_company(2026, SIZES["demo"], DEMO_TODAY)


def test_same_seed_same_company(company: Company) -> None:
    again = build_company(2026, SIZES["demo"], DEMO_TODAY)
    assert again.employees == company.employees
    assert again.time_offs == company.time_offs


def test_other_seed_keeps_featured_employees(company: Company) -> None:
    other = build_company(7, SIZES["demo"], DEMO_TODAY)
    assert other.employees[:8] == company.employees[:8]
    assert other.employees[8:] != company.employees[8:]


def test_demo_has_at_least_60_employees(company: Company) -> None:
    assert len(company.employees) >= 60


def test_demo_covers_states_of_three_countries(company: Company) -> None:
    calendars = {(e.calendar.country, e.calendar.state) for e in company.employees}
    assert {("DE", s) for s in ("Bayern", "Berlin", "Nordrhein-Westfalen")} <= calendars
    assert ("DE", "Baden-Württemberg") in calendars
    assert ("AT", "Wien") in calendars
    assert {("GB", s) for s in ("England", "Scotland", "Northern Ireland")} <= calendars


def test_demo_has_several_schedules(company: Company) -> None:
    names = {e.weekly_hours for e in company.employees}
    assert {"40", "37.5", "32", "20"} <= names


def test_featured_employees_match_constant(company: Company) -> None:
    for demo, record in zip(DEMO_EMPLOYEES, company.employees, strict=False):
        assert (demo.id, demo.email) == (record.id, record.email)


def test_periods_cross_month_and_year(company: Company) -> None:
    table = company.time_offs
    spans = [
        (dt.date.fromordinal(s), dt.date.fromordinal(e))
        for s, e in zip(table.start, table.end, strict=True)
    ]
    assert any(a.year != b.year for a, b in spans)
    assert any(a.month != b.month and a.year == b.year for a, b in spans)


def test_generated_half_days_exist(company: Company) -> None:
    assert sum(company.time_offs.half_start[8 * 5 :]) > 0


def test_both_flag_and_offset_spellings_occur(company: Company) -> None:
    styles = Counter(company.time_offs.style)
    assert any(style & STYLE_INT_FLAGS for style in styles)
    assert any(style & STYLE_COLON_OFFSET for style in styles)
    assert styles[0] > 0


def test_demo_has_hour_based_absences(company: Company) -> None:
    assert len(company.periods) > 20


def test_every_status_among_generated(company: Company) -> None:
    assert set(company.time_offs.status) == {0, 1, 2, 3}


def test_dates_stay_near_2026(company: Company) -> None:
    years = {dt.date.fromordinal(day).year for day in company.time_offs.start}
    assert years <= {2025, 2026, 2027}


def test_custom_size_is_honoured() -> None:
    small = build_company(1, SandboxSize(employees=20, absences=300), DEMO_TODAY)
    assert len(small.employees) == 20
    assert len(small.time_offs) + len(small.periods) == 300


def test_balances_match_approved_vacation(api: Api) -> None:
    """available_balance = entitlement - approved vacation days inside the year."""
    for employee_id in range(9, 65):
        entitlement = api.data(f"/v1/company/employees/{employee_id}")["attributes"][
            "absence_entitlement"
        ]["value"][0]["attributes"]
        params = [("employees[]", str(employee_id)), ("limit", 200)]
        taken = 0.0
        crosses_year = False
        for item in api.data("/v1/company/time-offs", params):
            attributes = item["attributes"]
            kind = attributes["time_off_type"]["attributes"]
            if kind["id"] != entitlement["id"] or attributes["status"] != "approved":
                continue
            years = {attributes["start_date"][:4], attributes["end_date"][:4]}
            crosses_year |= len(years) > 1
            if years == {"2026"}:
                taken += attributes["days_count"]
        if crosses_year:
            continue
        balance = api.data(f"/v1/company/employees/{employee_id}/absences/balance")[0]
        assert balance["available_balance"] == entitlement["entitlement"] - taken


def test_sandbox_repr_shows_url_not_secrets(sandbox: Sandbox) -> None:
    text = repr(sandbox)
    assert sandbox.url in text
    assert sandbox.credentials["client_secret"] not in text


def test_url_before_start_raises() -> None:
    with pytest.raises(RuntimeError, match="start"):
        _ = Sandbox().url
