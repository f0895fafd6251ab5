"""Property tests over payload shapes: dates, offsets, flags and durations."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from personio_sdk.models import Absence, WorkSchedule

OFFSETS = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
    lambda minutes: (
        f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
    )
)


def colon(offset: str) -> str:
    return f"{offset[:3]}:{offset[3:]}"


def time_off(start: str, end: str, flag: object) -> dict[str, object]:
    return {
        "attributes": {
            "id": 1,
            "status": "approved",
            "start_date": start,
            "end_date": end,
            "days_count": 1,
            "half_day_start": flag,
            "half_day_end": flag,
            "time_off_type": {"attributes": {"id": 1, "name": "Urlaub"}},
            "employee": {"attributes": {"id": {"label": "id", "value": 1}}},
        }
    }


@given(
    day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    offset=OFFSETS,
    with_colon=st.booleans(),
)
def test_date_is_as_written_for_any_offset(
    day: date, offset: str, with_colon: bool
) -> None:
    written = f"{day.isoformat()}T00:00:00{colon(offset) if with_colon else offset}"
    absence = Absence.from_time_off(time_off(written, written, 0))
    assert absence.start_date == day
    assert absence.end_date == day


@given(flag=st.sampled_from([0, 1, "0", "1", True, False, "true", "false"]))
def test_half_day_flags_always_bool(flag: object) -> None:
    absence = Absence.from_time_off(time_off("2026-03-02", "2026-03-02", flag))
    assert isinstance(absence.half_day_start, bool)
    assert absence.half_day_start is (flag in (1, "1", True, "true"))


@given(minutes=st.integers(min_value=0, max_value=24 * 60))
def test_clock_and_iso_duration_agree(minutes: int) -> None:
    clock = f"{minutes // 60:02d}:{minutes % 60:02d}"
    iso = f"PT{minutes * 60}S"
    days = ("monday", "tuesday")
    schedule = WorkSchedule.from_api(
        {"attributes": dict(zip(days, (clock, iso), strict=True))}
    )
    assert schedule is not None
    assert schedule.monday == schedule.tuesday == timedelta(minutes=minutes)
    assert schedule.hours(0) == Decimal(minutes) / Decimal(60)
