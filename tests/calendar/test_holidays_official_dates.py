"""Public holidays of whole years against the statutory lists, written out by hand.

The lists are those of the Bavarian Feiertagsgesetz (Art. 1), the Berlin
Feiertagsgesetz (§ 1, with 8 March since 2019), the Austrian Arbeitsruhegesetz (§ 7)
and the bank holidays of England and Wales for 2026. Easter Sunday is 5 April in 2026
and 1 April in 2018, and the movable feasts are counted from it.
"""

from __future__ import annotations

from datetime import date

import pytest

from personio_sdk._holidays import public_holidays
from personio_sdk.models.employees import HolidayCalendar

pytest.importorskip("holidays")

YEAR_2026 = (date(2026, 1, 1), date(2026, 12, 31))

BAVARIA_2026 = {
    date(2026, 1, 1),  # Neujahr
    date(2026, 1, 6),  # Heilige Drei Könige
    date(2026, 4, 3),  # Karfreitag, Easter - 2
    date(2026, 4, 6),  # Ostermontag, Easter + 1
    date(2026, 5, 1),  # Tag der Arbeit
    date(2026, 5, 14),  # Christi Himmelfahrt, Easter + 39
    date(2026, 5, 25),  # Pfingstmontag, Easter + 50
    date(2026, 6, 4),  # Fronleichnam, Easter + 60
    date(2026, 10, 3),  # Tag der Deutschen Einheit
    date(2026, 11, 1),  # Allerheiligen
    date(2026, 12, 25),  # 1. Weihnachtstag
    date(2026, 12, 26),  # 2. Weihnachtstag
}

BERLIN_2026 = {
    date(2026, 1, 1),
    date(2026, 3, 8),  # Internationaler Frauentag, a Sunday in 2026
    date(2026, 4, 3),
    date(2026, 4, 6),
    date(2026, 5, 1),
    date(2026, 5, 14),
    date(2026, 5, 25),
    date(2026, 10, 3),
    date(2026, 12, 25),
    date(2026, 12, 26),
}

BERLIN_2018 = {
    date(2018, 1, 1),
    date(2018, 3, 30),  # Karfreitag, Easter 1 April - 2
    date(2018, 4, 2),  # Ostermontag
    date(2018, 5, 1),
    date(2018, 5, 10),  # Christi Himmelfahrt, Easter + 39
    date(2018, 5, 21),  # Pfingstmontag, Easter + 50
    date(2018, 10, 3),
    date(2018, 12, 25),
    date(2018, 12, 26),
}

VIENNA_2026 = {
    date(2026, 1, 1),  # Neujahr
    date(2026, 1, 6),  # Heilige Drei Könige
    date(2026, 4, 6),  # Ostermontag
    date(2026, 5, 1),  # Staatsfeiertag
    date(2026, 5, 14),  # Christi Himmelfahrt
    date(2026, 5, 25),  # Pfingstmontag
    date(2026, 6, 4),  # Fronleichnam
    date(2026, 8, 15),  # Mariä Himmelfahrt
    date(2026, 10, 26),  # Nationalfeiertag
    date(2026, 11, 1),  # Allerheiligen
    date(2026, 12, 8),  # Mariä Empfängnis
    date(2026, 12, 25),  # Christtag
    date(2026, 12, 26),  # Stefanitag
}
# The Arbeitsruhegesetz also names Easter Sunday and Whit Sunday, which are Sundays
# anyway; the package may or may not list them.
VIENNA_SUNDAYS_2026 = {date(2026, 4, 5), date(2026, 5, 24)}

ENGLAND_2026_BANK_HOLIDAYS = {
    date(2026, 1, 1),  # New Year's Day
    date(2026, 4, 3),  # Good Friday
    date(2026, 4, 6),  # Easter Monday
    date(2026, 5, 4),  # Early May bank holiday
    date(2026, 5, 25),  # Spring bank holiday
    date(2026, 8, 31),  # Summer bank holiday
    date(2026, 12, 25),  # Christmas Day
    date(2026, 12, 28),  # Boxing Day (substitute day)
}
BOXING_DAY_2026 = date(2026, 12, 26)  # a Saturday, replaced by the 28th


def bavaria() -> HolidayCalendar:
    return HolidayCalendar(
        id=1, name="Deutschland (Bayern) Feiertage", country="DE", state="Bayern"
    )


def test_bavaria_2026_is_the_official_list() -> None:
    lookup = public_holidays(bavaria(), *YEAR_2026)
    assert set(lookup.dates) == BAVARIA_2026


def test_bavaria_2026_has_no_note() -> None:
    assert public_holidays(bavaria(), *YEAR_2026).note is None


def test_bavaria_epiphany_and_corpus_christi() -> None:
    dates = public_holidays(bavaria(), *YEAR_2026).dates
    assert date(2026, 1, 6) in dates
    assert date(2026, 6, 4) in dates


def test_bavaria_reformation_day_is_no_holiday() -> None:
    assert date(2026, 10, 31) not in public_holidays(bavaria(), *YEAR_2026).dates


def test_bavaria_assumption_day_only_as_regional() -> None:
    assumption = date(2026, 8, 15)
    assert assumption not in public_holidays(bavaria(), *YEAR_2026).dates
    regional = public_holidays(bavaria(), *YEAR_2026, include_regional=True)
    assert set(regional.dates) == BAVARIA_2026 | {assumption}


def test_augsburg_peace_festival_needs_regional_and_the_city() -> None:
    peace_festival = date(2026, 8, 8)
    augsburg = HolidayCalendar(name="Feiertage Augsburg", country="DE", state="Bayern")
    assert peace_festival not in public_holidays(augsburg, *YEAR_2026).dates
    assert (
        peace_festival
        not in public_holidays(bavaria(), *YEAR_2026, include_regional=True).dates
    )
    regional = public_holidays(augsburg, *YEAR_2026, include_regional=True)
    assert peace_festival in regional.dates


def test_berlin_2026_includes_womens_day() -> None:
    berlin = HolidayCalendar(
        name="Deutschland (Berlin) Feiertage", country="DE", state="Berlin"
    )
    assert set(public_holidays(berlin, *YEAR_2026).dates) == BERLIN_2026


def test_berlin_2018_has_no_womens_day() -> None:
    berlin = HolidayCalendar(name="Berlin", country="DE", state="Berlin")
    lookup = public_holidays(berlin, date(2018, 1, 1), date(2018, 12, 31))
    assert set(lookup.dates) == BERLIN_2018


def test_berlin_womens_day_from_2019() -> None:
    berlin = HolidayCalendar(name="Berlin", country="DE", state="Berlin")
    lookup = public_holidays(berlin, date(2019, 3, 1), date(2019, 3, 31))
    assert set(lookup.dates) == {date(2019, 3, 8)}


def test_vienna_2026_is_the_official_list() -> None:
    vienna = HolidayCalendar(name="Österreich (Wien)", country="AT", state="Wien")
    found = set(public_holidays(vienna, *YEAR_2026).dates)
    assert found >= VIENNA_2026
    assert found - VIENNA_2026 <= VIENNA_SUNDAYS_2026


def test_england_2026_weekdays_are_the_bank_holidays() -> None:
    england = HolidayCalendar(name="UK (England)", country="GB", state="England")
    found = set(public_holidays(england, *YEAR_2026).dates)
    assert {day for day in found if day.weekday() < 5} == ENGLAND_2026_BANK_HOLIDAYS
    assert found - ENGLAND_2026_BANK_HOLIDAYS <= {BOXING_DAY_2026}


def test_lookup_keeps_only_dates_in_range() -> None:
    lookup = public_holidays(bavaria(), date(2026, 5, 2), date(2026, 6, 4))
    # Ascension Day, Whit Monday and Corpus Christi; 1 May lies before the range.
    assert set(lookup.dates) == {date(2026, 5, 14), date(2026, 5, 25), date(2026, 6, 4)}


def test_lookup_spans_years() -> None:
    lookup = public_holidays(bavaria(), date(2026, 12, 20), date(2027, 1, 10))
    christmas = {date(2026, 12, 25), date(2026, 12, 26)}
    new_year = {date(2027, 1, 1), date(2027, 1, 6)}
    assert set(lookup.dates) == christmas | new_year


def test_lookup_names_the_holidays() -> None:
    dates = public_holidays(bavaria(), date(2026, 12, 25), date(2026, 12, 25)).dates
    assert dates[date(2026, 12, 25)] == "Christmas Day"
