"""`GET /v1/company/employees` and `/{employee_id}`: paging, filters, value formats."""

from __future__ import annotations

import json
import re

from .conftest import Api, attribute

EMPLOYEES = "/v1/company/employees"


def test_employees_default_page_is_50(api: Api) -> None:
    body = api.get(EMPLOYEES).json()
    assert len(body["data"]) == 50
    assert body["limit"] == 50


def test_employees_metadata_counts_everyone(api: Api) -> None:
    body = api.get(EMPLOYEES, {"limit": 10, "offset": 0}).json()
    assert body["metadata"] == {
        "total_elements": 64,
        "current_page": 0,
        "total_pages": 7,
    }


def test_employees_offset_counts_records(api: Api) -> None:
    data = api.data(EMPLOYEES, {"limit": 5, "offset": 3})
    assert [attribute(item, "id") for item in data] == [4, 5, 6, 7, 8]


def test_employees_current_page_is_zero_based(api: Api) -> None:
    body = api.get(EMPLOYEES, {"limit": 10, "offset": 20}).json()
    assert body["metadata"]["current_page"] == 2


def test_employees_offset_past_end_is_empty(api: Api) -> None:
    assert api.data(EMPLOYEES, {"limit": 10, "offset": 500}) == []


def test_employees_limit_above_100_gets_400(api: Api) -> None:
    response = api.get(EMPLOYEES, {"limit": 101, "offset": 0})
    assert response.status_code == 400
    assert response.json()["success"] is False


def test_employees_limit_100_is_accepted(api: Api) -> None:
    assert len(api.data(EMPLOYEES, {"limit": 100, "offset": 0})) == 64


def test_employees_limit_zero_gets_400(api: Api) -> None:
    assert api.get(EMPLOYEES, {"limit": 0}).status_code == 400


def test_employees_non_numeric_offset_gets_400(api: Api) -> None:
    assert api.get(EMPLOYEES, {"offset": "x"}).status_code == 400


def test_employees_ids_unique_across_pages(api: Api) -> None:
    seen = []
    for offset in range(0, 64, 20):
        page = api.data(EMPLOYEES, {"limit": 20, "offset": offset})
        seen += [attribute(item, "id") for item in page]
    assert sorted(seen) == list(range(1, 65))


def test_email_filter_finds_exact_match(api: Api) -> None:
    data = api.data(EMPLOYEES, {"email": "ciara.byrne@demo.example"})
    assert [attribute(item, "id") for item in data] == [2]


def test_email_filter_is_case_sensitive(api: Api) -> None:
    assert api.data(EMPLOYEES, {"email": "Ciara.Byrne@demo.example"}) == []


def test_email_filter_unknown_is_empty_list(api: Api) -> None:
    body = api.get(EMPLOYEES, {"email": "nobody@demo.example"}).json()
    assert body["data"] == []
    assert body["metadata"]["total_elements"] == 0


def test_updated_since_ignores_email(api: Api) -> None:
    params = {"updated_since": "2000-01-01", "email": "ciara.byrne@demo.example"}
    assert len(api.data(EMPLOYEES, params)) == 64


def test_updated_since_ignores_limit_and_offset(api: Api) -> None:
    params = {"updated_since": "2000-01-01T00:00:00", "limit": 5, "offset": 10}
    assert len(api.data(EMPLOYEES, params)) == 64


def test_updated_since_selects_later_changes(api: Api) -> None:
    data = api.data(EMPLOYEES, {"updated_since": "2026-01-20"})
    ids = {attribute(item, "id") for item in data}
    assert {6, 7, 8} <= ids
    assert 1 not in ids


def test_updated_since_invalid_gets_400(api: Api) -> None:
    assert api.get(EMPLOYEES, {"updated_since": "yesterday"}).status_code == 400


def test_attributes_projection_returns_only_those(api: Api) -> None:
    params = [("attributes[]", "first_name"), ("attributes[]", "email"), ("limit", 1)]
    item = api.data(EMPLOYEES, params)[0]
    assert set(item["attributes"]) == {"id", "first_name", "email"}


def test_attributes_projection_respects_whitelist(narrow_api: Api) -> None:
    params = [("attributes[]", "work_schedule"), ("limit", 1)]
    item = narrow_api.data(EMPLOYEES, params)[0]
    assert set(item["attributes"]) == {"id"}


def test_employee_by_id(api: Api) -> None:
    item = api.data(f"{EMPLOYEES}/2")
    assert item["type"] == "Employee"
    assert attribute(item, "email") == "ciara.byrne@demo.example"


def test_employee_unknown_gets_german_404(api: Api) -> None:
    response = api.get(f"{EMPLOYEES}/9999")
    assert response.status_code == 404
    assert response.json() == {
        "success": False,
        "error": {"code": 404, "message": "Es ist ein Problem aufgetreten "},
    }


def test_employee_non_numeric_id_gets_404(api: Api) -> None:
    assert api.get(f"{EMPLOYEES}/abc").status_code == 404


def test_attributes_are_wrapped(api: Api) -> None:
    wrapped = api.data(f"{EMPLOYEES}/1")["attributes"]["first_name"]
    assert wrapped == {
        "label": "First name",
        "value": "Anna",
        "type": "standard",
        "universal_id": "first_name",
    }


def test_weekly_working_hours_is_a_string(api: Api) -> None:
    assert attribute(api.data(f"{EMPLOYEES}/2"), "weekly_working_hours") == "37.5"


def test_hire_date_has_colon_offset(api: Api) -> None:
    hire = attribute(api.data(f"{EMPLOYEES}/1"), "hire_date")
    assert hire == "2019-04-01T00:00:00+02:00"


def test_ciara_holiday_calendar(api: Api) -> None:
    calendar = attribute(api.data(f"{EMPLOYEES}/2"), "holiday_calendar")
    assert calendar == {
        "type": "HolidayCalendar",
        "attributes": {
            "id": 23,
            "name": "United Kingdom (Northern Ireland) Bank Holidays",
            "country": "GB",
            "state": "Northern Ireland",
        },
    }


def test_anna_holiday_calendar_name(api: Api) -> None:
    calendar = attribute(api.data(f"{EMPLOYEES}/1"), "holiday_calendar")
    assert calendar["attributes"]["name"] == "Deutschland (Bayern) Feiertage"


def test_ciara_work_schedule_days(api: Api) -> None:
    schedule = attribute(api.data(f"{EMPLOYEES}/2"), "work_schedule")
    days = schedule["attributes"]
    assert schedule["type"] == "WorkSchedule"
    assert [days[d] for d in ("monday", "friday", "saturday")] == [
        "07:30",
        "07:30",
        "00:00",
    ]


def test_jonas_four_day_schedule(api: Api) -> None:
    days = attribute(api.data(f"{EMPLOYEES}/3"), "work_schedule")["attributes"]
    assert days["thursday"] == "08:00"
    assert days["friday"] == "00:00"


def test_markus_has_no_work_schedule_attribute(api: Api) -> None:
    attributes = api.data(f"{EMPLOYEES}/5")["attributes"]
    assert "work_schedule" not in attributes
    assert attributes["weekly_working_hours"]["value"] == "30"


def test_fiona_work_schedule_is_empty_string(api: Api) -> None:
    assert attribute(api.data(f"{EMPLOYEES}/6"), "work_schedule") == ""


def test_tobias_is_terminated(api: Api) -> None:
    item = api.data(f"{EMPLOYEES}/7")
    assert attribute(item, "status") == "inactive"
    assert attribute(item, "termination_date").startswith("2026-02-28T00:00:00")


def test_oliver_hired_mid_2026(api: Api) -> None:
    item = api.data(f"{EMPLOYEES}/8")
    assert attribute(item, "status") == "onboarding"
    assert attribute(item, "hire_date").startswith("2026-07-01")


def test_supervisor_is_nested_employee(api: Api) -> None:
    supervisor = attribute(api.data(f"{EMPLOYEES}/3"), "supervisor")
    assert supervisor["type"] == "Employee"
    assert supervisor["attributes"]["id"]["value"] == 1


def test_department_is_typed_unit(api: Api) -> None:
    department = attribute(api.data(f"{EMPLOYEES}/1"), "department")
    assert department["type"] == "Department"
    assert set(department["attributes"]) == {"id", "name"}


def test_tags_attribute_is_json_string(api: Api) -> None:
    tags = attribute(api.data(f"{EMPLOYEES}/1"), "dynamic_33401")
    assert json.loads(tags) == ["English", "German"]


def test_custom_attribute_universal_id(api: Api) -> None:
    iban = api.data(f"{EMPLOYEES}/1")["attributes"]["dynamic_21827"]
    assert iban["universal_id"] == "iban"


def test_salary_carries_currency(api: Api) -> None:
    salary = api.data(f"{EMPLOYEES}/1")["attributes"]["fix_salary"]
    assert salary["currency"] == "EUR"


def test_absence_entitlement_lists_vacation(api: Api) -> None:
    entitlement = attribute(api.data(f"{EMPLOYEES}/2"), "absence_entitlement")
    assert entitlement[0]["attributes"]["entitlement"] == 25


def test_attribute_list_has_tags_options(api: Api) -> None:
    items = api.data("/v1/company/employees/attributes")
    tags = next(item for item in items if item["key"] == "dynamic_33401")
    assert tags["type"] == "tags"
    assert "German" in tags["options"]


def test_generated_emails_are_unique(api: Api) -> None:
    data = api.data(EMPLOYEES, {"limit": 100, "offset": 0})
    emails = [attribute(item, "email") for item in data]
    assert len(set(emails)) == len(emails)


def test_generated_emails_are_ascii(api: Api) -> None:
    data = api.data(EMPLOYEES, {"limit": 100, "offset": 0})
    pattern = re.compile(r"[a-z0-9.]+@demo\.example")
    assert all(pattern.fullmatch(attribute(item, "email")) for item in data)
