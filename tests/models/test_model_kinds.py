"""The kind rules: categories, English and German names, overrides, off-site work."""

from __future__ import annotations

import pytest

from personio_sdk.models.kinds import (
    CATEGORY_KINDS,
    AbsenceKind,
    KindOverrides,
    classify,
    counts_as_work,
    is_offsite_work,
    is_paid_vacation,
)

V = AbsenceKind.VACATION
S = AbsenceKind.SICK_LEAVE
H = AbsenceKind.PUBLIC_HOLIDAY
P = AbsenceKind.PERSONAL_TIME_OFF
O = AbsenceKind.OTHER  # noqa: E741

# Type names without a specific category: the word rules decide.
NAMES = [
    ("Urlaub", V),
    ("Jahresurlaub", V),
    ("Resturlaub", V),
    ("Urlaubstag", V),
    ("Unbezahlter Urlaub", V),
    ("Sonderurlaub", P),
    ("Sonderurlaub Hochzeit", P),
    ("Bildungsurlaub", P),
    ("Krankheit", S),
    ("Krank mit AU", S),
    ("Krank ohne AU", S),
    ("Krankmeldung", S),
    ("Arbeitsunfähigkeit", S),
    ("Kind krank", P),
    ("Kinderkrankentage", P),
    ("Krankes Kind", P),
    ("Feiertag", H),
    ("Gesetzlicher Feiertag", H),
    ("Feiertage", H),
    ("Elternzeit", P),
    ("Mutterschutz", P),
    ("Pflegezeit", P),
    ("Home Office", O),
    ("Homeoffice", O),
    ("Home-Office", O),
    ("Mobiles Arbeiten", O),
    ("Dienstreise", O),
    ("Vacation", V),
    ("vacation", V),
    ("Annual leave", V),
    ("Holiday", V),
    ("Paid leave", V),
    ("Unpaid vacation", V),
    ("Sick leave", S),
    ("Sick Days", S),
    ("sick", S),
    ("Sick child", P),
    ("Child sick leave", P),
    ("Public holiday", H),
    ("Public Holidays", H),
    ("Bank holiday", H),
    ("Parental leave", P),
    ("Maternity leave", P),
    ("Personal day", P),
    ("Special leave", P),
    ("Business trip", O),
    ("Remote work", O),
    ("Work from home", O),
    ("Overtime compensation", O),
    ("Freizeitausgleich", O),
    ("Absence Type Name", O),
    ("", O),
]


@pytest.mark.parametrize(("name", "kind"), NAMES)
def test_name_rules_without_category(name: str, kind: AbsenceKind) -> None:
    assert classify(type_id=None, name=name, category=None) is kind


@pytest.mark.parametrize("category", ["other", "undefined", "custom_absence", None])
@pytest.mark.parametrize(("name", "kind"), NAMES)
def test_fall_through_categories_use_name(
    name: str, kind: AbsenceKind, category: str | None
) -> None:
    assert classify(type_id=1, name=name, category=category) is kind


# Every category of the reference, current, changelog spellings and old values.
CATEGORIES = [
    ("paid_vacation", V),
    ("unpaid_vacation", V),
    ("sick_leave", S),
    ("quarantine", S),
    ("family_care", P),
    ("child_care", P),
    ("maternity_parental_leave", P),
    ("public_duty", P),
    ("public_duties", P),
    ("short_time_allowance", O),
    ("irrevocable_exemption", O),
    ("strike_and_lockout", O),
    ("strike_lockout", O),
    ("unpaid_suspension", O),
    ("unexcused_absence", O),
    ("lockout", O),
    ("lawful_strike", O),
    ("unlawful_strike", O),
    ("voluntary_military_service", P),
    ("family_care_sick_leave", P),
    ("family_care_long_term", P),
    ("paid_child_sick", P),
    ("unpaid_child_sick", P),
    ("parental_leave", P),
    ("maternity_protection_period", P),
    ("individual_prohibition_of_employment", P),
    ("treatment", S),
]


@pytest.mark.parametrize(("category", "kind"), CATEGORIES)
def test_specific_category_decides(category: str, kind: AbsenceKind) -> None:
    # The name alone would mean a public holiday, so the category decides here.
    assert classify(type_id=1, name="Feiertag", category=category) is kind


@pytest.mark.parametrize(("category", "kind"), CATEGORIES)
def test_category_in_v2_upper_case(category: str, kind: AbsenceKind) -> None:
    assert classify(type_id=1, name="x", category=category.upper()) is kind


def test_category_table_covers_reference_list() -> None:
    for category, _ in CATEGORIES:
        assert category in CATEGORY_KINDS


@pytest.mark.parametrize(
    ("category", "kind"),
    [("offsite_work", O), ("other", O), ("undefined", O), (None, O), ("brand_new", O)],
)
def test_open_categories_without_name_are_other(
    category: str | None, kind: AbsenceKind
) -> None:
    assert classify(type_id=1, name="Xyz", category=category) is kind


def test_vacation_in_offsite_work_is_vacation() -> None:
    assert classify(type_id=54321, name="Vacation", category="offsite_work") is V


def test_vacation_in_offsite_work_is_not_work() -> None:
    assert is_offsite_work(name="Vacation", category="offsite_work") is False


def test_home_office_in_offsite_work_is_work() -> None:
    assert is_offsite_work(name="Home office", category="offsite_work") is True


def test_home_office_in_offsite_work_is_other() -> None:
    assert classify(type_id=1, name="Home office", category="offsite_work") is O


def test_unnamed_offsite_work_is_work() -> None:
    assert is_offsite_work(name="Außentermin", category="offsite_work") is True


@pytest.mark.parametrize(
    "name",
    [
        "Home Office",
        "Homeoffice",
        "Mobile work",
        "Mobiles Arbeiten",
        "Remote work",
        "Business trip",
        "Dienstreise",
        "Geschäftsreise",
        "Außendienst",
    ],
)
def test_offsite_names_count_as_work(name: str) -> None:
    assert is_offsite_work(name=name, category=None) is True


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Urlaub", None),
        ("Sick leave", None),
        ("Home office", "paid_vacation"),
        ("Xyz", "other"),
        ("Xyz", None),
    ],
)
def test_time_off_is_not_work(name: str, category: str | None) -> None:
    assert is_offsite_work(name=name, category=category) is False


def test_override_by_type_id_wins() -> None:
    overrides = KindOverrides(by_type_id={7: AbsenceKind.SICK_LEAVE})
    kind = classify(
        type_id=7, name="Urlaub", category="paid_vacation", overrides=overrides
    )
    assert kind is S


def test_override_by_exact_name() -> None:
    overrides = KindOverrides(by_name={"Freizeitausgleich": AbsenceKind.VACATION})
    assert (
        classify(
            type_id=1, name="Freizeitausgleich", category=None, overrides=overrides
        )
        is V
    )


def test_override_name_is_exact() -> None:
    overrides = KindOverrides(by_name={"Freizeitausgleich": AbsenceKind.VACATION})
    assert (
        classify(
            type_id=1, name="freizeitausgleich", category=None, overrides=overrides
        )
        is O
    )


def test_override_id_before_name() -> None:
    overrides = KindOverrides(
        by_type_id={7: AbsenceKind.SICK_LEAVE}, by_name={"X": AbsenceKind.VACATION}
    )
    assert classify(type_id=7, name="X", category=None, overrides=overrides) is S


def test_override_to_time_off_is_not_work() -> None:
    overrides = KindOverrides(by_name={"Home office": AbsenceKind.VACATION})
    work = counts_as_work(
        type_id=1, name="Home office", category="offsite_work", overrides=overrides
    )
    assert work is False


def test_work_override_marks_work() -> None:
    overrides = KindOverrides(work_type_ids=frozenset({9}))
    assert counts_as_work(type_id=9, name="Xyz", category="other", overrides=overrides)


def test_time_off_override_unmarks_work() -> None:
    overrides = KindOverrides(time_off_names=frozenset({"Home office"}))
    work = counts_as_work(
        type_id=1, name="Home office", category="offsite_work", overrides=overrides
    )
    assert work is False


@pytest.mark.parametrize(
    ("name", "category", "paid"),
    [
        ("Whatever", "paid_vacation", True),
        ("Paid Vacation", "PAID_VACATION", True),
        ("Urlaub", "unpaid_vacation", False),
        ("Urlaub", "sick_leave", False),
        ("Paid Vacation", None, True),
        ("Jahresurlaub", None, True),
        ("Urlaub", "custom_absence", True),
        ("Unbezahlter Urlaub", None, False),
        ("Unpaid vacation", None, False),
        ("Unpaid leave", None, False),
        ("Sonderurlaub", None, False),
        ("Sick Days", None, False),
        ("Home office", "offsite_work", False),
    ],
)
def test_paid_vacation_rules(name: str, category: str | None, paid: bool) -> None:
    assert is_paid_vacation(name=name, category=category) is paid


def test_kind_is_a_string_enum() -> None:
    assert AbsenceKind.VACATION == "vacation"
