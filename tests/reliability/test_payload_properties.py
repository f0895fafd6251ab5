"""Property tests: any v1 payload shape parses or raises ResponseValidationError.

No other exception may escape a parser, and the error's message contains no value
of the payload, because values may be personal data. Unknown fields and unknown
categories survive parsing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st

from personio_sdk import (
    Absence,
    AbsenceBalance,
    AbsenceStatus,
    AbsenceType,
    Employee,
    ResponseValidationError,
)
from personio_sdk.models.kinds import classify
from reliability import payloads
from reliability.payloads import PAYLOAD_SETTINGS

PATH = "/v1/company/example"
Parser = Callable[[Any], object]

PARSERS: dict[str, tuple[Parser, st.SearchStrategy[Any]]] = {
    "time-off": (
        lambda item: Absence.from_time_off(item, path=PATH, location="data[0]"),
        payloads.time_off_item,
    ),
    "absence-period": (
        lambda item: Absence.from_absence_period(item, path=PATH, location="data[0]"),
        payloads.absence_period_item,
    ),
    "employee": (
        lambda item: Employee.from_api(item, path=PATH, location="data[0]"),
        payloads.employee_item,
    ),
    "time-off-type": (
        lambda item: AbsenceType.from_api(item, path=PATH, location="data[0]"),
        payloads.time_off_type_item,
    ),
    "balance": (
        lambda item: AbsenceBalance.from_api(item, path=PATH, location="data[0]"),
        payloads.balance_item,
    ),
}


def parse_or_validation_error(parse: Parser, payload: Any) -> None:
    """Parse `payload`; a ResponseValidationError must not quote any of its values."""
    try:
        parse(payload)
    except ResponseValidationError as error:
        message = str(error)
        leaked = [
            value for value in payloads.planted_values(payload) if value in message
        ]
        assert leaked == [], message


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_payload_parses_or_raises_validation_error(name: str) -> None:
    parse, strategy = PARSERS[name]

    @PAYLOAD_SETTINGS
    @given(payload=strategy)
    def check(payload: Any) -> None:
        parse_or_validation_error(parse, payload)

    check()


def _employee_with_schedule(days: dict[str, object]) -> dict[str, Any]:
    return {
        "type": "Employee",
        "attributes": {
            "id": {"label": "ID", "value": 1},
            "work_schedule": {"label": "Work schedule", "value": days},
        },
    }


def _period_at(start: str, end: str, zone: str) -> dict[str, Any]:
    return {
        "attributes": {
            "id": "9bba303f-0fbc-4514-9958-0befa21923fb",
            "start": start,
            "end": end,
            "timezone": zone,
            "employee": {"attributes": {"id": {"label": "ID", "value": 1}}},
        }
    }


# Shapes hypothesis found that raised another exception than ResponseValidationError.
FOUND_CASES: dict[str, tuple[Parser, Any]] = {
    "schedule-day-hours-overflow-decimal": (
        PARSERS["employee"][0],
        _employee_with_schedule({"monday": "1e1000000"}),
    ),
    "schedule-week-overflows-timedelta": (
        PARSERS["employee"][0],
        _employee_with_schedule(
            dict.fromkeys(("monday", "tuesday", "wednesday"), "P999999999D")
            | dict.fromkeys(("thursday", "friday", "saturday", "sunday"), "00:00")
        ),
    ),
    "period-before-year-1-in-zone": (
        PARSERS["absence-period"][0],
        _period_at("0001-01-01T00:30:00Z", "0001-01-01T01:00:00Z", "America/New_York"),
    ),
    "period-ends-at-first-midnight": (
        PARSERS["absence-period"][0],
        _period_at("0001-01-01T00:00:00+05:00", "0001-01-01T00:00:00+00:00", ""),
    ),
    "period-after-year-9999-in-zone": (
        PARSERS["absence-period"][0],
        _period_at(
            "9999-12-31T20:00:00Z", "9999-12-31T21:00:00Z", "Pacific/Kiritimati"
        ),
    ),
}


@pytest.mark.parametrize("name", sorted(FOUND_CASES))
def test_found_shape_parses_or_fails_cleanly(name: str) -> None:
    parse, payload = FOUND_CASES[name]
    parse_or_validation_error(parse, payload)


def valid_attributes(fields: payloads.Fields) -> st.SearchStrategy[dict[str, Any]]:
    """Draw attributes with every field valid, and no unknown key."""
    return st.fixed_dictionaries({name: pair[0] for name, pair in fields.items()})


# Unknown keys never clash with a field, because fields have no `x_` prefix.
unknown_fields = st.dictionaries(
    payloads.text.map(lambda name: f"x_{name}"),
    payloads.any_json,
    min_size=1,
    max_size=3,
)
unknown_text = payloads.text.filter(lambda value: value not in payloads.VOCABULARY)

MODEL_PARSERS: dict[str, tuple[Parser, payloads.Fields]] = {
    "time-off": (PARSERS["time-off"][0], payloads.TIME_OFF_FIELDS),
    "absence-period": (PARSERS["absence-period"][0], payloads.ABSENCE_PERIOD_FIELDS),
    "time-off-type": (PARSERS["time-off-type"][0], payloads.TIME_OFF_TYPE_FIELDS),
    "balance": (PARSERS["balance"][0], payloads.BALANCE_FIELDS),
}


def parsed(parse: Parser, payload: Any) -> Any:
    """Parse a valid payload; skip the rare one that cannot be represented.

    Instants within hours of year 1 or 9999 may not fit a datetime in their zone.
    """
    try:
        return parse(payload)
    except ResponseValidationError:
        reject()


@pytest.mark.parametrize("name", sorted(MODEL_PARSERS))
def test_unknown_fields_are_kept(name: str) -> None:
    parse, fields = MODEL_PARSERS[name]

    @PAYLOAD_SETTINGS
    @given(attributes=valid_attributes(fields), extra=unknown_fields)
    def check(attributes: dict[str, Any], extra: dict[str, Any]) -> None:
        model = parsed(parse, {"attributes": {**attributes, **extra}})
        assert {key: model.model_extra.get(key) for key in extra} == extra

    check()


@PAYLOAD_SETTINGS
@given(
    attributes=valid_attributes(payloads.EMPLOYEE_FIELDS),
    extra=st.dictionaries(
        payloads.text.map(lambda name: f"x_{name}"),
        payloads.wrapped(payloads.any_json),
        min_size=1,
        max_size=3,
    ),
)
def test_unknown_employee_attributes_are_kept(
    attributes: dict[str, Any], extra: dict[str, Any]
) -> None:
    employee = parsed(PARSERS["employee"][0], {"attributes": {**attributes, **extra}})
    kept = {key: employee.attributes.get(key) for key in extra}
    assert kept == {key: wrapper["value"] for key, wrapper in extra.items()}


@PAYLOAD_SETTINGS
@given(
    attributes=valid_attributes(payloads.TIME_OFF_TYPE_FIELDS), category=unknown_text
)
def test_unknown_type_category_is_kept(
    attributes: dict[str, Any], category: str
) -> None:
    absence_type = parsed(
        PARSERS["time-off-type"][0], {**attributes, "category": category}
    )
    assert absence_type.category == category


@PAYLOAD_SETTINGS
@given(
    attributes=valid_attributes(payloads.TIME_OFF_TYPE_FIELDS), category=unknown_text
)
def test_unknown_category_uses_name_rules(
    attributes: dict[str, Any], category: str
) -> None:
    absence_type = parsed(
        PARSERS["time-off-type"][0], {**attributes, "category": category}
    )
    expected = classify(type_id=absence_type.id, name=absence_type.name, category=None)
    assert absence_type.kind is expected


@PAYLOAD_SETTINGS
@given(attributes=valid_attributes(payloads.TIME_OFF_FIELDS), category=unknown_text)
def test_unknown_time_off_category_is_kept(
    attributes: dict[str, Any], category: str
) -> None:
    time_off_type = {"attributes": {"id": 7, "name": "Zq", "category": category}}
    absence = parsed(
        PARSERS["time-off"][0], {**attributes, "time_off_type": time_off_type}
    )
    assert absence.category == category


@PAYLOAD_SETTINGS
@given(attributes=valid_attributes(payloads.BALANCE_FIELDS), category=unknown_text)
def test_unknown_balance_category_is_kept(
    attributes: dict[str, Any], category: str
) -> None:
    balance = parsed(PARSERS["balance"][0], {**attributes, "category": category})
    assert balance.category == category


@PAYLOAD_SETTINGS
@given(attributes=valid_attributes(payloads.TIME_OFF_FIELDS), status=unknown_text)
def test_unknown_status_is_kept_as_string(
    attributes: dict[str, Any], status: str
) -> None:
    absence = parsed(PARSERS["time-off"][0], {**attributes, "status": status})
    assert absence.status == status
    assert not isinstance(absence.status, AbsenceStatus)
