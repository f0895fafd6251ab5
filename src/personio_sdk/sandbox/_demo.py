"""The featured demo employees and their absences, fixed whatever the seed.

The README, the CLI examples and the docs use these people, so their data never
changes: only the employees generated after them depend on the seed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from personio_sdk.sandbox import _catalog as cat
from personio_sdk.sandbox._model import EmployeeRecord

# The sandbox's "today": balances count approved days up to this date. Fixed, so that
# every run of the demo prints the same numbers.
DEMO_TODAY = dt.date(2026, 3, 18)

EMAIL_DOMAIN = "demo.example"


@dataclass(frozen=True)
class DemoEmployee:
    """A featured employee, as the docs describe them."""

    id: int
    name: str
    email: str
    location: str
    summary: str


DEMO_EMPLOYEES: tuple[DemoEmployee, ...] = (
    DemoEmployee(
        1,
        "Anna Schmidt",
        "anna.schmidt@demo.example",
        "Germany, Bayern",
        "Full-time 40 h, Mon-Fri 08:00. Urlaub 2025-12-29..2026-01-02 across the year "
        "boundary, 2026-02-16..20, 2026-06-01..05 around Corpus Christi (4 days) and "
        "2026-09-28..10-02; a rejected, a pending and a requested Urlaub; Krankheit "
        "2026-01-20..21; Home Office 2026-03-04; a 90-minute Arzttermin 2026-04-14.",
    ),
    DemoEmployee(
        2,
        "Ciara Byrne",
        "ciara.byrne@demo.example",
        "United Kingdom, Northern Ireland",
        "Full-time 37.5 h, Mon-Fri 07:30. March 2026: Paid vacation Mon 9 - Wed 11 "
        "with "
        "half_day_end (2.5 days), a half day Fri 20 (0.5, half_day_start, flags sent "
        "as 0/1), Sick leave Tue 24, a 2 h Doctor's appointment Thu 26 (hour-based), "
        "a pending Paid vacation 30-31; St Patrick's Day 17 March is a bank holiday "
        "of her calendar, not an absence.",
    ),
    DemoEmployee(
        3,
        "Jonas Weber",
        "jonas.weber@demo.example",
        "Germany, Berlin",
        "Part-time 32 h on four days, Mon-Thu 08:00, Fri 00:00. Urlaub 2026-03-05..10 "
        "over a free Friday (3 days), Kind krank, Elternzeit May-June, Bildungsurlaub, "
        "4 h Überstundenausgleich (hour-based).",
    ),
    DemoEmployee(
        4,
        "Lena Gruber",
        "lena.gruber@demo.example",
        "Austria, Wien",
        "Full-time 38.5 h, Mon-Fri 07:42. Urlaub 2026-01-05..09 over Epiphany (4 days) "
        "plus a Feiertag absence on 2026-01-06, Krankheit, hour-based Arzttermin and "
        "Mobiles Arbeiten, a requested Urlaub in July.",
    ),
    DemoEmployee(
        5,
        "Markus Hoffmann",
        "markus.hoffmann@demo.example",
        "Germany, Nordrhein-Westfalen",
        "Only weekly hours (30) are visible: no work_schedule attribute, even for the "
        "full credential.",
    ),
    DemoEmployee(
        6,
        "Fiona MacLeod",
        "fiona.macleod@demo.example",
        "United Kingdom, Scotland",
        'Her work_schedule value is the empty string "".',
    ),
    DemoEmployee(
        7,
        "Tobias Fischer",
        "tobias.fischer@demo.example",
        "Germany, Baden-Württemberg",
        "Terminated on 2026-02-28, status inactive.",
    ),
    DemoEmployee(
        8,
        "Oliver Hughes",
        "oliver.hughes@demo.example",
        "United Kingdom, England",
        "Hired on 2026-07-01, status onboarding.",
    ),
)

FEATURED_COUNT = len(DEMO_EMPLOYEES)


def _stamp(day: dt.date, hour: int = 9) -> int:
    return int(
        dt.datetime(
            day.year, day.month, day.day, hour, tzinfo=dt.timezone.utc
        ).timestamp()
    )


def _employee(
    id_: int, region: str, schedule: cat.WorkSchedule, hire: dt.date, entitlement: float
) -> EmployeeRecord:
    demo = DEMO_EMPLOYEES[id_ - 1]
    first, last = demo.name.split(" ", 1)
    return EmployeeRecord(
        id=id_,
        first_name=first,
        last_name=last,
        email=demo.email,
        gender="female" if first in ("Anna", "Ciara", "Lena", "Fiona") else "male",
        status="active",
        position=cat.POSITIONS[id_ % len(cat.POSITIONS)],
        region=region,
        schedule=schedule,
        counting_schedule=schedule,
        weekly_hours=schedule.weekly_hours,
        hire_date=hire,
        created_at=_stamp(hire - dt.timedelta(days=30)),
        last_modified_at=_stamp(dt.date(2026, 1, 15) + dt.timedelta(days=id_)),
        department=cat.DEPARTMENTS[id_ % len(cat.DEPARTMENTS)],
        team=cat.TEAMS[id_ % len(cat.TEAMS)],
        supervisor_id=None if id_ == 1 else 1,
        vacation_entitlement=entitlement,
        iban=f"DE89 3704 0044 0532 0130 {id_:02d}",
        birthday=f"198{id_}-0{id_}-1{id_}",
        languages=("English", "German") if id_ % 2 else ("English",),
        shirt_size="M",
    )


def featured_employees() -> list[EmployeeRecord]:
    """Build the featured employees, ids 1 to `FEATURED_COUNT`."""
    anna = _employee(1, "Bayern", cat.FULL_TIME_40, dt.date(2019, 4, 1), 30)
    anna.title = "Dr"
    ciara = _employee(
        2, "Northern Ireland", cat.FULL_TIME_37_5, dt.date(2021, 9, 6), 25
    )
    ciara.supervisor_id = 4
    jonas = _employee(3, "Berlin", cat.FOUR_DAY_32, dt.date(2022, 2, 1), 24)
    lena = _employee(4, "Wien", cat.FULL_TIME_38_5, dt.date(2020, 10, 1), 25)
    markus = _employee(
        5, "Nordrhein-Westfalen", cat.FULL_TIME_40, dt.date(2018, 1, 2), 30
    )
    markus.schedule = None
    markus.counting_schedule = cat.ASSUMED_WEEKDAYS
    markus.weekly_hours = "30"
    fiona = _employee(6, "Scotland", cat.FULL_TIME_37_5, dt.date(2023, 5, 2), 25)
    fiona.schedule = ""
    tobias = _employee(7, "Baden-Württemberg", cat.FULL_TIME_40, dt.date(2017, 3, 1), 5)
    tobias.status = "inactive"
    tobias.termination_date = dt.date(2026, 2, 28)
    tobias.termination_type = "resignation"
    tobias.termination_reason = "New job"
    oliver = _employee(8, "England", cat.FULL_TIME_37_5, dt.date(2026, 7, 1), 12.5)
    oliver.status = "onboarding"
    oliver.probation_period_end = dt.date(2026, 12, 31)
    return [anna, ciara, jonas, lena, markus, fiona, tobias, oliver]


# Day-based: (employee, type id, status, first day, last day, flags). Flags: "S"
# half_day_start, "E" half_day_end, "i" half-day flags sent as 0/1 instead of booleans.
# Public holidays inside a range are not counted in days_count.
FEATURED_TIME_OFFS: tuple[tuple[int, int, str, str, str, str], ...] = (
    (1, cat.PAID_VACATION_DE, "approved", "2025-12-29", "2026-01-02", ""),
    (1, cat.SICK_DE, "approved", "2026-01-20", "2026-01-21", ""),
    (1, cat.PAID_VACATION_DE, "approved", "2026-02-16", "2026-02-20", "i"),
    (1, cat.HOME_OFFICE, "approved", "2026-03-04", "2026-03-04", ""),
    (1, cat.PAID_VACATION_DE, "rejected", "2026-04-07", "2026-04-10", ""),
    (1, cat.PAID_VACATION_DE, "approved", "2026-06-01", "2026-06-05", ""),
    (1, cat.PAID_VACATION_DE, "pending", "2026-08-10", "2026-08-21", ""),
    (1, cat.PAID_VACATION_DE, "approved", "2026-09-28", "2026-10-02", ""),
    (1, cat.PAID_VACATION_DE, "requested", "2026-10-26", "2026-10-30", ""),
    (2, cat.PAID_VACATION_EN, "approved", "2026-03-09", "2026-03-11", "E"),
    (2, cat.PAID_VACATION_EN, "approved", "2026-03-20", "2026-03-20", "Si"),
    (2, cat.SICK_EN, "approved", "2026-03-24", "2026-03-24", ""),
    (2, cat.PAID_VACATION_EN, "pending", "2026-03-30", "2026-03-31", ""),
    (2, cat.PAID_VACATION_EN, "approved", "2026-07-13", "2026-07-17", ""),
    (2, cat.PAID_VACATION_EN, "approved", "2026-12-21", "2027-01-04", ""),
    (3, cat.CHILD_SICK, "approved", "2026-02-02", "2026-02-03", "i"),
    (3, cat.PAID_VACATION_DE, "approved", "2026-03-05", "2026-03-10", ""),
    (3, cat.PARENTAL_DE, "approved", "2026-05-04", "2026-06-26", ""),
    (3, cat.EDUCATION_LEAVE, "approved", "2026-09-14", "2026-09-17", ""),
    (4, cat.PAID_VACATION_DE, "approved", "2026-01-05", "2026-01-09", ""),
    (4, cat.HOLIDAY_DE, "approved", "2026-01-06", "2026-01-06", ""),
    (4, cat.SICK_DE, "approved", "2026-03-02", "2026-03-04", "i"),
    (4, cat.PAID_VACATION_DE, "requested", "2026-07-06", "2026-07-17", ""),
    (5, cat.SICK_DE, "approved", "2026-03-16", "2026-03-16", ""),
    (5, cat.PAID_VACATION_DE, "approved", "2026-04-07", "2026-04-10", ""),
    (5, cat.PAID_VACATION_DE, "approved", "2026-06-01", "2026-06-05", ""),
    (6, cat.PAID_VACATION_EN, "approved", "2026-01-05", "2026-01-09", ""),
    (6, cat.SICK_EN, "approved", "2026-02-10", "2026-02-11", "i"),
    (7, cat.SICK_DE, "approved", "2026-01-12", "2026-01-14", ""),
    (7, cat.PAID_VACATION_DE, "approved", "2026-02-09", "2026-02-13", ""),
    (8, cat.PAID_VACATION_EN, "requested", "2026-08-31", "2026-09-04", ""),
    (8, cat.PAID_VACATION_EN, "approved", "2026-10-12", "2026-10-13", ""),
)

# Hour-based: (employee, type id, status, first day, local start "HH:MM", minutes per
# day, number of consecutive days).
FEATURED_PERIODS: tuple[tuple[int, int, str, str, str, int, int], ...] = (
    (1, cat.DOCTOR_DE, "approved", "2026-04-14", "10:00", 90, 1),
    (2, cat.DOCTOR_EN, "approved", "2026-03-26", "10:00", 120, 1),
    (3, cat.OVERTIME_OFF, "approved", "2026-03-12", "13:00", 240, 1),
    (4, cat.DOCTOR_DE, "approved", "2026-03-31", "08:30", 60, 1),
    (4, cat.MOBILE_WORK, "approved", "2026-04-21", "09:00", 462, 2),
)
