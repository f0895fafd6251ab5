"""Mapping Personio's holiday calendars to countries and states, and the notes."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from personio_sdk._holidays import _resolve, december_half_day_dates, public_holidays
from personio_sdk.models.employees import HolidayCalendar

holidays = pytest.importorskip("holidays")

YEAR_2026 = (date(2026, 1, 1), date(2026, 12, 31))


def region_of(
    country: str | None, state: str | None, name: str | None = "Feiertage"
) -> tuple[str | None, str | None]:
    calendar = HolidayCalendar(name=name, country=country, state=state)
    region = _resolve(holidays, calendar, "label", include_regional=False)
    return region.country, region.subdivision


GERMAN_STATES = [
    ("Baden-Württemberg", "BW"),
    ("Baden-Wuerttemberg", "BW"),
    ("Baden-Wurttemberg", "BW"),
    ("Bayern", "BY"),
    ("Bavaria", "BY"),
    ("Freistaat Bayern", "BY"),
    ("Berlin", "BE"),
    ("Brandenburg", "BB"),
    ("Bremen", "HB"),
    ("Hamburg", "HH"),
    ("Hessen", "HE"),
    ("Hesse", "HE"),
    ("Mecklenburg-Vorpommern", "MV"),
    ("Mecklenburg-Western Pomerania", "MV"),
    ("Niedersachsen", "NI"),
    ("Lower Saxony", "NI"),
    ("Nordrhein-Westfalen", "NW"),
    ("North Rhine-Westphalia", "NW"),
    ("NRW", "NW"),
    ("Rheinland-Pfalz", "RP"),
    ("Rhineland-Palatinate", "RP"),
    ("Saarland", "SL"),
    ("Sachsen", "SN"),
    ("Saxony", "SN"),
    ("Sachsen-Anhalt", "ST"),
    ("Saxony-Anhalt", "ST"),
    ("Schleswig-Holstein", "SH"),
    ("Thüringen", "TH"),
    ("Thueringen", "TH"),
    ("Thuringia", "TH"),
    ("BY", "BY"),
    ("DE-BY", "BY"),
    ("bayern ", "BY"),
]

AUSTRIAN_STATES = [
    ("Burgenland", "1"),
    ("Kärnten", "2"),
    ("Kaernten", "2"),
    ("Carinthia", "2"),
    ("Niederösterreich", "3"),
    ("Lower Austria", "3"),
    ("Oberösterreich", "4"),
    ("Upper Austria", "4"),
    ("Salzburg", "5"),
    ("Steiermark", "6"),
    ("Styria", "6"),
    ("Tirol", "7"),
    ("Tyrol", "7"),
    ("Vorarlberg", "8"),
    ("Wien", "9"),
    ("Vienna", "9"),
    ("AT-9", "9"),
]

UK_NATIONS = [
    ("England", "ENG"),
    ("Scotland", "SCT"),
    ("Wales", "WLS"),
    ("Northern Ireland", "NIR"),
]

SWISS_CANTONS = [
    ("Zürich", "ZH"),
    ("Zurich", "ZH"),
    ("Genève", "GE"),
    ("Genf", "GE"),
    ("Geneva", "GE"),
    ("Bern", "BE"),
    ("St. Gallen", "SG"),
    ("Tessin", "TI"),
    ("Basel-Stadt", "BS"),
]


@pytest.mark.parametrize(("state", "code"), GERMAN_STATES)
def test_german_state_names_map(state: str, code: str) -> None:
    assert region_of("DE", state) == ("DE", code)


@pytest.mark.parametrize(("state", "code"), AUSTRIAN_STATES)
def test_austrian_state_names_map(state: str, code: str) -> None:
    assert region_of("AT", state) == ("AT", code)


@pytest.mark.parametrize(("state", "code"), UK_NATIONS)
def test_uk_nations_map(state: str, code: str) -> None:
    assert region_of("GB", state) == ("GB", code)


@pytest.mark.parametrize(("state", "code"), SWISS_CANTONS)
def test_swiss_cantons_map(state: str, code: str) -> None:
    assert region_of("CH", state) == ("CH", code)


@pytest.mark.parametrize(
    ("country", "expected"),
    [
        ("DE", "DE"),
        ("de", "DE"),
        ("Deutschland", "DE"),
        ("Germany", "DE"),
        ("Österreich", "AT"),
        ("Oesterreich", "AT"),
        ("Schweiz", "CH"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),
    ],
)
def test_country_names_and_codes_map(country: str, expected: str) -> None:
    assert region_of(country, None, name=None)[0] == expected


def test_uk_nation_as_country_sets_the_subdivision() -> None:
    assert region_of("England", None) == ("GB", "ENG")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Deutschland (Bayern) Feiertage", "BY"),
        ("Feiertage Sachsen-Anhalt", "ST"),
        ("Feiertage Sachsen", "SN"),
        ("Niedersachsen Feiertage", "NI"),
        ("Public holidays North Rhine-Westphalia", "NW"),
    ],
)
def test_state_read_from_calendar_name(name: str, code: str) -> None:
    assert region_of("DE", None, name=name) == ("DE", code)


def test_country_and_state_read_from_calendar_name() -> None:
    assert region_of(None, None, name="Deutschland (Bayern) Feiertage") == ("DE", "BY")


def test_state_alone_in_name_gives_country() -> None:
    assert region_of(None, None, name="Feiertage Bayern") == ("DE", "BY")


def test_nation_alone_in_name_gives_country() -> None:
    assert region_of(None, None, name="England bank holidays") == ("GB", "ENG")


def test_country_without_subdivisions_needs_no_state() -> None:
    lookup = public_holidays(HolidayCalendar(name="Sverige", country="SE"), *YEAR_2026)
    assert date(2026, 6, 6) in lookup.dates  # National Day
    assert lookup.note is None


def test_state_field_wins_over_name() -> None:
    assert region_of("DE", "Berlin", name="Deutschland (Bayern) Feiertage") == (
        "DE",
        "BE",
    )


def test_name_with_two_states_is_not_guessed() -> None:
    lookup = public_holidays(
        HolidayCalendar(name="Berlin / Brandenburg", country="DE"), *YEAR_2026
    )
    assert date(2026, 3, 8) not in lookup.dates
    assert lookup.note is not None
    assert "no single state" in lookup.note


def test_missing_package_gives_no_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import holidays` raise ImportError.
    monkeypatch.setitem(sys.modules, "holidays", None)
    calendar = HolidayCalendar(name="Deutschland (Bayern) Feiertage", country="DE")
    lookup = public_holidays(calendar, *YEAR_2026)
    assert lookup.dates == {}
    assert lookup.note is not None
    assert "'Deutschland (Bayern) Feiertage' (DE)" in lookup.note
    assert "personio-sdk[holidays]" in lookup.note
    assert "holidays={date: name}" in lookup.note


def test_missing_calendar_gives_a_note() -> None:
    lookup = public_holidays(None, *YEAR_2026)
    assert lookup.dates == {}
    assert lookup.note is not None
    assert "no holiday calendar" in lookup.note


def test_unknown_country_gives_no_dates() -> None:
    calendar = HolidayCalendar(name="Atlantis holidays", country="Atlantis")
    lookup = public_holidays(calendar, *YEAR_2026)
    assert lookup.dates == {}
    assert lookup.note is not None
    assert "'Atlantis holidays' (Atlantis)" in lookup.note


def test_unknown_german_state_gives_no_dates() -> None:
    calendar = HolidayCalendar(name="Firmenkalender", country="DE", state="Hauptsitz")
    lookup = public_holidays(calendar, *YEAR_2026)
    assert lookup.dates == {}
    assert lookup.note is not None
    assert "'Hauptsitz'" in lookup.note
    assert "'Firmenkalender' (DE)" in lookup.note


def test_missing_state_gives_nationwide_dates_and_a_note() -> None:
    calendar = HolidayCalendar(name="Deutschland", country="DE")
    lookup = public_holidays(calendar, *YEAR_2026)
    # Nationwide: no Epiphany (three states only), but Christmas everywhere.
    assert date(2026, 1, 6) not in lookup.dates
    assert date(2026, 12, 25) in lookup.dates
    assert lookup.note is not None
    assert "Only nationwide" in lookup.note


def test_unknown_state_elsewhere_gives_nationwide_dates() -> None:
    # The package lists subdivisions of France (its overseas departments) but none
    # of its mainland regions. The Netherlands would depend on the package version:
    # holidays 0.109 lists subdivisions for it and 0.107 none.
    calendar = HolidayCalendar(name="Jours fériés", country="FR", state="Île-de-France")
    lookup = public_holidays(calendar, *YEAR_2026)
    assert date(2026, 7, 14) in lookup.dates  # Fête nationale
    assert lookup.note is not None
    assert "'Île-de-France'" in lookup.note


def test_december_half_days_are_off_by_default() -> None:
    assert public_holidays(None, *YEAR_2026).half_day_dates == {}


def test_december_half_days_when_asked() -> None:
    calendar = HolidayCalendar(name="Bayern", country="DE", state="Bayern")
    lookup = public_holidays(calendar, *YEAR_2026, december_half_days=True)
    assert set(lookup.half_day_dates) == {date(2026, 12, 24), date(2026, 12, 31)}
    assert date(2026, 12, 24) not in lookup.dates


def test_december_half_days_without_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "holidays", None)
    calendar = HolidayCalendar(name="Bayern", country="DE", state="Bayern")
    lookup = public_holidays(calendar, *YEAR_2026, december_half_days=True)
    assert set(lookup.half_day_dates) == {date(2026, 12, 24), date(2026, 12, 31)}


def test_december_half_day_dates_stay_in_range() -> None:
    found = december_half_day_dates(date(2025, 12, 25), date(2026, 12, 24))
    assert set(found) == {date(2025, 12, 31), date(2026, 12, 24)}


def test_lookup_rejects_end_before_start() -> None:
    with pytest.raises(ValueError, match="before start"):
        public_holidays(None, date(2026, 2, 1), date(2026, 1, 31))
