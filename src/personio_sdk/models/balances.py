"""Absence balances of an employee per time-off type."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from personio_sdk.models._base import PersonioModel, build_model, extra_fields
from personio_sdk.models._parse import (
    FieldError,
    attributes_of,
    is_empty,
    parse_decimal,
    parse_int,
    parse_optional_str,
)
from personio_sdk.models.absences import KindResolver
from personio_sdk.models.kinds import AbsenceKind, is_paid_vacation

__all__ = ["AbsenceBalance"]


class AbsenceBalance(PersonioModel):
    """The balance of one time-off type for one employee, in the type's unit (days).

    `balance` is what is left as of today: only absences already taken are deducted.
    `available_balance` is what is left to plan, with upcoming absences deducted too.
    Personio added it in April 2024, so older responses lack it (None).
    """

    type_id: int
    name: str
    category: str | None = None
    """The category as the balance endpoint sends it, which may be outside the
    time-off type categories (`custom_absence`) or null."""
    kind: AbsenceKind
    balance: Decimal
    available_balance: Decimal | None = None
    paid_vacation: bool = False
    """True when this balance counts as remaining paid vacation, see
    `personio_sdk.models.kinds.is_paid_vacation`; set from the matching time-off type's
    category when that type is known."""

    @classmethod
    def from_api(
        cls,
        item: Mapping[str, Any],
        resolver: KindResolver | None = None,
        *,
        path: str = "",
        location: str = "",
    ) -> AbsenceBalance:
        """Build a balance from an item of the balance endpoint's `data` list.

        The kind is the kind of the time-off type with the same id when `resolver`
        has it, else it is derived from the balance's own name and category. Raises
        ResponseValidationError when id, name or balance are missing or malformed.
        """
        chosen = resolver or KindResolver()
        return build_model(lambda: _build(item, chosen), path=path, location=location)


def _build(item: Mapping[str, Any], resolver: KindResolver) -> AbsenceBalance:
    attributes = attributes_of(item, "")
    prefix = "attributes." if "attributes" in item else ""
    if is_empty(attributes.get("id")):
        raise FieldError(f"{prefix}id", "an integer")
    type_id = parse_int(attributes["id"], f"{prefix}id")
    name = parse_optional_str(attributes.get("name"), f"{prefix}name")
    if name is None:
        raise FieldError(f"{prefix}name", "a string")
    category = parse_optional_str(attributes.get("category"), f"{prefix}category")
    if is_empty(attributes.get("balance")):
        raise FieldError(f"{prefix}balance", "a number")
    available = attributes.get("available_balance")

    known_type = resolver.find_type(type_id)
    if known_type is not None:
        kind = known_type.kind
        paid = is_paid_vacation(name=known_type.name, category=known_type.category)
    else:
        kind, _ = resolver.resolve(type_id=type_id, name=name, category=category)
        paid = is_paid_vacation(name=name, category=category)
    return AbsenceBalance(
        type_id=type_id,
        name=name,
        category=category,
        kind=kind,
        balance=parse_decimal(attributes["balance"], f"{prefix}balance"),
        available_balance=None
        if is_empty(available)
        else parse_decimal(available, f"{prefix}available_balance"),
        paid_vacation=paid,
        **extra_fields(attributes, AbsenceBalance, "id"),
    )
