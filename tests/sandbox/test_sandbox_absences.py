"""Time-offs, hour-based absence periods, time-off types and balances."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from personio_sdk.sandbox import Sandbox

from .conftest import Api

TIME_OFFS = "/v1/company/time-offs"
PERIODS = "/v1/company/absence-periods"


def _ciara_march(api: Api) -> list[dict[str, Any]]:
    params = [
        ("employees[]", "2"),
        ("start_date", "2026-03-01"),
        ("end_date", "2026-03-31"),
    ]
    return [item["attributes"] for item in api.data(TIME_OFFS, params)]


def test_ciara_march_has_four_time_offs(api: Api) -> None:
    days = [(a["start_date"][:10], a["end_date"][:10]) for a in _ciara_march(api)]
    assert days == [
        ("2026-03-09", "2026-03-11"),
        ("2026-03-20", "2026-03-20"),
        ("2026-03-24", "2026-03-24"),
        ("2026-03-30", "2026-03-31"),
    ]


def test_ciara_vacation_ends_with_half_day(api: Api) -> None:
    first = _ciara_march(api)[0]
    assert first["days_count"] == 2.5
    assert first["half_day_end"] is True
    assert first["time_off_type"]["attributes"]["category"] == "paid_vacation"


def test_ciara_half_day_flags_are_integers(api: Api) -> None:
    half = _ciara_march(api)[1]
    assert half["days_count"] == 0.5
    assert half["half_day_start"] == 1
    assert half["half_day_start"] is not True


def test_ciara_sick_day_is_sick_leave(api: Api) -> None:
    sick = _ciara_march(api)[2]
    assert sick["time_off_type"]["attributes"]["category"] == "sick_leave"
    assert sick["status"] == "approved"


def test_ciara_last_request_is_pending(api: Api) -> None:
    assert _ciara_march(api)[3]["status"] == "pending"


def test_time_off_dates_are_midnight_with_offset(api: Api) -> None:
    dates = [a["start_date"] for a in _ciara_march(api)]
    assert dates[0] == "2026-03-09T00:00:00+0100"
    assert dates[3] == "2026-03-30T00:00:00+0200"


def test_st_patricks_day_is_not_an_absence(api: Api) -> None:
    params = [
        ("employees[]", "2"),
        ("start_date", "2026-03-17"),
        ("end_date", "2026-03-17"),
    ]
    assert api.data(TIME_OFFS, params) == []


def test_overlap_filter_includes_period_starting_before(api: Api) -> None:
    params = [
        ("employees[]", "1"),
        ("start_date", "2026-01-01"),
        ("end_date", "2026-01-01"),
    ]
    found = [a["attributes"]["start_date"][:10] for a in api.data(TIME_OFFS, params)]
    assert found == ["2025-12-29"]


def test_overlap_filter_excludes_day_after_end(api: Api) -> None:
    params = [
        ("employees[]", "2"),
        ("start_date", "2026-03-12"),
        ("end_date", "2026-03-19"),
    ]
    assert api.data(TIME_OFFS, params) == []


def test_overlap_filter_start_only_is_open_ended(api: Api) -> None:
    params = [("employees[]", "2"), ("start_date", "2026-12-01")]
    ends = [a["attributes"]["end_date"][:10] for a in api.data(TIME_OFFS, params)]
    assert ends == ["2027-01-04"]


def test_employees_filter_takes_repeated_keys(api: Api) -> None:
    params = [("employees[]", "1"), ("employees[]", "2"), ("limit", 200)]
    owners = {
        a["attributes"]["employee"]["attributes"]["id"]["value"]
        for a in api.data(TIME_OFFS, params)
    }
    assert owners == {1, 2}


def test_time_offs_offset_is_page_number(api: Api) -> None:
    first = api.get(TIME_OFFS, {"limit": 10, "offset": 1}).json()
    second = api.get(TIME_OFFS, {"limit": 10, "offset": 2}).json()
    assert (
        first["data"][-1]["attributes"]["id"] + 1
        == second["data"][0]["attributes"]["id"]
    )
    assert second["metadata"]["current_page"] == 2


def test_time_offs_offset_zero_is_page_one(api: Api) -> None:
    zero = api.get(TIME_OFFS, {"limit": 10, "offset": 0}).json()
    one = api.get(TIME_OFFS, {"limit": 10, "offset": 1}).json()
    assert zero["data"] == one["data"]
    assert zero["metadata"]["current_page"] == 1


def test_time_offs_metadata_total_pages(api: Api) -> None:
    body = api.get(TIME_OFFS, {"limit": 100, "offset": 1}).json()
    total = body["metadata"]["total_elements"]
    assert body["metadata"]["total_pages"] == -(-total // 100)


def test_time_offs_walk_every_page_once(api: Api) -> None:
    ids: list[int] = []
    page = 1
    while True:
        body = api.get(TIME_OFFS, {"limit": 50, "offset": page}).json()
        ids += [item["attributes"]["id"] for item in body["data"]]
        if page >= body["metadata"]["total_pages"]:
            break
        page += 1
    assert len(ids) == len(set(ids)) == body["metadata"]["total_elements"]


def test_time_offs_default_limit_is_200(api: Api) -> None:
    assert api.get(TIME_OFFS).json()["limit"] == 200


@pytest.mark.parametrize("limit", ["0", "201", "abc", "-1"])
def test_time_offs_invalid_limit_gets_422(api: Api, limit: str) -> None:
    response = api.get(TIME_OFFS, {"limit": limit, "offset": 1})
    assert response.status_code == 422
    assert (
        response.json()["error"]["message"]
        == "The given data failed to pass validation."
    )


def test_time_offs_negative_offset_gets_422(api: Api) -> None:
    assert api.get(TIME_OFFS, {"limit": 10, "offset": -1}).status_code == 422


def test_time_offs_invalid_date_gets_422(api: Api) -> None:
    assert api.get(TIME_OFFS, {"start_date": "2026-13-01"}).status_code == 422


def test_time_offs_updated_window_filters(api: Api) -> None:
    params = [
        ("updated_from", "2026-03-03"),
        ("updated_to", "2026-03-03"),
        ("employees[]", "2"),
    ]
    found = [a["attributes"]["updated_at"][:10] for a in api.data(TIME_OFFS, params)]
    assert found == ["2026-03-03"]


def test_time_off_by_id(api: Api) -> None:
    first = _ciara_march(api)[0]
    item = api.data(f"{TIME_OFFS}/{first['id']}")
    assert item["type"] == "TimeOffPeriod"
    assert item["attributes"] == first


def test_time_off_unknown_id_gets_404(api: Api) -> None:
    response = api.get(f"{TIME_OFFS}/1")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "The absence period was not found."


def test_every_status_occurs(api: Api) -> None:
    statuses = {
        item["attributes"]["status"] for item in api.data(TIME_OFFS, {"limit": 200})
    }
    pages = api.get(TIME_OFFS, {"limit": 200, "offset": 1}).json()["metadata"][
        "total_pages"
    ]
    for page in range(2, pages + 1):
        body = api.data(TIME_OFFS, {"limit": 200, "offset": page})
        statuses |= {item["attributes"]["status"] for item in body}
    assert statuses == {"approved", "pending", "requested", "rejected"}


def test_corpus_christi_not_counted_in_anna_june(api: Api) -> None:
    params = [
        ("employees[]", "1"),
        ("start_date", "2026-06-01"),
        ("end_date", "2026-06-30"),
    ]
    (june,) = api.data(TIME_OFFS, params)
    assert june["attributes"]["days_count"] == 4


def test_jonas_free_friday_not_counted(api: Api) -> None:
    params = [
        ("employees[]", "3"),
        ("start_date", "2026-03-05"),
        ("end_date", "2026-03-05"),
    ]
    (vacation,) = api.data(TIME_OFFS, params)
    assert vacation["attributes"]["days_count"] == 3


def test_ciara_doctor_appointment_is_hour_based(api: Api) -> None:
    (period,) = api.data(PERIODS, [("employees[]", "2")])
    attributes = period["attributes"]
    assert period["type"] == "AbsencePeriod"
    assert attributes["effective_duration"] == 120
    assert attributes["start"] == "2026-03-26T10:00:00.000Z"
    assert attributes["end"] == "2026-03-26T12:00:00.000Z"
    assert attributes["timezone"] == "Europe/London"
    assert attributes["breakdowns"] == [
        {"date": "2026-03-26", "effective_duration": 120}
    ]


def test_summer_time_shifts_utc_instant(api: Api) -> None:
    params = [
        ("employees[]", "4"),
        ("start_date", "2026-03-31"),
        ("end_date", "2026-03-31"),
    ]
    (period,) = api.data(PERIODS, params)
    assert period["attributes"]["start"] == "2026-03-31T06:30:00.000Z"


def test_two_day_period_has_two_breakdowns(api: Api) -> None:
    params = [
        ("employees[]", "4"),
        ("start_date", "2026-04-21"),
        ("end_date", "2026-04-22"),
    ]
    (period,) = api.data(PERIODS, params)
    assert [b["date"] for b in period["attributes"]["breakdowns"]] == [
        "2026-04-21",
        "2026-04-22",
    ]
    assert period["attributes"]["effective_duration"] == 2 * 462


def test_periods_filter_by_absence_type(api: Api) -> None:
    uuid = "5a1d0c7e-1018-4e3b-9c2f-a1b2c3d41018"
    data = api.data(PERIODS, [("absence_types[]", uuid)])
    assert {
        item["attributes"]["absence_type"]["attributes"]["id"] for item in data
    } == {uuid}


def test_periods_unknown_absence_type_gets_404(api: Api) -> None:
    response = api.get(
        PERIODS, [("absence_types[]", "00000000-0000-4000-8000-000000000000")]
    )
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "models.absence-types.not-found"


def test_periods_filter_by_id(api: Api) -> None:
    (period,) = api.data(PERIODS, [("employees[]", "2")])
    found = api.data(PERIODS, [("absence_periods[]", period["attributes"]["id"])])
    assert found == [period]


def test_periods_default_offsets_are_page_numbers(api: Api) -> None:
    zero = api.get(PERIODS, {"limit": 5, "offset": 0}).json()["data"]
    one = api.get(PERIODS, {"limit": 5, "offset": 1}).json()["data"]
    two = api.get(PERIODS, {"limit": 5, "offset": 2}).json()["data"]
    assert zero == one
    assert one[-1] != two[0]


def test_periods_record_offsets_when_configured(sandbox: Sandbox) -> None:
    with Sandbox(rate_limits=False, period_offsets="record") as records:
        client = Api(records, records.credentials)
        try:
            everything = client.data(PERIODS, {"limit": 10, "offset": 0})
            shifted = client.data(PERIODS, {"limit": 10, "offset": 3})
        finally:
            client.close()
    assert shifted[:7] == everything[3:]


def test_periods_invalid_limit_gets_400_problem_json(api: Api) -> None:
    response = api.get(PERIODS, {"limit": "none"})
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"


def test_invalid_period_style_is_rejected() -> None:
    with pytest.raises(ValueError, match="period_offsets"):
        Sandbox(period_offsets="cursor")


def test_time_off_types_cover_both_units(api: Api) -> None:
    units = {
        item["attributes"]["unit"] for item in api.data("/v1/company/time-off-types")
    }
    assert units == {"day", "hour"}


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Urlaub", "paid_vacation"),
        ("Paid vacation", "paid_vacation"),
        ("Unpaid vacation", "unpaid_vacation"),
        ("Sonderurlaub", "other"),
        ("Bildungsurlaub", "undefined"),
        ("Krankheit", "sick_leave"),
        ("Kind krank", None),
        ("Elternzeit", "maternity_parental_leave"),
        ("Feiertag", None),
        ("Public holiday", "other"),
        ("Home Office", "offsite_work"),
        ("Business trip", "offsite_work"),
        ("Streik", "lawful_strike"),
    ],
)
def test_time_off_type_names_and_categories(
    api: Api, name: str, category: str | None
) -> None:
    types = {
        t["attributes"]["name"]: t["attributes"]
        for t in api.data("/v1/company/time-off-types")
    }
    assert types[name]["category"] == category


def test_time_off_types_offset_counts_records(api: Api) -> None:
    everything = api.data("/v1/company/time-off-types")
    assert (
        api.data("/v1/company/time-off-types", {"limit": 2, "offset": 1})
        == everything[1:3]
    )


def test_ciara_balance(api: Api) -> None:
    (vacation, sick) = api.data("/v1/company/employees/2/absences/balance")
    assert vacation == {
        "id": 1001,
        "name": "Paid vacation",
        "category": "paid_vacation",
        "balance": 22.5,
        "available_balance": 11,
    }
    assert sick["balance"] == 0


def test_anna_balance_ignores_days_of_2025(api: Api) -> None:
    vacation = api.data("/v1/company/employees/1/absences/balance")[0]
    assert vacation["balance"] == 24
    assert vacation["available_balance"] == 15


def test_balance_unknown_employee_gets_german_404(api: Api) -> None:
    response = api.get("/v1/company/employees/9999/absences/balance")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Es ist ein Problem aufgetreten "


def test_unknown_path_gets_404(api: Api) -> None:
    assert api.get("/v1/company/nothing").status_code == 404


def test_write_method_gets_405(sandbox: Sandbox, api: Api) -> None:
    headers = {"Authorization": f"Bearer {api.token}"}
    response = httpx.delete(f"{sandbox.url}{TIME_OFFS}/100001", headers=headers)
    assert response.status_code == 405
