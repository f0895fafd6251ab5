"""Errors raised by the resources beyond those of the request loop."""

from __future__ import annotations

from personio_sdk._errors import PersonioError

__all__ = ["AttributeNotReadableError"]


class AttributeNotReadableError(PersonioError):
    """Personio did not return an employee attribute the call needs.

    Personio leaves out every attribute that is not among the "readable employee
    attributes" of the API credential, so the response is a 200 without the field
    and not a 403. `attribute` is the attribute key (`work_schedule`), `label` its
    name in Personio's settings ("Work schedule") and `employee_id` the employee
    requested.
    """

    def __init__(self, *, attribute: str, label: str, employee_id: int) -> None:
        self.attribute = attribute
        self.label = label
        self.employee_id = employee_id
        super().__init__(
            f'The API credential cannot read the employee attribute "{label}" '
            f'({attribute}) of employee {employee_id}. Add "{label}" to the readable '
            "employee attributes of the API credential in Personio, then retry."
        )
