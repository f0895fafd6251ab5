"""Resources of the client: each builds requests and parses models."""

from personio_sdk.resources._errors import AttributeNotReadableError
from personio_sdk.resources.absence_types import (
    ABSENCE_TYPES_CACHE_TTL,
    AbsenceTypesResource,
)
from personio_sdk.resources.absences import AbsencesResource
from personio_sdk.resources.balances import BalancesResource
from personio_sdk.resources.employees import SUGGESTION_SCAN_LIMIT, EmployeesResource
from personio_sdk.resources.work_schedules import WorkSchedulesResource

__all__ = [
    "ABSENCE_TYPES_CACHE_TTL",
    "SUGGESTION_SCAN_LIMIT",
    "AbsenceTypesResource",
    "AbsencesResource",
    "AttributeNotReadableError",
    "BalancesResource",
    "EmployeesResource",
    "WorkSchedulesResource",
]
