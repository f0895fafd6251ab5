"""Absence balances: fractional numbers, kinds from types, old responses."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from personio_sdk._errors import ResponseValidationError
from personio_sdk.models import AbsenceBalance, AbsenceKind, AbsenceType, KindResolver


def test_old_example_without_available_balance(payload: Callable[[str], Any]) -> None:
    items = payload("v1-absence-balance-200.before-available-balance")["data"]
    vacation, sick = (AbsenceBalance.from_api(item) for item in items)
    assert vacation.type_id == 21799
    assert vacation.name == "Paid Vacation"
    assert vacation.category is None
    assert vacation.balance == Decimal(14)
    assert vacation.available_balance is None
    assert vacation.kind is AbsenceKind.VACATION
    assert vacation.paid_vacation is True
    assert sick.kind is AbsenceKind.SICK_LEAVE
    assert sick.paid_vacation is False


@pytest.mark.parametrize(
    ("raw", "expected"), [(8.33, "8.33"), (10.5, "10.5"), ("8.5", "8.5")]
)
def test_fractional_balances(raw: Any, expected: str) -> None:
    balance = AbsenceBalance.from_api(
        {
            "id": 1,
            "name": "Urlaub",
            "category": "paid_vacation",
            "balance": raw,
            "available_balance": raw,
        }
    )
    assert balance.balance == Decimal(expected)
    assert balance.available_balance == Decimal(expected)


def test_kind_from_matching_type() -> None:
    types = [
        AbsenceType(
            id=1234, name="Freizeit", category="sick_leave", kind=AbsenceKind.SICK_LEAVE
        )
    ]
    balance = AbsenceBalance.from_api(
        {
            "id": 1234,
            "name": "Paid Vacation",
            "category": "custom_absence",
            "balance": 3,
        },
        KindResolver(types),
    )
    assert balance.kind is AbsenceKind.SICK_LEAVE
    assert balance.category == "custom_absence"
    assert balance.paid_vacation is False


def test_custom_category_uses_name() -> None:
    balance = AbsenceBalance.from_api(
        {"id": 1, "name": "Paid Vacation", "category": "custom_absence", "balance": 3}
    )
    assert balance.kind is AbsenceKind.VACATION


def test_missing_balance_raises() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        AbsenceBalance.from_api(
            {"id": 1, "name": "Urlaub"},
            path="/v1/company/employees/1/absences/balance",
            location="data[0]",
        )
    assert caught.value.location == "data[0].balance"
    assert caught.value.path == "/v1/company/employees/1/absences/balance"


def test_bad_balance_hides_value() -> None:
    with pytest.raises(ResponseValidationError) as caught:
        AbsenceBalance.from_api({"id": 1, "name": "Urlaub", "balance": "zwölf"})
    assert "zwölf" not in str(caught.value)
