"""Public holidays, daylight saving time and Personio's date spellings for the sandbox.

The sandbox needs public holidays only to count `days_count` the way Personio does (a
public holiday inside a vacation is not a vacation day). It has its own small table for
the regions of the demo company, so that it depends on nothing outside the standard
library and stays independent of the client's holiday source.
"""

from __future__ import annotations

import bisect
import datetime as dt
import time
from dataclasses import dataclass
from functools import lru_cache

# Europe/Berlin is the demo company's time zone: Personio writes day-based dates as
# midnight in the account's zone, so every time-off date carries +0100 or +0200.
COMPANY_TIMEZONE = "Europe/Berlin"


@dataclass(frozen=True)
class HolidayCalendar:
    """One Personio holiday calendar: the value of the `holiday_calendar` attribute."""

    id: int
    name: str
    country: str
    state: str
    timezone: str


def easter_sunday(year: int) -> dt.date:
    """Return Easter Sunday of `year` (Gregorian calendar, anonymous algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _last_weekday(year: int, month: int, weekday: int) -> dt.date:
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    last = first_next - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _substitute(days: list[dt.date]) -> list[dt.date]:
    """Move UK bank holidays that fall on a weekend to the next free weekday."""
    taken: set[dt.date] = set()
    moved = []
    for day in sorted(days):
        candidate = day
        while candidate.weekday() >= 5 or candidate in taken:
            candidate += dt.timedelta(days=1)
        taken.add(candidate)
        moved.append(candidate)
    return moved


def _german(year: int, state: str) -> set[dt.date]:
    easter = easter_sunday(year)
    days = {
        dt.date(year, 1, 1),
        easter - dt.timedelta(days=2),
        easter + dt.timedelta(days=1),
        dt.date(year, 5, 1),
        easter + dt.timedelta(days=39),
        easter + dt.timedelta(days=50),
        dt.date(year, 10, 3),
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }
    corpus_christi = easter + dt.timedelta(days=60)
    if state in ("Bayern", "Baden-Württemberg"):
        days |= {dt.date(year, 1, 6), corpus_christi, dt.date(year, 11, 1)}
    if state == "Bayern":
        days.add(dt.date(year, 8, 15))
    if state == "Nordrhein-Westfalen":
        days |= {corpus_christi, dt.date(year, 11, 1)}
    if state == "Berlin":
        days.add(dt.date(year, 3, 8))
    if state == "Hamburg":
        days.add(dt.date(year, 10, 31))
    return days


def _austrian(year: int) -> set[dt.date]:
    easter = easter_sunday(year)
    fixed = [(1, 1), (1, 6), (5, 1), (8, 15), (10, 26), (11, 1), (12, 8), (12, 25)]
    days = {dt.date(year, month, day) for month, day in fixed}
    days.add(dt.date(year, 12, 26))
    days |= {easter + dt.timedelta(days=n) for n in (1, 39, 50, 60)}
    return days


def _british(year: int, state: str) -> set[dt.date]:
    easter = easter_sunday(year)
    days = {
        easter - dt.timedelta(days=2),
        _weekday_on_or_after(dt.date(year, 5, 1), 0),
        _last_weekday(year, 5, 0),
    }
    if state == "Scotland":
        days.add(_weekday_on_or_after(dt.date(year, 8, 1), 0))
    else:
        days.add(easter + dt.timedelta(days=1))
        days.add(_last_weekday(year, 8, 0))
    new_year = [dt.date(year, 1, 1)]
    if state == "Scotland":
        new_year.append(dt.date(year, 1, 2))
    days |= set(_substitute(new_year))
    days |= set(_substitute([dt.date(year, 12, 25), dt.date(year, 12, 26)]))
    if state == "Scotland":
        days |= set(_substitute([dt.date(year, 11, 30)]))
    if state == "Northern Ireland":
        days |= set(_substitute([dt.date(year, 3, 17)]))
        days |= set(_substitute([dt.date(year, 7, 12)]))
    return days


@lru_cache(maxsize=64)
def public_holidays(calendar: HolidayCalendar, year: int) -> frozenset[dt.date]:
    """Return the public holidays of `calendar` in `year`."""
    if calendar.country == "DE":
        return frozenset(_german(year, calendar.state))
    if calendar.country == "AT":
        return frozenset(_austrian(year))
    return frozenset(_british(year, calendar.state))


def _german_calendar(id_: int, state: str) -> HolidayCalendar:
    return HolidayCalendar(
        id_, f"Deutschland ({state}) Feiertage", "DE", state, "Europe/Berlin"
    )


def _austrian_calendar(id_: int, state: str) -> HolidayCalendar:
    return HolidayCalendar(
        id_, f"Österreich ({state}) Feiertage", "AT", state, "Europe/Vienna"
    )


def _british_calendar(id_: int, state: str) -> HolidayCalendar:
    name = f"United Kingdom ({state}) Bank Holidays"
    return HolidayCalendar(id_, name, "GB", state, "Europe/London")


CALENDARS: dict[str, HolidayCalendar] = {
    "Bayern": _german_calendar(2, "Bayern"),
    "Berlin": _german_calendar(3, "Berlin"),
    "Nordrhein-Westfalen": _german_calendar(4, "Nordrhein-Westfalen"),
    "Baden-Württemberg": _german_calendar(5, "Baden-Württemberg"),
    "Hamburg": _german_calendar(6, "Hamburg"),
    "Wien": _austrian_calendar(11, "Wien"),
    "Tirol": _austrian_calendar(12, "Tirol"),
    "England": _british_calendar(21, "England"),
    "Scotland": _british_calendar(22, "Scotland"),
    "Northern Ireland": _british_calendar(23, "Northern Ireland"),
}


@lru_cache(maxsize=16)
def _summer_time_bounds(year: int) -> tuple[dt.date, dt.date]:
    """Return the EU summer-time switch dates: last Sundays of March and October."""
    return _last_weekday(year, 3, 6), _last_weekday(year, 10, 6)


def base_offset_minutes(timezone: str) -> int:
    """Return the standard-time UTC offset of one of the sandbox's zones, in minutes."""
    return 0 if timezone == "Europe/London" else 60


def midnight_offset_minutes(day: dt.date, timezone: str = COMPANY_TIMEZONE) -> int:
    """Return the UTC offset at local midnight of `day`, in minutes.

    The EU switches at 01:00 UTC, so midnight of the March switch day is still
    standard time and midnight of the October switch day is still summer time.
    """
    start, end = _summer_time_bounds(day.year)
    summer = start < day <= end
    return base_offset_minutes(timezone) + (60 if summer else 0)


def daytime_offset_minutes(day: dt.date, timezone: str) -> int:
    """Return the UTC offset during working hours of `day`, in minutes."""
    start, end = _summer_time_bounds(day.year)
    summer = start <= day < end
    return base_offset_minutes(timezone) + (60 if summer else 0)


def format_offset(minutes: int, *, colon: bool) -> str:
    """Format a UTC offset as `+0100` or, with `colon`, as `+01:00`."""
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}" if colon else f"{sign}{hours:02d}{rest:02d}"


def format_midnight(day: dt.date, *, colon: bool) -> str:
    """Format `day` as Personio writes a date: local midnight with its UTC offset."""
    offset = format_offset(midnight_offset_minutes(day), colon=colon)
    return f"{day.isoformat()}T00:00:00{offset}"


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


@lru_cache(maxsize=1)
def _company_switches() -> list[int]:
    """Unix seconds of every EU summer-time start and end, 2000 to 2040, in order."""
    switches = []
    for year in range(2000, 2041):
        start, end = _summer_time_bounds(year)
        for day in (start, end):
            midnight = dt.datetime.combine(day, dt.time(1, 0), dt.timezone.utc)
            switches.append(int(midnight.timestamp()))
    return switches


_OFFSET_TEXT = {
    (minutes, colon): format_offset(minutes, colon=colon)
    for minutes in (60, 120)
    for colon in (False, True)
}


def format_timestamp(seconds: int, *, colon: bool) -> str:
    """Format Unix `seconds` as local company time with offset (`created_at` style).

    Runs per absence record on every page, so it uses `time.gmtime` and a bisect
    over the summer-time switches instead of datetime arithmetic.
    """
    summer = bisect.bisect_right(_company_switches(), seconds) % 2 == 1
    offset = 120 if summer else 60
    local = time.gmtime(seconds + offset * 60)
    return time.strftime("%Y-%m-%dT%H:%M:%S", local) + _OFFSET_TEXT[offset, colon]


def format_utc(seconds: int) -> str:
    """Format Unix `seconds` as `2026-03-05T08:00:00.000Z`, as hour-based periods do."""
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(seconds))


def unix_seconds(day: dt.date, minutes: int = 0, offset_minutes: int = 0) -> int:
    """Return Unix seconds of `minutes` into `day` at `offset_minutes` east of UTC."""
    days = day.toordinal() - _EPOCH.date().toordinal()
    return days * 86400 + (minutes - offset_minutes) * 60
