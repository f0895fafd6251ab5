"""Generate the demo company from a seed: featured employees first, then random ones.

Everything sits on fixed dates around 2026, never relative to today, so a seed always
gives the same company. Generation is one pass per employee with O(1) day counting,
which builds 10,000 employees and 200,000 absences in a few seconds.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import uuid
from dataclasses import dataclass
from itertools import accumulate

from personio_sdk.sandbox import _catalog as cat
from personio_sdk.sandbox import _demo
from personio_sdk.sandbox._calendars import CALENDARS, unix_seconds
from personio_sdk.sandbox._model import (
    STYLE_COLON_OFFSET,
    STYLE_INT_FLAGS,
    Company,
    EmployeeRecord,
    PeriodTable,
    TimeOffTable,
    working_days,
)


@dataclass(frozen=True)
class SandboxSize:
    """The size of a generated company: employees and absences (day and hour based)."""

    employees: int
    absences: int


SIZES: dict[str, SandboxSize] = {
    "demo": SandboxSize(64, 720),
    "medium": SandboxSize(1_000, 20_000),
    "large": SandboxSize(10_000, 200_000),
}

FIRST_TIME_OFF_ID = 100_001
_WINDOW_START = dt.date(2025, 12, 1).toordinal()
_WINDOW_END = dt.date(2027, 1, 15).toordinal()
_STATUS_INDEX = {name: index for index, name in enumerate(cat.STATUSES)}

_REGIONS = (
    ("Bayern", 14),
    ("Berlin", 12),
    ("Nordrhein-Westfalen", 10),
    ("Baden-Württemberg", 8),
    ("Hamburg", 6),
    ("Wien", 10),
    ("Tirol", 4),
    ("England", 16),
    ("Scotland", 8),
    ("Northern Ireland", 6),
)
_REGION_NAMES = tuple(name for name, _ in _REGIONS)
_REGION_WEIGHTS = tuple(accumulate(weight for _, weight in _REGIONS))

_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "'": "", " ": ""})

_FULL_TIME = {
    "DE": cat.FULL_TIME_40,
    "AT": cat.FULL_TIME_38_5,
    "GB": cat.FULL_TIME_37_5,
}
_OTHER_SCHEDULES = (
    cat.FOUR_DAY_32,
    cat.FOUR_DAY_40,
    cat.PART_TIME_20,
    cat.PART_TIME_24,
)
_BASE_ENTITLEMENT = {"DE": 30.0, "AT": 25.0, "GB": 25.0}

# Absence kinds to draw: (weight, German type, English type, shortest, longest length in
# calendar days). Hour-based types have a length of 0.
_KINDS = (
    (40, cat.PAID_VACATION_DE, cat.PAID_VACATION_EN, 1, 12),
    (14, cat.SICK_DE, cat.SICK_EN, 1, 4),
    (8, cat.HOME_OFFICE, cat.HOME_OFFICE, 1, 2),
    (3, cat.BUSINESS_TRIP, cat.BUSINESS_TRIP, 1, 3),
    (3, cat.CHILD_SICK, cat.FAMILY_CARE, 1, 2),
    (2, cat.SPECIAL_LEAVE, cat.SPECIAL_LEAVE, 1, 2),
    (2, cat.EDUCATION_LEAVE, cat.UNPAID_VACATION, 1, 5),
    (1, cat.PARENTAL_DE, cat.PARENTAL_EN, 14, 60),
    (1, cat.STRIKE, cat.STRIKE, 1, 1),
    (2, cat.HOLIDAY_DE, cat.HOLIDAY_EN, 1, 1),
    (6, cat.DOCTOR_DE, cat.DOCTOR_EN, 0, 0),
    (3, cat.MOBILE_WORK, cat.MOBILE_WORK, 0, 0),
    (2, cat.OVERTIME_OFF, cat.DOCTOR_EN, 0, 0),
)
_KIND_WEIGHTS = tuple(accumulate(kind[0] for kind in _KINDS))
_ALWAYS_APPROVED = {cat.SICK_DE, cat.SICK_EN, cat.HOLIDAY_DE, cat.HOLIDAY_EN}
_COUNTS_HOLIDAYS = {cat.HOLIDAY_DE, cat.HOLIDAY_EN}
_STATUS_WEIGHTS = tuple(accumulate((82, 7, 6, 5)))


def _country(region: str) -> str:
    return CALENDARS[region].country


def _stamp(ordinal: int, rng: random.Random) -> int:
    day = dt.date.fromordinal(ordinal)
    return unix_seconds(day, rng.randrange(7 * 60, 18 * 60), 60)


class _Generator:
    def __init__(self, seed: int, size: SandboxSize) -> None:
        self.rng = random.Random(seed)
        self.size = size
        self.used_emails: dict[str, int] = {}
        self.time_offs = TimeOffTable()
        self.periods = PeriodTable()

    def company(self, today: dt.date) -> Company:
        employees = _demo.featured_employees()
        for employee in employees:
            self.used_emails[employee.email] = 1
        count = max(self.size.employees, len(employees))
        for id_ in range(len(employees) + 1, count + 1):
            employees.append(self.employee(id_, today))
        self.featured_absences(employees)
        remaining = max(0, self.size.absences - len(self.time_offs) - len(self.periods))
        generated = employees[len(_demo.DEMO_EMPLOYEES) :]
        for position, employee in enumerate(generated):
            share = remaining // len(generated)
            share += 1 if position < remaining % len(generated) else 0
            self.absences(employee, share)
        return Company(employees, self.time_offs, self.periods, today)

    def email(self, first: str, last: str) -> str:
        local = f"{first}.{last}".lower().translate(_ASCII)
        seen = self.used_emails.get(local, 0)
        self.used_emails[local] = seen + 1
        suffix = str(seen + 1) if seen else ""
        return f"{local}{suffix}@{_demo.EMAIL_DOMAIN}"

    def employee(self, id_: int, today: dt.date) -> EmployeeRecord:
        rng = self.rng
        region = rng.choices(_REGION_NAMES, cum_weights=_REGION_WEIGHTS)[0]
        country = _country(region)
        first = rng.choice(cat.FIRST_NAMES[country])
        last = rng.choice(cat.LAST_NAMES[country])

        roll = rng.random()
        schedule = _FULL_TIME[country] if roll < 0.7 else rng.choice(_OTHER_SCHEDULES)
        hire = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(14 * 365))
        fate = rng.random()
        termination = None
        if fate < 0.03:
            termination = dt.date(2026, 1, 31) + dt.timedelta(days=rng.randrange(300))
        elif fate < 0.05:
            hire = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300))

        status = "active"
        if termination is not None and termination < today:
            status = "inactive"
        elif hire > today:
            status = "onboarding"
        elif rng.random() < 0.02:
            status = "leave"

        working_weekdays = sum(1 for minutes in schedule.minutes if minutes)
        entitlement = _BASE_ENTITLEMENT[country] * min(working_weekdays, 5) / 5
        entitlement = _prorate(entitlement, hire, termination)

        created = unix_seconds(hire - dt.timedelta(days=rng.randrange(10, 60)), 600, 60)
        modified = unix_seconds(
            dt.date(2025, 6, 1) + dt.timedelta(days=rng.randrange(300))
        )
        return EmployeeRecord(
            id=id_,
            first_name=first,
            last_name=last,
            email=self.email(first, last),
            gender="female" if first in cat.FEMALE_NAMES else "male",
            status=status,
            position=rng.choice(cat.POSITIONS),
            region=region,
            schedule=schedule,
            counting_schedule=schedule,
            weekly_hours=schedule.weekly_hours,
            hire_date=hire,
            created_at=created,
            last_modified_at=max(created, modified),
            department=rng.choice(cat.DEPARTMENTS),
            team=rng.choice(cat.TEAMS) if rng.random() < 0.7 else None,
            supervisor_id=rng.randrange(1, min(id_, 40)),
            termination_date=termination,
            termination_type="resignation" if termination else None,
            termination_reason="Relocation" if termination else None,
            employment_type="internal" if rng.random() < 0.9 else "external",
            fix_salary=rng.randrange(30, 95) * 100,
            vacation_entitlement=entitlement,
            iban=f"DE{rng.randrange(10, 99)} 5001 0517 {rng.randrange(10**10):010d}",
            birthday=f"{rng.randrange(1965, 2003)}-{rng.randrange(1, 13):02d}-15",
            languages=tuple(
                rng.sample(("English", "German", "French"), rng.randrange(1, 3))
            ),
            shirt_size=rng.choice(("S", "M", "L", "XL")),
        )

    def featured_absences(self, employees: list[EmployeeRecord]) -> None:
        for (
            employee_id,
            type_id,
            status,
            first,
            last,
            flags,
        ) in _demo.FEATURED_TIME_OFFS:
            first_day = dt.date.fromisoformat(first)
            self.add_time_off(
                employees[employee_id - 1],
                type_id,
                _STATUS_INDEX[status],
                first_day.toordinal(),
                dt.date.fromisoformat(last).toordinal(),
                "S" in flags,
                "E" in flags,
                STYLE_INT_FLAGS if "i" in flags else 0,
                created=unix_seconds(first_day - dt.timedelta(days=21), 600, 60),
            )
        featured_ids = random.Random(2026)
        for (
            employee_id,
            type_id,
            status,
            day,
            start,
            minutes,
            days,
        ) in _demo.FEATURED_PERIODS:
            hours, mins = start.split(":")
            first_day = dt.date.fromisoformat(day)
            self.periods.append(
                id_=str(uuid.UUID(int=featured_ids.getrandbits(128), version=4)),
                employee=employee_id,
                type_index=cat.TYPE_INDEX[type_id],
                status=_STATUS_INDEX[status],
                first_day=first_day.toordinal(),
                day_count=days,
                start_minute=int(hours) * 60 + int(mins),
                daily_minutes=minutes,
                created=unix_seconds(first_day - dt.timedelta(days=7), 600, 60),
                updated=unix_seconds(first_day - dt.timedelta(days=6), 600, 60),
            )

    def add_time_off(
        self,
        employee: EmployeeRecord,
        type_id: int,
        status: int,
        first: int,
        last: int,
        half_start: bool,
        half_end: bool,
        style: int,
        *,
        created: int,
        updated: int | None = None,
    ) -> None:
        calendar = None if type_id in _COUNTS_HOLIDAYS else employee.calendar
        days = working_days(employee.counting_schedule, calendar).days_count(
            first, last, half_start, half_end
        )
        self.time_offs.append(
            id_=FIRST_TIME_OFF_ID + len(self.time_offs),
            employee=employee.id,
            type_index=cat.TYPE_INDEX[type_id],
            status=status,
            start=first,
            end=last,
            half_start=half_start,
            half_end=half_end,
            days=days,
            created=created,
            updated=created + 3600 if updated is None else updated,
            style=style,
        )

    def absences(self, employee: EmployeeRecord, count: int) -> None:
        rng = self.rng
        low = max(_WINDOW_START, employee.hire_date.toordinal())
        high = _WINDOW_END
        if employee.termination_date is not None:
            high = min(high, employee.termination_date.toordinal())
        if count <= 0 or high - low < 2:
            return

        # Distinct working days as starts; each absence ends before the next starts.
        table = working_days(employee.counting_schedule, employee.calendar)
        first_index = bisect.bisect_left(table.ordinals, low)
        end_index = bisect.bisect_left(table.ordinals, high)
        available = range(first_index, end_index)
        picks = sorted(rng.sample(available, min(count, len(available))))
        starts = [table.ordinals[index] for index in picks]
        starts.append(high + 1)
        german = _country(employee.region) != "GB"

        for start, following in itertools.pairwise(starts):
            kind = _KINDS[rng.choices(range(len(_KINDS)), cum_weights=_KIND_WEIGHTS)[0]]
            type_id = kind[1] if german else kind[2]
            status = 0
            if type_id not in _ALWAYS_APPROVED:
                status = rng.choices((0, 1, 2, 3), cum_weights=_STATUS_WEIGHTS)[0]
            created = _stamp(start - rng.randrange(3, 90), rng)
            updated = created + rng.randrange(60, 4 * 86400)

            if kind[3] == 0:
                self.add_period(
                    employee, type_id, status, start, following, created, updated
                )
                continue

            length = min(rng.randint(kind[3], kind[4]), following - start)
            last = start + length - 1
            while last > start and not table.is_working(last):
                last -= 1
            half = rng.random()
            half_start = half < 0.06 or (length == 1 and half < 0.12)
            half_end = length > 1 and half > 0.92
            style = rng.randrange(4) if rng.random() < 0.5 else 0
            self.add_time_off(
                employee,
                type_id,
                status,
                start,
                last,
                half_start,
                half_end,
                style & (STYLE_INT_FLAGS | STYLE_COLON_OFFSET),
                created=created,
                updated=updated,
            )

    def add_period(
        self,
        employee: EmployeeRecord,
        type_id: int,
        status: int,
        first: int,
        following: int,
        created: int,
        updated: int,
    ) -> None:
        rng = self.rng
        table = working_days(employee.counting_schedule, employee.calendar)
        days = 2 if rng.random() < 0.1 and first + 1 < following else 1
        if days == 2 and not table.is_working(first + 1):
            days = 1
        self.periods.append(
            id_=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            employee=employee.id,
            type_index=cat.TYPE_INDEX[type_id],
            status=status,
            first_day=first,
            day_count=days,
            start_minute=rng.randrange(16, 30) * 30,
            daily_minutes=rng.randrange(1, 9) * 30,
            created=created,
            updated=updated,
        )


def _prorate(entitlement: float, hire: dt.date, termination: dt.date | None) -> float:
    """Scale a yearly entitlement to the months employed in 2026, in half days."""
    first_month = hire.month if hire.year == 2026 else 1
    last_month = termination.month if termination and termination.year == 2026 else 12
    months = max(0, last_month - first_month + 1)
    return round(entitlement * months / 12 * 2) / 2


def build_company(seed: int, size: SandboxSize, today: dt.date) -> Company:
    """Generate the company for `seed` and `size`; equal inputs give equal data."""
    return _Generator(seed, size).company(today)
