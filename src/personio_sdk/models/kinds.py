"""Absence kinds and the rules that derive them from Personio's absence types.

Personio has no fixed list of absence types: every company names its own, and the
`category` Personio attaches is optional, renamed over time and sometimes wrong for the
name (its own example files a type "Vacation" under `offsite_work`). The kind of a type
is therefore decided in this order:

1. a user override, by type id and then by exact type name (`KindOverrides`);
2. the category, where it is specific (`CATEGORY_KINDS`);
3. the word rules over the type name (`NAME_RULES`), first match wins. They cover
   `offsite_work`, `other`, `undefined`, null and every unknown category;
4. else `AbsenceKind.OTHER`.

A type `counts_as_work` when it is off-site work, such as home office or a business
trip, which is not time off. That is decided in the same order:

1. an override;
2. a specific category, which is never work;
3. the first matching name rule: off-site rules mean work, the others time off;
4. the category `offsite_work`, which is work; anything else is not.

So "Vacation" in `offsite_work` is VACATION and not work, because the name rule for
vacation matches before the category is consulted, while "Home office" in
`offsite_work`, or an unnamed "Außentermin" there, counts as work.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__all__ = [
    "CATEGORY_KINDS",
    "NAME_RULES",
    "OFFSITE_WORK_CATEGORY",
    "PAID_VACATION_CATEGORY",
    "AbsenceKind",
    "KindOverrides",
    "NameRule",
    "classify",
    "counts_as_work",
    "is_offsite_work",
    "is_paid_vacation",
    "match_name_rule",
    "normalize_category",
]


class AbsenceKind(str, enum.Enum):
    """Category of an absence for time tracking, whatever a company calls its type."""

    VACATION = "vacation"
    SICK_LEAVE = "sick_leave"
    PUBLIC_HOLIDAY = "public_holiday"
    PERSONAL_TIME_OFF = "personal_time_off"
    OTHER = "other"


OFFSITE_WORK_CATEGORY = "offsite_work"
PAID_VACATION_CATEGORY = "paid_vacation"

# Specific Personio categories and their kind. Current values since 2025-01-27 first,
# then the spellings of Personio's changelog (`public_duties`, `strike_lockout`), then
# values of the 2023-05 list and of the removed `legacy_category` field, each mapped
# like its successor. v2 sends the same values in upper case, see normalize_category.
CATEGORY_KINDS: Mapping[str, AbsenceKind] = {
    "paid_vacation": AbsenceKind.VACATION,
    "unpaid_vacation": AbsenceKind.VACATION,
    "sick_leave": AbsenceKind.SICK_LEAVE,
    "quarantine": AbsenceKind.SICK_LEAVE,
    "family_care": AbsenceKind.PERSONAL_TIME_OFF,
    "child_care": AbsenceKind.PERSONAL_TIME_OFF,
    "maternity_parental_leave": AbsenceKind.PERSONAL_TIME_OFF,
    "public_duty": AbsenceKind.PERSONAL_TIME_OFF,
    "public_duties": AbsenceKind.PERSONAL_TIME_OFF,
    "short_time_allowance": AbsenceKind.OTHER,
    "irrevocable_exemption": AbsenceKind.OTHER,
    "strike_and_lockout": AbsenceKind.OTHER,
    "strike_lockout": AbsenceKind.OTHER,
    "unpaid_suspension": AbsenceKind.OTHER,
    "unexcused_absence": AbsenceKind.OTHER,
    # Replaced on 2025-01-27 by strike_and_lockout and public_duty.
    "lockout": AbsenceKind.OTHER,
    "lawful_strike": AbsenceKind.OTHER,
    "unlawful_strike": AbsenceKind.OTHER,
    "voluntary_military_service": AbsenceKind.PERSONAL_TIME_OFF,
    # Values of `legacy_category`, removed from time-off types on 2024-09-16.
    "family_care_sick_leave": AbsenceKind.PERSONAL_TIME_OFF,
    "family_care_long_term": AbsenceKind.PERSONAL_TIME_OFF,
    "paid_child_sick": AbsenceKind.PERSONAL_TIME_OFF,
    "unpaid_child_sick": AbsenceKind.PERSONAL_TIME_OFF,
    "parental_leave": AbsenceKind.PERSONAL_TIME_OFF,
    "maternity_protection_period": AbsenceKind.PERSONAL_TIME_OFF,
    "individual_prohibition_of_employment": AbsenceKind.PERSONAL_TIME_OFF,
    "treatment": AbsenceKind.SICK_LEAVE,
}


@dataclass(frozen=True)
class NameRule:
    """One word rule over absence type names.

    `patterns` are alternatives. Each is one or more terms separated by spaces that
    must match consecutive words of the name. A term matches a whole word (`sick`), a
    word beginning (`krank*`: Krankheit), a word ending (`*urlaub`: Jahresurlaub) or a
    part of a word (`*urlaub*`: Urlaubstag). Names and patterns are compared
    case-folded, so `ß` matches `ss`.
    """

    name: str
    kind: AbsenceKind
    counts_as_work: bool
    patterns: tuple[str, ...]


# The word rules, most specific first: the first rule with a matching pattern decides.
# Off-site work comes first so that "Homeoffice" is never read as time off, and the
# German compounds of "Urlaub" that are not vacation come before the vacation rule.
# fmt: off
NAME_RULES: Sequence[NameRule] = (
    NameRule(
        "off-site work",
        AbsenceKind.OTHER,
        True,
        (
            "*homeoffice*", "home office", "work from home", "working from home",
            "wfh", "mobile work*", "mobiles arbeiten", "mobile arbeit", "remote*",
            "telework*", "telearbeit", "business trip*", "business travel*",
            "*dienstreise*", "*geschaeftsreise*", "*geschäftsreise*", "dienstgang",
            "außendienst*", "off site", "offsite",
        ),
    ),
    NameRule(
        "parental leave and maternity protection",
        AbsenceKind.PERSONAL_TIME_OFF,
        False,
        (
            "*elternzeit*", "elternurlaub", "*mutterschutz*", "mutterschaft*",
            "*mutterschaftsurlaub", "vaterschaft*", "beschäftigungsverbot",
            "parental leave", "parental", "maternity*", "paternity*",
        ),
    ),
    NameRule(
        "sick child and family care",
        AbsenceKind.PERSONAL_TIME_OFF,
        False,
        (
            "kind krank*", "kinder krank*", "krank* kind*", "kinderkrank*",
            "kindkrank*", "krankheit des kindes", "sick child*", "sick kid*",
            "child* sick*", "kid* sick*", "child care", "childcare",
            "kinderbetreuung", "*pflegezeit*", "familienpflege*", "family care",
            "carer* leave", "care leave",
        ),
    ),
    NameRule(
        "special and educational leave",
        AbsenceKind.PERSONAL_TIME_OFF,
        False,
        (
            "*sonderurlaub*", "*bildungsurlaub*", "bildungszeit",
            "bildungsfreistellung", "special leave", "educational leave",
            "education leave", "study leave",
            "personal day*", "personal leave", "personal time off", "compassionate*",
            "bereavement*", "jury duty", "public dut*", "military service",
            "wehrdienst", "ehrenamt*", "hochzeit", "wedding", "umzug", "moving day",
        ),
    ),
    NameRule(
        "public holiday",
        AbsenceKind.PUBLIC_HOLIDAY,
        False,
        (
            "*feiertag", "*feiertage", "*feiertags*", "public holiday*",
            "bank holiday*", "national holiday*", "statutory holiday*",
            "legal holiday*",
        ),
    ),
    NameRule(
        "sick leave",
        AbsenceKind.SICK_LEAVE,
        False,
        (
            "krank*", "*krank", "*krankheit*", "arbeitsunfähig*", "sick*", "illness",
            "medical leave", "*quarantäne*", "quarantine",
        ),
    ),
    NameRule(
        "vacation",
        AbsenceKind.VACATION,
        False,
        (
            "*urlaub*", "vacation*", "vacances", "vacaciones", "*ferien", "ferie",
            "annual leave", "holiday*", "paid leave", "unpaid leave", "paid time off",
            "pto",
        ),
    ),
)
# fmt: on

# Words that mark a vacation type as unpaid, so that it never counts as remaining
# vacation.
_UNPAID_PATTERNS = ("unpaid*", "unbezahlt*", "non paid", "ohne bezahlung")

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class KindOverrides:
    """User decisions that win over every rule.

    `by_type_id` maps a v1 time-off type id and `by_name` an exact type name (case and
    spaces as Personio sends them) to a kind. `work_type_ids` and `work_names` mark
    types whose absences count as work (off-site work), and `time_off_type_ids` and
    `time_off_names` types that never do. A type id is looked up before a name.
    """

    by_type_id: Mapping[int, AbsenceKind] = field(default_factory=dict)
    by_name: Mapping[str, AbsenceKind] = field(default_factory=dict)
    work_type_ids: frozenset[int] = frozenset()
    work_names: frozenset[str] = frozenset()
    time_off_type_ids: frozenset[int] = frozenset()
    time_off_names: frozenset[str] = frozenset()

    def kind_for(self, type_id: int | None, name: str | None) -> AbsenceKind | None:
        """Return the overriding kind of a type, or None when no override applies."""
        if type_id is not None and type_id in self.by_type_id:
            return AbsenceKind(self.by_type_id[type_id])
        if name is not None and name in self.by_name:
            return AbsenceKind(self.by_name[name])
        return None

    def work_for(self, type_id: int | None, name: str | None) -> bool | None:
        """Return whether a type counts as work by override, None without override."""
        if type_id is not None:
            if type_id in self.work_type_ids:
                return True
            if type_id in self.time_off_type_ids:
                return False
        if name is not None:
            if name in self.work_names:
                return True
            if name in self.time_off_names:
                return False
        return None


def normalize_category(category: str | None) -> str | None:
    """Return a category in v1 spelling: trimmed and lower case, None when empty."""
    if category is None:
        return None
    text = category.strip().lower()
    return text or None


@functools.lru_cache(maxsize=1024)
def match_name_rule(name: str | None) -> NameRule | None:
    """Return the first rule of `NAME_RULES` that matches `name`, or None."""
    if not name:
        return None
    words = _words(name)
    for rule in NAME_RULES:
        if any(_matches(pattern, words) for pattern in rule.patterns):
            return rule
    return None


def classify(
    *,
    type_id: int | None,
    name: str | None,
    category: str | None,
    overrides: KindOverrides | None = None,
) -> AbsenceKind:
    """Derive the kind of an absence type from overrides, its category and its name.

    The order is documented at the top of this module. An unknown category is kept by
    the caller and falls through to the name rules here.
    """
    if overrides is not None:
        overridden = overrides.kind_for(type_id, name)
        if overridden is not None:
            return overridden
    specific = CATEGORY_KINDS.get(normalize_category(category) or "")
    if specific is not None:
        return specific
    rule = match_name_rule(name)
    if rule is not None:
        return rule.kind
    return AbsenceKind.OTHER


def counts_as_work(
    *,
    type_id: int | None,
    name: str | None,
    category: str | None,
    overrides: KindOverrides | None = None,
) -> bool:
    """Decide whether absences of a type are off-site work rather than time off.

    A kind override to anything but OTHER also makes the type time off, so that moving a
    type to VACATION cannot leave it counted as work.
    """
    if overrides is not None:
        work = overrides.work_for(type_id, name)
        if work is not None:
            return work
        overridden = overrides.kind_for(type_id, name)
        if overridden is not None and overridden is not AbsenceKind.OTHER:
            return False
    return is_offsite_work(name=name, category=category)


def is_offsite_work(*, name: str | None, category: str | None) -> bool:
    """Tell whether a type is off-site work (home office, business trip) by the rules.

    A specific category is never work. Otherwise the first matching name rule decides,
    and a name no rule matches is work only in the category `offsite_work`.
    """
    normalized = normalize_category(category)
    if normalized in CATEGORY_KINDS:
        return False
    rule = match_name_rule(name)
    if rule is not None:
        return rule.counts_as_work
    return normalized == OFFSITE_WORK_CATEGORY


def is_paid_vacation(*, name: str | None, category: str | None) -> bool:
    """Tell whether a type's balance counts as remaining paid vacation.

    True for the category `paid_vacation`. A type without a specific category is paid
    vacation when the name rules say vacation and no word marks it unpaid ("unbezahlter
    Urlaub", "Unpaid vacation").
    """
    normalized = normalize_category(category)
    if normalized == PAID_VACATION_CATEGORY:
        return True
    if normalized in CATEGORY_KINDS:
        return False
    rule = match_name_rule(name)
    if rule is None or rule.kind is not AbsenceKind.VACATION:
        return False
    words = _words(name or "")
    return not any(_matches(pattern, words) for pattern in _UNPAID_PATTERNS)


def _words(name: str) -> list[str]:
    return _WORD.findall(name.casefold())


def _matches(pattern: str, words: Sequence[str]) -> bool:
    terms = pattern.casefold().split()
    span = len(terms)
    return any(
        all(
            _term_matches(term, word)
            for term, word in zip(terms, words[i : i + span], strict=True)
        )
        for i in range(len(words) - span + 1)
    )


def _term_matches(term: str, word: str) -> bool:
    core = term.strip("*")
    if term.startswith("*") and term.endswith("*"):
        return core in word
    if term.endswith("*"):
        return word.startswith(core)
    if term.startswith("*"):
        return word.endswith(core)
    return word == core
