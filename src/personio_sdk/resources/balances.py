"""`client.balances`: absence balances and remaining vacation days."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from personio_sdk.models.balances import AbsenceBalance
from personio_sdk.models.kinds import (
    CATEGORY_KINDS,
    PAID_VACATION_CATEGORY,
    is_paid_vacation,
    normalize_category,
)
from personio_sdk.resources._common import check_positive_id, data_list
from personio_sdk.resources.absence_types import AbsenceTypesResource

if TYPE_CHECKING:
    from personio_sdk._transport import Transport

__all__ = ["BalancesResource"]


class BalancesResource:
    """Balances per time-off type (`/v1/company/employees/{id}/absences/balance`)."""

    def __init__(
        self, transport: Transport, absence_types: AbsenceTypesResource
    ) -> None:
        self._transport = transport
        self._absence_types = absence_types

    def list(self, employee_id: int) -> builtins.list[AbsenceBalance]:
        """Fetch the balance of every time-off type of an employee, in days.

        Each balance takes the kind of the time-off type with the same id (the type
        list is cached, see `client.absence_types`). Raises ValueError for a
        non-positive id, NotFoundError for an unknown employee and
        ResponseValidationError for a malformed entry.
        """
        check_positive_id(employee_id, "employee_id")
        path = f"/v1/company/employees/{employee_id}/absences/balance"
        body = self._transport.get(path)
        resolver = self._absence_types.resolver()
        return [
            AbsenceBalance.from_api(
                item, resolver, path=path, location=f"data[{index}]"
            )
            for index, item in enumerate(data_list(body, path))
        ]

    def remaining_vacation_days(self, employee_id: int) -> Decimal:
        """Return the paid vacation days an employee has left to plan.

        The sum of `available_balance` (or `balance` in responses from before Personio
        added `available_balance`) over the types in the category `paid_vacation`.
        When no type has that category, the types without a specific category whose
        names the rules classify as paid vacation count instead. Unpaid vacation never
        counts. Raises like `list`.
        """
        return self.remaining_from(self.list(employee_id))

    def remaining_from(self, balances: Iterable[AbsenceBalance]) -> Decimal:
        """Return the paid vacation days left in `balances`, read before by `list`.

        Applies the rules of `remaining_vacation_days` without another balance
        request, so a caller that already has the balances saves one request.
        """
        balances = builtins.list(balances)
        types = {t.id: t for t in self._absence_types.list()}

        def category_of(balance: AbsenceBalance) -> str | None:
            known = types.get(balance.type_id)
            category = known.category if known is not None else balance.category
            return normalize_category(category)

        def name_of(balance: AbsenceBalance) -> str:
            known = types.get(balance.type_id)
            return known.name if known is not None else balance.name

        chosen = [b for b in balances if category_of(b) == PAID_VACATION_CATEGORY]
        if not chosen:
            chosen = [
                b
                for b in balances
                if category_of(b) not in CATEGORY_KINDS
                and is_paid_vacation(name=name_of(b), category=category_of(b))
            ]
        return sum((_remaining(b) for b in chosen), Decimal(0))


def _remaining(balance: AbsenceBalance) -> Decimal:
    if balance.available_balance is not None:
        return balance.available_balance
    return balance.balance
