"""Absence parsing: day-based time-offs and hour-based absence periods."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

import pytest

from personio_sdk._errors import ResponseValidationError
from personio_sdk.models import (
    Absence,
    AbsenceDay,
    AbsenceKind,
    AbsenceStatus,
    AbsenceType,
    KindOverrides,
    KindResolver,
)


def employee_ref(employee_id: int) -> dict[str, Any]:
    return {
        "type": "Employee",
        "attributes": {
            "id": {
                "label": "id",
                "value": employee_id,
                "type": "integer",
                "universal_id": "id",
            }
        },
    }


def time_off(**attributes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": 9001,
        "status": "approved",
        "start_date": "2026-03-02T00:00:00+0100",
        "end_date": "2026-03-03T00:00:00+0100",
        "days_count": 2,
        "half_day_start": False,
        "half_day_end": False,
        "time_off_type": {
            "type": "TimeOffType",
            "attributes": {"id": 1, "name": "Urlaub", "category": "paid_vacation"},
        },
        "employee": employee_ref(7),
    }
    base.update(attributes)
    return {"type": "TimeOffPeriod", "attributes": base}


def period(**attributes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "0f8c6a8e-0000-4000-8000-000000000001",
        "measurement_unit": "hour",
        "effective_duration": 240,
        "employee": employee_ref(7),
        "absence_type": {
            "type": "AbsenceType",
            "attributes": {
                "id": "5b0c0000-0000-4000-8000-00000000000a",
                "name": "Arzttermin",
                "time_off_type_id": 77,
            },
        },
        "start": "2026-03-10T08:00:00.0Z",
        "end": "2026-03-10T12:00:00.0Z",
        "half_day_start": False,
        "half_day_end": False,
        "status": "approved",
        "timezone": "Europe/Berlin",
        "breakdowns": [{"date": "2026-03-10", "effective_duration": 240}],
    }
    base.update(attributes)
    return {"type": "AbsencePeriod", "attributes": base}


# Day-based examples.


def test_time_offs_list_example(payload: Callable[[str], Any]) -> None:
    [item] = payload("v1-time-offs-list-200")["data"]
    absence = Absence.from_time_off(item)
    assert absence.id == "12345"
    assert absence.employee_id == 4567
    assert absence.status is AbsenceStatus.APPROVED
    assert absence.start_date == date(2017, 12, 27)
    assert absence.end_date == date(2017, 12, 29)
    assert absence.days == Decimal(3)
    assert absence.half_day_start is False
    assert absence.half_day_end is False
    assert absence.unit == "day"
    assert absence.type_id == 54321
    assert absence.type_name == "Vacation"
    assert absence.category == "offsite_work"
    assert absence.hours is None
    assert absence.breakdown == ()
    assert absence.created_at == datetime(2017, 1, 17, 9, 32, 18, tzinfo=timezone.utc)


def test_vacation_in_offsite_work_example(payload: Callable[[str], Any]) -> None:
    [item] = payload("v1-time-offs-list-200")["data"]
    absence = Absence.from_time_off(item)
    assert absence.kind is AbsenceKind.VACATION
    assert absence.counts_as_work is False


def test_time_off_get_example(payload: Callable[[str], Any]) -> None:
    absence = Absence.from_time_off(payload("v1-time-off-get-200")["data"])
    assert absence.id == "12345"
    assert absence.employee_id == 2367
    assert absence.type_id == 45678
    assert absence.days == Decimal(3)
    assert absence.start_date == date(2017, 12, 27)


def test_old_tenant_time_off_example(payload: Callable[[str], Any]) -> None:
    [item] = payload("v1-time-offs-list-200.old-tenant")["data"]
    absence = Absence.from_time_off(item)
    assert absence.id == "17205942"
    assert absence.employee_id == 2116365
    assert absence.start_date == date(1944, 9, 1)
    assert absence.end_date == date(1944, 9, 1)
    assert absence.days == Decimal("0.5")
    assert absence.half_day_start is False
    assert absence.half_day_end is True
    assert absence.kind is AbsenceKind.VACATION
    assert absence.category is None
    assert absence.comment == "marathon starts at noon"
    assert absence.updated_at is None


def test_old_tenant_extra_fields_kept(payload: Callable[[str], Any]) -> None:
    [item] = payload("v1-time-offs-list-200.old-tenant")["data"]
    absence = Absence.from_time_off(item)
    assert absence.model_extra is not None
    assert absence.model_extra["created_by"] == "Alan Turing"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(0, False), (1, True), ("0", False), ("1", True), (True, True), (False, False)],
)
def test_half_day_flags_are_booleans(raw: Any, expected: bool) -> None:
    absence = Absence.from_time_off(time_off(half_day_start=raw, half_day_end=raw))
    assert absence.half_day_start is expected
    assert absence.half_day_end is expected


def test_half_day_bad_value_raises() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Absence.from_time_off(time_off(half_day_start=2), path="/v1/company/time-offs")
    assert caught.value.location == "attributes.half_day_start"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-01-01T00:00:00+0100", date(2026, 1, 1)),
        ("2026-06-01T00:00:00+02:00", date(2026, 6, 1)),
        ("2026-06-01T00:00:00+0200", date(2026, 6, 1)),
        ("2026-06-01", date(2026, 6, 1)),
        ("2026-12-31T00:00:00+14:00", date(2026, 12, 31)),
    ],
)
def test_day_dates_are_not_shifted_through_utc(raw: str, expected: date) -> None:
    absence = Absence.from_time_off(time_off(start_date=raw, end_date=raw))
    assert absence.start_date == expected
    assert absence.end_date == expected


@pytest.mark.parametrize(
    ("raw", "days"), [(0.5, "0.5"), (1.5, "1.5"), ("2.5", "2.5"), (3, "3")]
)
def test_days_count_is_decimal_as_sent(raw: Any, days: str) -> None:
    assert Absence.from_time_off(time_off(days_count=raw)).days == Decimal(days)


def test_days_count_not_recomputed() -> None:
    # A single day with both half-day flags: Personio sends 0.5, which is kept.
    absence = Absence.from_time_off(
        time_off(
            start_date="2025-05-02",
            end_date="2025-05-02",
            days_count=0.5,
            half_day_start=1,
            half_day_end=1,
        )
    )
    assert absence.days == Decimal("0.5")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("approved", AbsenceStatus.APPROVED),
        ("pending", AbsenceStatus.PENDING),
        ("requested", AbsenceStatus.REQUESTED),
        ("rejected", AbsenceStatus.REJECTED),
        ("APPROVED", AbsenceStatus.APPROVED),
        ("cancelled", "cancelled"),
    ],
)
def test_statuses(raw: str, expected: AbsenceStatus | str) -> None:
    assert Absence.from_time_off(time_off(status=raw)).status == expected


def test_missing_status_is_not_approved() -> None:
    absence = Absence.from_time_off(time_off(status=None))
    assert absence.status is None
    assert not absence.is_approved


def test_missing_category_taken_from_types() -> None:
    item = time_off(time_off_type={"attributes": {"id": 3, "name": "Freizeit"}})
    resolver = KindResolver(
        [
            AbsenceType(
                id=3,
                name="Freizeit",
                category="sick_leave",
                kind=AbsenceKind.SICK_LEAVE,
            )
        ]
    )
    absence = Absence.from_time_off(item, resolver)
    assert absence.category == "sick_leave"
    assert absence.kind is AbsenceKind.SICK_LEAVE


def test_time_off_overrides_apply() -> None:
    resolver = KindResolver(overrides=KindOverrides(by_type_id={1: AbsenceKind.OTHER}))
    assert Absence.from_time_off(time_off(), resolver).kind is AbsenceKind.OTHER


def test_time_off_bad_date_hides_value() -> None:
    secret = "2017-12-79T00:00:00+0100"
    with pytest.raises(ResponseValidationError) as caught:
        Absence.from_time_off(
            time_off(end_date=secret), path="/v1/company/time-offs", location="data[0]"
        )
    assert caught.value.location == "data[0].attributes.end_date"
    assert secret not in str(caught.value)


def test_time_off_missing_employee_id() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Absence.from_time_off(time_off(employee={"type": "Employee", "attributes": {}}))
    assert caught.value.location == "attributes.employee.attributes.id"


def test_overlaps_is_inclusive() -> None:
    absence = Absence.from_time_off(time_off())  # 2026-03-02 .. 2026-03-03
    assert absence.overlaps(date(2026, 3, 3), date(2026, 3, 31))
    assert absence.overlaps(date(2026, 2, 1), date(2026, 3, 2))
    assert not absence.overlaps(date(2026, 3, 4), None)
    assert not absence.overlaps(None, date(2026, 3, 1))


# Hour-based examples.


def test_hourly_example(payload: Callable[[str], Any]) -> None:
    [item] = payload("v1-absence-periods-hourly-list-200")["data"]
    absence = Absence.from_absence_period(item)
    assert absence.id == "9bba303f-0fbc-4514-9958-0befa21923fb"
    assert absence.employee_id == 2367
    assert absence.unit == "hour"
    assert absence.hours == Decimal(16)
    assert absence.days is None
    assert absence.type_id == 45678
    assert absence.type_uuid == "9bba303f-0fbc-4514-9958-0befa21923fb"
    assert absence.type_name == "Absence Type Name"
    assert absence.status is AbsenceStatus.APPROVED
    assert absence.half_day_start is True
    assert absence.half_day_end is False
    assert absence.comment == "this is a comment"


def test_hourly_example_local_dates(payload: Callable[[str], Any]) -> None:
    # The example has no time zone: the breakdown's local dates are used, not the
    # UTC date of `start` (2022-05-31).
    [item] = payload("v1-absence-periods-hourly-list-200")["data"]
    absence = Absence.from_absence_period(item)
    assert absence.start_date == date(2022, 6, 1)
    assert absence.end_date == date(2022, 6, 2)
    assert absence.breakdown == (
        AbsenceDay(date=date(2022, 6, 1), hours=Decimal(8)),
        AbsenceDay(date=date(2022, 6, 2), hours=Decimal(8)),
    )


def test_hourly_example_with_zone(payload: Callable[[str], Any]) -> None:
    [item] = payload("v1-absence-periods-hourly-list-200")["data"]
    item["attributes"]["timezone"] = "Europe/Berlin"
    absence = Absence.from_absence_period(item)
    assert absence.start_date == date(2022, 6, 1)
    # Ends 2022-06-03T00:00 local time, which is exclusive.
    assert absence.end_date == date(2022, 6, 2)
    assert absence.starts_at is not None
    assert absence.starts_at.isoformat() == "2022-06-01T00:00:00+02:00"


def test_hourly_kind_from_type_list() -> None:
    types = [
        AbsenceType(
            id=77, name="Arzttermin", category="sick_leave", kind=AbsenceKind.SICK_LEAVE
        )
    ]
    absence = Absence.from_absence_period(period(), KindResolver(types))
    assert absence.category == "sick_leave"
    assert absence.kind is AbsenceKind.SICK_LEAVE


def test_hourly_kind_from_name_without_type() -> None:
    item = period()
    item["attributes"]["absence_type"]["attributes"]["name"] = "Krank (stundenweise)"
    assert Absence.from_absence_period(item).kind is AbsenceKind.SICK_LEAVE


def test_hourly_offsite_type_counts_as_work() -> None:
    types = [
        AbsenceType(
            id=77,
            name="Home office",
            category="offsite_work",
            kind=AbsenceKind.OTHER,
            counts_as_work=True,
        )
    ]
    item = period()
    item["attributes"]["absence_type"]["attributes"]["name"] = "Home office"
    assert Absence.from_absence_period(item, KindResolver(types)).counts_as_work


def test_hourly_types_loaded_lazily() -> None:
    calls: list[int] = []

    def load() -> list[AbsenceType]:
        calls.append(1)
        return []

    resolver = KindResolver(load)
    Absence.from_time_off(time_off(), resolver)
    assert calls == []
    Absence.from_absence_period(period(), resolver)
    Absence.from_absence_period(period(), resolver)
    assert calls == [1]


def test_hours_from_minutes() -> None:
    assert Absence.from_absence_period(period(effective_duration=90)).hours == Decimal(
        "1.5"
    )


def test_late_evening_utc_is_next_local_day() -> None:
    # 23:30 UTC on 9 March is 00:30 on 10 March in Berlin.
    absence = Absence.from_absence_period(
        period(start="2026-03-09T23:30:00Z", end="2026-03-10T02:30:00Z")
    )
    assert absence.start_date == date(2026, 3, 10)
    assert absence.end_date == date(2026, 3, 10)


def test_summer_time_offset_used() -> None:
    # 22:30 UTC on 30 June is 00:30 on 1 July in Berlin (UTC+2 in summer).
    absence = Absence.from_absence_period(
        period(start="2026-06-30T22:30:00Z", end="2026-07-01T01:00:00Z", breakdowns=[])
    )
    assert absence.start_date == date(2026, 7, 1)


def test_zone_other_than_berlin() -> None:
    absence = Absence.from_absence_period(
        period(
            start="2026-03-10T03:00:00Z",
            end="2026-03-10T06:00:00Z",
            timezone="America/New_York",
        )
    )
    # 03:00 UTC is 23:00 the day before in New York.
    assert absence.start_date == date(2026, 3, 9)
    assert absence.timezone == "America/New_York"


def test_end_at_local_midnight_is_exclusive() -> None:
    absence = Absence.from_absence_period(
        period(start="2026-03-09T23:00:00Z", end="2026-03-11T23:00:00Z")
    )
    assert absence.start_date == date(2026, 3, 10)
    assert absence.end_date == date(2026, 3, 11)


def test_open_ended_period_uses_breakdown() -> None:
    absence = Absence.from_absence_period(
        period(
            end=None,
            breakdowns=[
                {"date": "2026-03-10", "effective_duration": 480},
                {"date": "2026-03-11", "effective_duration": 480},
            ],
        )
    )
    assert absence.ends_at is None
    assert absence.end_date == date(2026, 3, 11)


def test_breakdown_hours_per_date() -> None:
    absence = Absence.from_absence_period(
        period(
            breakdowns=[
                {"date": "2026-03-11", "effective_duration": 90},
                {"date": "2026-03-10", "effective_duration": 480},
            ]
        )
    )
    assert absence.breakdown == (
        AbsenceDay(date=date(2026, 3, 10), hours=Decimal(8)),
        AbsenceDay(date=date(2026, 3, 11), hours=Decimal("1.5")),
    )


def test_hours_missing_falls_back_to_breakdown() -> None:
    absence = Absence.from_absence_period(period(effective_duration=None))
    assert absence.hours == Decimal(4)


def test_unknown_zone_is_kept() -> None:
    absence = Absence.from_absence_period(period(timezone="Mars/Olympus"))
    assert absence.timezone == "Mars/Olympus"
    assert absence.start_date == date(2026, 3, 10)


def test_hourly_bad_breakdown_names_location() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Absence.from_absence_period(
            period(breakdowns=[{"date": "2026-03-10", "effective_duration": "lots"}]),
            path="/v1/company/absence-periods",
            location="data[4]",
        )
    assert (
        caught.value.location == "data[4].attributes.breakdowns[0].effective_duration"
    )


def test_hourly_missing_start_raises() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Absence.from_absence_period(period(start=None))
    assert caught.value.location == "attributes.start"


def test_absence_type_example(payload: Callable[[str], Any]) -> None:
    parsed = [
        AbsenceType.from_api(item) for item in payload("v1-time-off-types-200")["data"]
    ]
    assert parsed[0].id == 1234
    assert parsed[0].name == "Paid vacation"
    assert parsed[0].category == "paid_vacation"
    assert parsed[0].unit == "day"
    assert parsed[0].kind is AbsenceKind.VACATION
    assert parsed[0].approval_required is True
    assert parsed[1].unit == "hour"
    assert parsed[1].kind is AbsenceKind.OTHER
    assert parsed[1].counts_as_work is True


def test_absence_type_config_fields_kept(payload: Callable[[str], Any]) -> None:
    items = payload("v1-time-off-types-200.with-config-fields")["data"]
    parsed = [AbsenceType.from_api(item) for item in items]
    assert parsed[0].category is None
    assert parsed[0].kind is AbsenceKind.VACATION
    assert parsed[1].model_extra is not None
    assert parsed[1].model_extra["certification_submission_timeframe"] == 2


def test_absence_type_old_tenant(payload: Callable[[str], Any]) -> None:
    items = payload("v1-time-off-types-200.old-tenant")["data"]
    kinds = [AbsenceType.from_api(item).kind for item in items]
    assert kinds == [AbsenceKind.VACATION, AbsenceKind.VACATION, AbsenceKind.SICK_LEAVE]


def test_absence_type_unknown_category_kept() -> None:
    parsed = AbsenceType.from_api(
        {"attributes": {"id": 5, "name": "Streik", "category": "strike_2030"}}
    )
    assert parsed.category == "strike_2030"
    assert parsed.kind is AbsenceKind.OTHER


def test_absence_type_missing_name_raises() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        AbsenceType.from_api({"attributes": {"id": 5}}, location="data[1]")
    assert caught.value.location == "data[1].attributes.name"


def test_instant_without_offset_is_utc() -> None:
    absence = Absence.from_absence_period(
        period(start="2026-03-09T23:30:00", end="2026-03-10T01:00:00")
    )
    assert absence.start_date == date(2026, 3, 10)


def test_hourly_missing_id_raises() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        Absence.from_absence_period(period(id=None))
    assert caught.value.location == "attributes.id"
