"""Fixed data of the demo company: absence types, work schedules, org units."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TimeOffType:
    """One absence type as `GET /v1/company/time-off-types` lists it.

    `uuid` is set for hour-based types: `GET /v1/company/absence-periods` names them by
    that id and carries the integer `id` as `time_off_type_id`.
    """

    id: int
    name: str
    category: str | None
    unit: str
    uuid: str | None = None
    approval_required: bool = True


def _hour_type(id_: int, name: str, category: str | None, suffix: str) -> TimeOffType:
    uuid = f"5a1d0c7e-{id_:04d}-4e3b-9c2f-{suffix}"
    return TimeOffType(id_, name, category, "hour", uuid)


# English and German names covering every absence kind, including names that only the
# word rules can classify (null, "other" and "undefined" categories) and one category
# value from before Personio's 2025 rename ("lawful_strike").
TIME_OFF_TYPES: tuple[TimeOffType, ...] = (
    TimeOffType(1001, "Paid vacation", "paid_vacation", "day"),
    TimeOffType(1002, "Urlaub", "paid_vacation", "day"),
    TimeOffType(1003, "Unpaid vacation", "unpaid_vacation", "day"),
    TimeOffType(1004, "Sonderurlaub", "other", "day"),
    TimeOffType(1005, "Bildungsurlaub", "undefined", "day"),
    TimeOffType(1006, "Krankheit", "sick_leave", "day"),
    TimeOffType(1007, "Sick leave", "sick_leave", "day", approval_required=False),
    TimeOffType(1008, "Kind krank", None, "day"),
    TimeOffType(1009, "Elternzeit", "maternity_parental_leave", "day"),
    TimeOffType(1010, "Parental leave", "maternity_parental_leave", "day"),
    TimeOffType(1011, "Feiertag", None, "day", approval_required=False),
    TimeOffType(1012, "Public holiday", "other", "day", approval_required=False),
    TimeOffType(1013, "Home Office", "offsite_work", "day"),
    TimeOffType(1014, "Business trip", "offsite_work", "day"),
    TimeOffType(1015, "Pflege von Angehörigen", "family_care", "day"),
    TimeOffType(1016, "Streik", "lawful_strike", "day"),
    _hour_type(1017, "Arzttermin", "other", "a1b2c3d41017"),
    _hour_type(1018, "Doctor's appointment", "other", "a1b2c3d41018"),
    _hour_type(1019, "Mobiles Arbeiten", "offsite_work", "a1b2c3d41019"),
    _hour_type(1020, "Überstundenausgleich", None, "a1b2c3d41020"),
)

TYPES_BY_ID: dict[int, TimeOffType] = {t.id: t for t in TIME_OFF_TYPES}
TYPES_BY_UUID: dict[str, TimeOffType] = {t.uuid: t for t in TIME_OFF_TYPES if t.uuid}
TYPE_INDEX: dict[int, int] = {t.id: index for index, t in enumerate(TIME_OFF_TYPES)}

PAID_VACATION_EN = 1001
PAID_VACATION_DE = 1002
UNPAID_VACATION = 1003
SPECIAL_LEAVE = 1004
EDUCATION_LEAVE = 1005
SICK_DE = 1006
SICK_EN = 1007
CHILD_SICK = 1008
PARENTAL_DE = 1009
PARENTAL_EN = 1010
HOLIDAY_DE = 1011
HOLIDAY_EN = 1012
HOME_OFFICE = 1013
BUSINESS_TRIP = 1014
FAMILY_CARE = 1015
STRIKE = 1016
DOCTOR_DE = 1017
DOCTOR_EN = 1018
MOBILE_WORK = 1019
OVERTIME_OFF = 1020

STATUSES: tuple[str, ...] = ("approved", "pending", "requested", "rejected")


@dataclass(frozen=True)
class WorkSchedule:
    """A work schedule: minutes per weekday, Monday first."""

    id: int
    name: str
    minutes: tuple[int, int, int, int, int, int, int]
    weekly_hours: str
    valid_from: str | None = None

    def hhmm(self, weekday: int) -> str:
        """Return the weekday's hours as Personio writes them (`"07:30"`)."""
        hours, minutes = divmod(self.minutes[weekday], 60)
        return f"{hours:02d}:{minutes:02d}"


def _week(*minutes: int) -> tuple[int, int, int, int, int, int, int]:
    days = (*minutes, 0, 0, 0, 0, 0, 0, 0)[:7]
    return (days[0], days[1], days[2], days[3], days[4], days[5], days[6])


FULL_TIME_40 = WorkSchedule(
    97188,
    "Vollzeit, 40 Stunden ohne Zeiterfassung, (Mo,Di,Mi,Do,Fr)",
    _week(480, 480, 480, 480, 480),
    "40",
)
FULL_TIME_37_5 = WorkSchedule(
    97189,
    "Full-time, 37.5 hours without time tracking, (mon,tue,wed,thu,fri)",
    _week(450, 450, 450, 450, 450),
    "37.5",
    "2024-01-01",
)
FULL_TIME_38_5 = WorkSchedule(
    97190, "Vollzeit, 38,5 Stunden (Mo-Fr)", _week(462, 462, 462, 462, 462), "38.5"
)
FOUR_DAY_32 = WorkSchedule(
    97191, "Teilzeit, 32 Stunden, (Mo,Di,Mi,Do)", _week(480, 480, 480, 480, 0), "32"
)
FOUR_DAY_40 = WorkSchedule(
    97192,
    "Full-time, 40 hours in four days, (mon,tue,wed,thu)",
    _week(600, 600, 600, 600, 0),
    "40",
)
PART_TIME_20 = WorkSchedule(
    97193,
    "Part-time, 20 hours, (mon,tue,wed,thu,fri)",
    _week(240, 240, 240, 240, 240),
    "20",
)
PART_TIME_24 = WorkSchedule(
    97194, "Teilzeit, 24 Stunden, (Mo,Mi,Fr)", _week(480, 0, 480, 0, 480), "24"
)
# Used for days_count of employees whose schedule the API does not show.
ASSUMED_WEEKDAYS = WorkSchedule(0, "", _week(480, 480, 480, 480, 480), "")

SCHEDULES: tuple[WorkSchedule, ...] = (
    FULL_TIME_40,
    FULL_TIME_37_5,
    FULL_TIME_38_5,
    FOUR_DAY_32,
    FOUR_DAY_40,
    PART_TIME_20,
    PART_TIME_24,
)


@dataclass(frozen=True)
class OrgUnit:
    """An office, department, team or subcompany: `{type, attributes{id, name}}`."""

    type: str
    id: int
    name: str


OFFICES: dict[str, OrgUnit] = {
    "Bayern": OrgUnit("Office", 131014, "Munich"),
    "Berlin": OrgUnit("Office", 131015, "Berlin"),
    "Nordrhein-Westfalen": OrgUnit("Office", 131016, "Cologne"),
    "Baden-Württemberg": OrgUnit("Office", 131017, "Stuttgart"),
    "Hamburg": OrgUnit("Office", 131018, "Hamburg"),
    "Wien": OrgUnit("Office", 131021, "Vienna"),
    "Tirol": OrgUnit("Office", 131022, "Innsbruck"),
    "England": OrgUnit("Office", 131031, "London"),
    "Scotland": OrgUnit("Office", 131032, "Edinburgh"),
    "Northern Ireland": OrgUnit("Office", 131033, "Belfast"),
}

SUBCOMPANIES: dict[str, OrgUnit] = {
    "DE": OrgUnit("Subcompany", 7033, "Demo GmbH"),
    "AT": OrgUnit("Subcompany", 7034, "Demo Austria GmbH"),
    "GB": OrgUnit("Subcompany", 7035, "Demo UK Ltd"),
}

DEPARTMENTS: tuple[OrgUnit, ...] = (
    OrgUnit("Department", 281521, "Customer Support"),
    OrgUnit("Department", 281522, "Engineering"),
    OrgUnit("Department", 281523, "Sales"),
    OrgUnit("Department", 281524, "Marketing"),
    OrgUnit("Department", 281525, "People & Culture"),
    OrgUnit("Department", 281526, "Finance"),
)

TEAMS: tuple[OrgUnit, ...] = (
    OrgUnit("Team", 59026, "Platform"),
    OrgUnit("Team", 59027, "Payroll"),
    OrgUnit("Team", 59028, "Field Sales"),
    OrgUnit("Team", 59029, "Onboarding"),
)

POSITIONS: tuple[str, ...] = (
    "Software Engineer",
    "Customer Success Manager",
    "Account Executive",
    "HR Generalist",
    "Controller",
    "Product Marketing Manager",
    "Support Specialist",
    "Team Lead",
)

# Custom attributes: (key, label, type, universal_id, options).
CUSTOM_ATTRIBUTES: tuple[tuple[str, str, str, str | None, tuple[str, ...]], ...] = (
    ("dynamic_24407", "Titel", "standard", None, ()),
    ("dynamic_21827", "IBAN", "standard", "iban", ()),
    ("dynamic_180883", "Birthday", "date", "date_of_birth", ()),
    ("dynamic_33401", "Language Skills", "tags", None, ("English", "German", "French")),
    ("dynamic_33402", "T-shirt size", "list", None, ("S", "M", "L", "XL")),
)

# Name pools of generated employees, by country.
FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "DE": (
        "Lukas", "Leonie", "Felix", "Sophie", "Maximilian", "Marie", "Paul", "Hannah",
        "Jan", "Laura", "Niklas", "Julia", "Tim", "Lea", "David", "Sarah", "Moritz",
        "Katharina", "Florian", "Johanna",
    ),
    "AT": (
        "Elias", "Anna", "Jakob", "Emma", "Tobias", "Valentina", "Lorenz",
        "Magdalena", "Simon", "Theresa",
    ),
    "GB": (
        "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia",
        "Charlie", "Grace", "Aoife", "Niamh", "Callum", "Eilidh", "Ruairi", "Sian",
    ),
}  # fmt: skip
LAST_NAMES: dict[str, tuple[str, ...]] = {
    "DE": (
        "Müller", "Schneider", "Fischer", "Meyer", "Wagner", "Becker", "Schulz",
        "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
        "Schwarz", "Zimmermann", "Braun", "Krüger", "Hartmann", "Weiß",
    ),
    "AT": (
        "Gruber", "Huber", "Bauer", "Wagner", "Pichler", "Steiner", "Moser", "Mayer",
        "Hofer", "Leitner",
    ),
    "GB": (
        "Smith", "Jones", "Taylor", "Brown", "Wilson", "Campbell", "Stewart",
        "Murphy", "Kelly", "Robinson", "Thompson", "Walker", "O'Neill", "McLaughlin",
        "Doherty",
    ),
}  # fmt: skip
FEMALE_NAMES = {
    "Leonie", "Sophie", "Marie", "Hannah", "Laura", "Julia", "Lea", "Sarah",
    "Katharina", "Johanna", "Anna", "Emma", "Valentina", "Magdalena", "Theresa",
    "Amelia", "Isla", "Ava", "Mia", "Grace", "Aoife", "Niamh", "Eilidh", "Sian",
}  # fmt: skip
