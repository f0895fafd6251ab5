"""Pydantic models of Personio's payloads and the rules that classify absence types."""

from personio_sdk.models._base import PersonioModel
from personio_sdk.models.absences import Absence, AbsenceDay, AbsenceType, KindResolver
from personio_sdk.models.balances import AbsenceBalance
from personio_sdk.models.employees import Employee, HolidayCalendar, OrgUnit
from personio_sdk.models.kinds import (
    AbsenceKind,
    KindOverrides,
    classify,
    counts_as_work,
    is_offsite_work,
    is_paid_vacation,
)
from personio_sdk.models.status import AbsenceStatus, parse_status
from personio_sdk.models.work_schedule import WorkSchedule

__all__ = [
    "Absence",
    "AbsenceBalance",
    "AbsenceDay",
    "AbsenceKind",
    "AbsenceStatus",
    "AbsenceType",
    "Employee",
    "HolidayCalendar",
    "KindOverrides",
    "KindResolver",
    "OrgUnit",
    "PersonioModel",
    "WorkSchedule",
    "classify",
    "counts_as_work",
    "is_offsite_work",
    "is_paid_vacation",
    "parse_status",
]
