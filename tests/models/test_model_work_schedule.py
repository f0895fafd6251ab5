"""Work schedules: day formats, weekly-hours-only schedules, lookups by weekday."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pydantic
import pytest

from personio_sdk.models import WorkSchedule
from personio_sdk.models._parse import FieldError

WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def schedule(*days: Any, weekly_hours: Decimal | None = None) -> WorkSchedule:
    attributes = dict(zip(WEEK, days, strict=True))
    built = WorkSchedule.from_api(
        {"type": "WorkSchedule", "attributes": {"id": 1, "name": "S", **attributes}},
        weekly_hours=weekly_hours,
    )
    assert built is not None
    return built


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("07:30", timedelta(hours=7, minutes=30)),
        ("08:00", timedelta(hours=8)),
        ("00:00", timedelta(0)),
        ("8:15", timedelta(hours=8, minutes=15)),
        ("PT27000S", timedelta(hours=7, minutes=30)),
        ("PT28800S", timedelta(hours=8)),
        ("PT7H30M", timedelta(hours=7, minutes=30)),
        ("PT8H", timedelta(hours=8)),
        ("P0D", timedelta(0)),
        (7.5, timedelta(hours=7, minutes=30)),
        (8, timedelta(hours=8)),
        ("7.5", timedelta(hours=7, minutes=30)),
    ],
)
def test_day_formats(raw: Any, expected: timedelta) -> None:
    assert schedule(raw, *["00:00"] * 6).monday == expected


def test_hhmm_hours() -> None:
    assert schedule("07:30", *["00:00"] * 6).hours(0) == Decimal("7.5")


def test_iso_duration_hours() -> None:
    assert schedule("PT27000S", *["00:00"] * 6).hours(0) == Decimal("7.5")


def test_day_off_is_zero_hours() -> None:
    assert schedule(*["08:00"] * 5, "00:00", "00:00").hours(6) == Decimal(0)


def test_weekly_hours_is_sum_of_days() -> None:
    parsed = schedule(*["07:30"] * 4, "06:00", "00:00", "00:00")
    assert parsed.weekly_hours == Decimal("36")


def test_weekly_hours_from_attribute_wins() -> None:
    parsed = schedule(*["08:00"] * 5, "00:00", "00:00", weekly_hours=Decimal("39"))
    assert parsed.weekly_hours == Decimal("39")


def test_hours_on_uses_weekday() -> None:
    parsed = schedule("08:00", "07:00", "06:00", "05:00", "04:00", "00:00", "00:00")
    # 2026-03-04 is a Wednesday.
    assert parsed.hours_on(date(2026, 3, 4)) == Decimal("6")


def test_hours_rejects_bad_weekday() -> None:
    with pytest.raises(ValueError, match="weekday"):
        schedule(*["08:00"] * 7).hours(7)


def test_weekly_hours_only() -> None:
    parsed = WorkSchedule.from_api("", weekly_hours=Decimal("40"))
    assert parsed is not None
    assert parsed.weekly_hours == Decimal("40")
    assert parsed.hours(0) is None
    assert not parsed.days_known


def test_unknown_day_is_none_not_guessed() -> None:
    attributes = {"monday": "08:00"}
    parsed = WorkSchedule.from_api({"attributes": attributes}, weekly_hours=Decimal(40))
    assert parsed is not None
    assert parsed.tuesday is None
    assert parsed.hours(1) is None


def test_partial_days_give_no_weekly_sum() -> None:
    parsed = WorkSchedule.from_api({"attributes": {"monday": "08:00"}})
    assert parsed is not None
    assert parsed.weekly_hours is None


def test_empty_without_weekly_hours_is_none() -> None:
    assert WorkSchedule.from_api([]) is None


def test_fraction_of_hour_stays_decimal() -> None:
    assert schedule("08:20", *["00:00"] * 6).hours(0) == Decimal(500) / Decimal(60)


@pytest.mark.parametrize("raw", ["eight", "-1", "PT", "25:99", True])
def test_bad_day_raises_field_error(raw: Any) -> None:
    with pytest.raises(FieldError) as caught:
        schedule(raw, *["00:00"] * 6)
    assert caught.value.location == "work_schedule.attributes.monday"


def test_valid_from_and_extra_fields_kept() -> None:
    parsed = WorkSchedule.from_api(
        {"attributes": {"valid_from": "2026-01-01", "monday": "08:00", "extra": 1}}
    )
    assert parsed is not None
    assert parsed.valid_from == date(2026, 1, 1)
    assert parsed.model_extra == {"extra": 1}


def test_unenveloped_bad_day_location() -> None:
    with pytest.raises(FieldError) as caught:
        WorkSchedule.from_api({"monday": "eight"})
    assert caught.value.location == "work_schedule.monday"


def test_weekly_sum_overflow_names_schedule() -> None:
    # Each day fits in a timedelta (about 146 million days), but their sum does not.
    with pytest.raises(FieldError) as caught:
        schedule(*["PT3500000000H"] * 7)
    assert caught.value.location == "work_schedule.attributes"
    assert caught.value.expected == "durations of a day"


def test_weekly_hours_of_other_type_converted() -> None:
    parsed = WorkSchedule.from_api("", weekly_hours=40)  # type: ignore[arg-type]
    assert parsed is not None
    assert type(parsed.weekly_hours) is Decimal
    assert parsed.weekly_hours == Decimal(40)


@pytest.mark.parametrize("hours", [Decimal("Infinity"), Decimal("NaN")])
def test_non_finite_weekly_hours_rejected(hours: Decimal) -> None:
    with pytest.raises(pydantic.ValidationError):
        WorkSchedule.from_api({"attributes": {"monday": "08:00"}}, weekly_hours=hours)


class NightSchedule(WorkSchedule):
    shift: str | None = None


def test_subclass_builds_its_own_fields() -> None:
    parsed = NightSchedule.from_api(
        {"attributes": {"monday": "08:00", "shift": "night"}}
    )
    assert isinstance(parsed, NightSchedule)
    assert parsed.shift == "night"
    assert parsed.monday == timedelta(hours=8)
