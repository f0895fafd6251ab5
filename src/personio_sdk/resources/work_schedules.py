"""`client.work_schedules`: the contracted hours of an employee per weekday."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING

from personio_sdk._errors import NotFoundError, PermissionDeniedError
from personio_sdk.models.work_schedule import WorkSchedule
from personio_sdk.resources._common import data_list
from personio_sdk.resources._errors import AttributeNotReadableError
from personio_sdk.resources.employees import EmployeesResource

if TYPE_CHECKING:
    from personio_sdk._transport import Transport

__all__ = ["WorkSchedulesResource"]

ATTRIBUTES_PATH = "/v1/company/employees/attributes"

# Only v1 exposes the schedule, as this employee attribute.
_ATTRIBUTE = "work_schedule"
_LABEL = "Work schedule"


class WorkSchedulesResource:
    """Work schedules, read from the `work_schedule` attribute of v1 employees."""

    def __init__(self, transport: Transport) -> None:
        self._transport = transport
        self._employees = EmployeesResource(transport)
        self._lock = threading.Lock()
        self._readable: bool | None = None
        self._checked = False

    def get(self, employee_id: int) -> WorkSchedule:
        """Fetch the current work schedule of an employee.

        Personio keeps no history here, so the schedule is today's. An employee with
        no schedule assigned gets a schedule whose days are None, with `weekly_hours`
        from `weekly_working_hours` when that is readable.

        Personio leaves the attribute out both when the credential may not read it
        and when the employee has no schedule. In that case one more request reads
        the credential's readable attributes from `/v1/company/employees/attributes`.
        Raises AttributeNotReadableError when "Work schedule" is not among them (or
        that list is not available), EmployeeNotFoundError for an unknown employee
        and ValueError for a non-positive id.
        """
        employee = self._employees.get(employee_id)
        if employee.is_readable(_ATTRIBUTE) or self.schedule_readable() is True:
            return employee.work_schedule or WorkSchedule()
        raise AttributeNotReadableError(
            attribute=_ATTRIBUTE, label=_LABEL, employee_id=employee_id
        )

    def schedule_readable(self, *, refresh: bool = True) -> bool | None:
        """Tell whether the API credential may read the "Work schedule" attribute.

        Reads the credential's readable employee attributes from
        `/v1/company/employees/attributes`: True when "Work schedule" is among
        them, False when it is not, None when that list is not available (404 or
        403). True is kept for the client's lifetime. Any other result is read
        again on the next call, so that a permission granted later takes effect.
        With `refresh` False an earlier result is returned without a request, so
        that a calendar of many employees costs one request, not one each.
        """
        with self._lock:
            known = self._readable
            if known is True or (self._checked and not refresh):
                return known
        try:
            body = self._transport.get(ATTRIBUTES_PATH)
        except (NotFoundError, PermissionDeniedError):
            readable: bool | None = None
        else:
            keys = {
                entry.get("key")
                for entry in data_list(body, ATTRIBUTES_PATH)
                if isinstance(entry, Mapping)
            }
            readable = _ATTRIBUTE in keys
        with self._lock:
            self._checked = True
            # Another thread may have stored True meanwhile; True is never dropped.
            if self._readable is not True:
                self._readable = readable
            return self._readable
