"""Public holidays for an employee's Personio holiday calendar.

Personio returns no public holidays from its absence endpoints. Each employee has a
``holiday_calendar`` attribute (name, country, state) that names the calendar but
lists no dates, so the dates come from the optional `holidays` package
(``pip install personio-sdk[holidays]``), looked up for the calendar's country and
state:

* The country is an ISO 3166-1 code (``DE``, ``AT``, ``CH``, ``GB``, or ``UK`` for
  ``GB``), a country name in German or English, or a UK nation (``England``).
* The state is matched in German, English and native spellings, with or without
  umlauts (``Bayern``, ``Bavaria``, ``Baden-Wuerttemberg``), as a package code
  (``BY``, ``DE-BY``), or through the package's own aliases for other countries.
  When the state is missing, it is read from the calendar name, for example
  ``"Deutschland (Bayern) Feiertage"``.
* Only statewide holidays are returned by default. ``include_regional=True`` adds
  those that hold only in parts of a state (the package's ``catholic`` category in
  Germany, such as 15 August in most of Bavaria) and the Augsburg peace festival
  (8 August) when the calendar names Augsburg.
* ``december_half_days=True`` adds 24 and 31 December as half-day holidays, a
  common company rule in Germany and not a law.

Nothing here raises for a calendar it cannot use. Instead the lookup's note names
the calendar and what to do:

* without the package, for an unknown country, or for a state of Germany, Austria,
  Switzerland or the UK that matches none of their states, there are no dates;
* for a calendar that names no single state, or a state the package does not know
  in another country, there are the nationwide dates only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from personio_sdk._holiday_regions import (
    COUNTRY_NAMES,
    NATION_COUNTRIES,
    SUBDIVISION_NAMES,
    normalize,
)

if TYPE_CHECKING:
    from personio_sdk.models.employees import HolidayCalendar

__all__ = ["HolidayLookup", "december_half_day_dates", "public_holidays"]

_T = TypeVar("_T")

# Categories of holidays that apply only in parts of a subdivision, per country.
REGIONAL_CATEGORIES: dict[str, tuple[str, ...]] = {"DE": ("catholic",)}

# Cities that the package models as a subdivision of their own: normalized name ->
# (package subdivision, the state it lies in).
CITY_SUBDIVISIONS: dict[str, dict[str, tuple[str, str]]] = {
    "DE": {"augsburg": ("Augsburg", "BY")},
}

# The calendar notes reach CLI users too, so the hint names the Python call.
_WHAT_TO_DO = "pass the dates yourself as client.calendar(..., holidays={date: name})"
_ISO_PREFIX = re.compile(r"^[a-z]{2} ")


@dataclass(frozen=True)
class HolidayLookup:
    """Public holidays found for a holiday calendar within a date range.

    `dates` maps each full-day holiday to its name. `half_day_dates` maps the days
    that are holidays for half of the scheduled hours (24 and 31 December when
    asked for). `note` explains why dates are missing or incomplete, or is None.
    """

    dates: dict[date, str] = field(default_factory=dict)
    note: str | None = None
    half_day_dates: dict[date, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Region:
    country: str | None = None
    subdivision: str | None = None
    problem: str | None = None


def december_half_day_dates(start: date, end: date) -> dict[date, str]:
    """Return 24 and 31 December of every year from `start` to `end`, inclusive."""
    found: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in (
            (date(year, 12, 24), "Christmas Eve (half day)"),
            (date(year, 12, 31), "New Year's Eve (half day)"),
        ):
            if start <= day <= end:
                found[day] = name
    return found


def public_holidays(
    calendar: HolidayCalendar | None,
    start: date,
    end: date,
    *,
    include_regional: bool = False,
    december_half_days: bool = False,
) -> HolidayLookup:
    """Look up the public holidays of `calendar` from `start` to `end`, inclusive.

    Uses the optional `holidays` package. The lookup has no dates and a note when
    the package is not installed, when `calendar` is None, or when its country or
    state cannot be mapped. It has the nationwide holidays and a note when the
    calendar names no state. With `december_half_days`, 24 and 31 December are added
    to `half_day_dates` unless they are full holidays, with or without the package.
    The module docstring describes the matching rules.

    Raises:
        ValueError: `end` is before `start`.
    """
    if end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    half_days = december_half_day_dates(start, end) if december_half_days else {}
    if calendar is None:
        note = (
            "Public holidays are not marked: the employee has no holiday calendar "
            "(the API credential may lack read access to the holiday_calendar "
            f"attribute); {_WHAT_TO_DO}."
        )
        return HolidayLookup(note=note, half_day_dates=half_days)
    label = _describe(calendar)
    try:
        # An optional extra, so it is imported here and only when needed.
        import holidays
    except ImportError:
        note = (
            f"Public holidays are not marked for holiday calendar {label}: the "
            "optional 'holidays' package is not installed. Install "
            f"personio-sdk[holidays], or {_WHAT_TO_DO}."
        )
        return HolidayLookup(note=note, half_day_dates=half_days)

    region = _resolve(holidays, calendar, label, include_regional=include_regional)
    if region.country is None:
        return HolidayLookup(note=region.problem, half_day_dates=half_days)
    dates = _fetch(holidays, region, start, end, include_regional=include_regional)
    for day in dates:
        half_days.pop(day, None)
    return HolidayLookup(dates=dates, note=region.problem, half_day_dates=half_days)


def _describe(calendar: HolidayCalendar) -> str:
    name = calendar.name or "(no name)"
    country = calendar.country or "no country"
    return f"'{name}' ({country})"


def _fetch(
    holidays: Any, region: _Region, start: date, end: date, *, include_regional: bool
) -> dict[date, str]:
    """Return the package's holidays for `region` within `start`..`end`."""
    country = region.country
    probe = holidays.country_holidays(country)
    requested = ["public"]
    if include_regional:
        requested.extend(REGIONAL_CATEGORIES.get(country or "", ()))
    categories = tuple(c for c in requested if c in probe.supported_categories)
    # English names whatever the process locale is, where the package has them.
    language = "en_US" if "en_US" in probe.supported_languages else None
    found = holidays.country_holidays(
        country,
        subdiv=region.subdivision,
        years=range(start.year, end.year + 1),
        categories=categories,
        language=language,
    )
    return {
        day: str(name) for day, name in sorted(found.items()) if start <= day <= end
    }


def _resolve(
    holidays: Any, calendar: HolidayCalendar, label: str, *, include_regional: bool
) -> _Region:
    """Map the calendar's country and state to package codes, or explain why not."""
    supported: dict[str, Any] = holidays.list_supported_countries()
    name = normalize(calendar.name or "")
    country, subdivision = _country_code(calendar.country, supported)
    if country is None and not calendar.country:
        country, subdivision = _country_from_name(name, supported)
    if country is None:
        return _Region(
            problem=_not_marked(label, "the 'holidays' package has no such country")
        )
    probe = holidays.country_holidays(country)
    codes = {str(code) for code in probe.subdivisions}
    if not codes:
        # The package has one set of holidays for the whole country.
        return _Region(country=country)

    aliases = _aliases(country, probe)
    state = calendar.state
    if subdivision is None and state:
        subdivision = _from_state(normalize(state), codes, aliases)
    if subdivision is None:
        subdivision = _search(name, _name_keys(country, aliases))

    if subdivision is None and state and country in SUBDIVISION_NAMES:
        # Every state of these countries is in our table, so an unknown one means
        # the calendar is not what it seems, and nationwide dates could mislead.
        reason = f"its state '{state}' matches no subdivision of the 'holidays' package"
        return _Region(problem=_not_marked(label, reason))
    if subdivision is None:
        reason = (
            f"its state '{state}' matches no subdivision of the 'holidays' package"
            if state
            else "it names no single state"
        )
        note = (
            f"Only nationwide public holidays are marked for holiday calendar {label}: "
            f"{reason}, so regional holidays are missing; {_WHAT_TO_DO}."
        )
        return _Region(country=country, problem=note)

    if include_regional:
        subdivision = _city(
            country, subdivision, f"{normalize(state or '')} {name}", codes
        )
    if subdivision not in codes:
        reason = f"the installed 'holidays' package lacks subdivision '{subdivision}'"
        return _Region(problem=_not_marked(label, reason))
    return _Region(country=country, subdivision=subdivision)


def _not_marked(label: str, reason: str) -> str:
    return (
        f"Public holidays are not marked for holiday calendar {label}: {reason}; "
        f"{_WHAT_TO_DO}."
    )


def _country_code(
    value: str | None, supported: dict[str, Any]
) -> tuple[str | None, str | None]:
    """Map a country field to (ISO code, UK nation or None); (None, None) if unknown."""
    if not value or not value.strip():
        return None, None
    code = value.strip().upper()
    if code == "UK":
        code = "GB"
    if code in supported:
        return code, None
    key = normalize(value)
    if key in NATION_COUNTRIES:
        return NATION_COUNTRIES[key]
    return COUNTRY_NAMES.get(key), None


def _country_from_name(
    name: str, supported: dict[str, Any]
) -> tuple[str | None, str | None]:
    """Read the country from a calendar name, or failing that a state it names."""
    country = _search(name, COUNTRY_NAMES)
    if country is not None:
        return country, None
    by_state: dict[str, tuple[str, str]] = dict(NATION_COUNTRIES)
    for country_code, table in SUBDIVISION_NAMES.items():
        for key, code in table.items():
            by_state.setdefault(key, (country_code, code))
    match = _search(name, by_state)
    if match is None or match[0] not in supported:
        return None, None
    return match


def _aliases(country: str, probe: Any) -> dict[str, str]:
    """Map normalized state names to codes: the package's aliases, then ours."""
    aliases = {
        normalize(str(alias)): str(code)
        for alias, code in getattr(probe, "subdivisions_aliases", {}).items()
    }
    aliases.update(SUBDIVISION_NAMES.get(country, {}))
    for key, (_city_code, parent) in CITY_SUBDIVISIONS.get(country, {}).items():
        aliases[key] = parent
    return aliases


def _name_keys(country: str, aliases: dict[str, str]) -> dict[str, str]:
    """Keep the aliases safe to look for inside a calendar name.

    The package abbreviates some states to one or two letters (Austria's ``W`` for
    Wien), which would match stray words of a name, so only our own table and
    aliases of four or more letters are used there.
    """
    ours = SUBDIVISION_NAMES.get(country, {})
    return {key: code for key, code in aliases.items() if key in ours or len(key) >= 4}


def _from_state(key: str, codes: set[str], aliases: dict[str, str]) -> str | None:
    """Match a state field: a name, a package code, or a code like ``DE-BY``."""
    if key in aliases:
        return aliases[key]
    for candidate in (key, _ISO_PREFIX.sub("", key)):
        for code in codes:
            if candidate == code.casefold():
                return code
    return None


def _search(text: str, table: Mapping[str, _T]) -> _T | None:
    """Return the one value whose key occurs in `text` as whole words, else None.

    Longer keys are matched first and blanked out, so that ``sachsen anhalt`` is not
    also read as ``sachsen``. A text that names two different values returns None.
    """
    padded = f" {text} "
    found: list[_T] = []
    for key in sorted(table, key=len, reverse=True):
        if key and f" {key} " in padded:
            if table[key] not in found:
                found.append(table[key])
            padded = padded.replace(f" {key} ", " ~ ")
    return found[0] if len(found) == 1 else None


def _city(country: str, subdivision: str, text: str, codes: set[str]) -> str:
    """Switch to a city's own subdivision when the calendar names that city."""
    padded = f" {text.strip()} "
    for key, (city, parent) in CITY_SUBDIVISIONS.get(country, {}).items():
        if parent == subdivision and city in codes and f" {key} " in padded:
            return city
    return subdivision
