"""`client.absence_types` caching, `client.balances` and remaining vacation days."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
import respx
from resource_helpers import data_requests, list_body, load_payload, type_item

from personio_sdk._transport import Transport
from personio_sdk.models import AbsenceKind, KindOverrides
from personio_sdk.resources import (
    ABSENCE_TYPES_CACHE_TTL,
    AbsenceTypesResource,
    BalancesResource,
)

TYPES = "/v1/company/time-off-types"
BALANCE = "/v1/company/employees/7/absences/balance"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def types(transport: Transport, clock: Clock) -> AbsenceTypesResource:
    return AbsenceTypesResource(transport, clock=clock)


def balance(
    type_id: int, name: str, category: str | None, value: Any, available: Any = None
) -> dict:
    item = {"id": type_id, "name": name, "category": category, "balance": value}
    if available is not None:
        item["available_balance"] = available
    return item


def test_types_example(api: respx.MockRouter, types: AbsenceTypesResource) -> None:
    api.get(TYPES).respond(json=load_payload("v1-time-off-types-200"))
    listed = types.list()
    assert [(t.id, t.kind, t.unit) for t in listed] == [
        (1234, AbsenceKind.VACATION, "day"),
        (1235, AbsenceKind.OTHER, "hour"),
    ]
    assert listed[1].counts_as_work is True


def test_types_are_cached(api: respx.MockRouter, types: AbsenceTypesResource) -> None:
    api.get(TYPES).respond(json=list_body([type_item(1, "Urlaub", None)]))
    types.list()
    first = len(data_requests(api, TYPES))
    types.list()
    assert len(data_requests(api, TYPES)) == first


def test_types_refetched_after_ttl(
    api: respx.MockRouter, types: AbsenceTypesResource, clock: Clock
) -> None:
    api.get(TYPES).respond(json=list_body([type_item(1, "Urlaub", None)]))
    types.list()
    first = len(data_requests(api, TYPES))
    clock.now += ABSENCE_TYPES_CACHE_TTL
    types.list()
    assert len(data_requests(api, TYPES)) > first


def test_overrides_reclassify(
    api: respx.MockRouter, types: AbsenceTypesResource
) -> None:
    api.get(TYPES).respond(json=list_body([type_item(1, "Freizeitausgleich", None)]))
    assert types.list()[0].kind is AbsenceKind.OTHER
    types.overrides = KindOverrides(by_type_id={1: AbsenceKind.VACATION})
    assert types.list()[0].kind is AbsenceKind.VACATION


def test_negative_ttl_rejected(transport: Transport) -> None:
    with pytest.raises(ValueError, match="ttl"):
        AbsenceTypesResource(transport, ttl=-1)


@pytest.fixture
def balances(transport: Transport, types: AbsenceTypesResource) -> BalancesResource:
    return BalancesResource(transport, types)


def test_balances_with_kinds(api: respx.MockRouter, balances: BalancesResource) -> None:
    api.get(TYPES).respond(
        json=list_body([type_item(5, "Jahresurlaub", "paid_vacation")])
    )
    api.get(BALANCE).respond(
        json={
            "success": True,
            "data": [balance(5, "Jahresurlaub", "custom_absence", 8.33, 6.5)],
        }
    )
    [entry] = balances.list(7)
    assert entry.kind is AbsenceKind.VACATION
    assert entry.balance == Decimal("8.33")
    assert entry.available_balance == Decimal("6.5")


def test_remaining_sums_paid_vacation(
    api: respx.MockRouter, balances: BalancesResource
) -> None:
    api.get(TYPES).respond(
        json=list_body(
            [
                type_item(5, "Jahresurlaub", "paid_vacation"),
                type_item(6, "Resturlaub", "paid_vacation"),
                type_item(7, "Unbezahlter Urlaub", "unpaid_vacation"),
                type_item(8, "Krankheit", "sick_leave"),
                type_item(9, "Urlaub alt", None),
            ]
        )
    )
    api.get(BALANCE).respond(
        json={
            "success": True,
            "data": [
                balance(5, "Jahresurlaub", None, 20, 12.5),
                balance(6, "Resturlaub", None, 3, 2.25),
                balance(7, "Unbezahlter Urlaub", None, 5, 5),
                balance(8, "Krankheit", None, 0, 0),
                balance(9, "Urlaub alt", None, 4, 4),
            ],
        }
    )
    assert balances.remaining_vacation_days(7) == Decimal("14.75")


def test_remaining_by_name_without_categories(
    api: respx.MockRouter, balances: BalancesResource
) -> None:
    api.get(TYPES).respond(json=list_body([]))
    api.get(BALANCE).respond(
        json=load_payload("v1-absence-balance-200.before-available-balance")
    )
    # Old responses have no available_balance, so the balance counts.
    assert balances.remaining_vacation_days(7) == Decimal(14)


def test_remaining_never_counts_unpaid(
    api: respx.MockRouter, balances: BalancesResource
) -> None:
    api.get(TYPES).respond(json=list_body([]))
    api.get(BALANCE).respond(
        json={
            "success": True,
            "data": [
                balance(1, "Unpaid vacation", None, 10, 10),
                balance(2, "Paid vacation", None, 3.5, 3.5),
            ],
        }
    )
    assert balances.remaining_vacation_days(7) == Decimal("3.5")


def test_balances_reject_bad_id(
    api: respx.MockRouter, balances: BalancesResource
) -> None:
    with pytest.raises(ValueError, match="employee_id"):
        balances.list(0)
    with pytest.raises(ValueError, match="employee_id"):
        balances.remaining_vacation_days(-1)
    assert data_requests(api) == []


def test_remaining_from_reuses_balances(
    api: respx.MockRouter, balances: BalancesResource
) -> None:
    api.get(TYPES).respond(
        json=list_body([type_item(5, "Jahresurlaub", "paid_vacation")])
    )
    api.get(BALANCE).respond(
        json={"success": True, "data": [balance(5, "Jahresurlaub", None, 20, 12.5)]}
    )
    listed = balances.list(7)
    assert balances.remaining_from(listed) == Decimal("12.5")
    assert len(data_requests(api, BALANCE)) == 1
