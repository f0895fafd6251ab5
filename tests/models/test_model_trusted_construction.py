"""Models built without validation (`construct_trusted`) equal validated ones."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pydantic
import pytest

from personio_sdk.models import Absence, AbsenceType, Employee, KindResolver, _base
from personio_sdk.sandbox import Sandbox


def sandbox_items(sandbox: Sandbox, path: str, pages: int) -> Iterator[dict[str, Any]]:
    """Yield the raw items of the first `pages` pages of `path`."""
    with httpx.Client(base_url=sandbox.url) as http:
        token = http.post("/v1/auth", json=dict(sandbox.credentials)).json()
        headers = {"Authorization": f"Bearer {token['data']['token']}"}
        for page in range(pages):
            offset = page + 1 if path.endswith("time-offs") else page * 200
            response = http.get(
                path, params={"limit": 200, "offset": offset}, headers=headers
            )
            response.raise_for_status()
            yield from response.json()["data"]


def validated_copy(model: pydantic.BaseModel) -> pydantic.BaseModel:
    """Build the same model again through pydantic's validation."""
    return type(model)(**model.__dict__, **(model.model_extra or {}))


def assert_same_as_validated(
    model: pydantic.BaseModel, *, hashable: bool = True
) -> None:
    """Check that `model` equals its validated copy in every public respect.

    A model with dict fields (`hashable=False`) has no hash, built either way.
    """
    validated = validated_copy(model)
    assert model == validated
    assert repr(model) == repr(validated)
    assert model.model_dump() == validated.model_dump()
    assert model.model_dump_json() == validated.model_dump_json()
    assert model.model_fields_set == validated.model_fields_set
    assert model.model_extra == validated.model_extra
    assert list(model.__dict__) == list(type(model).model_fields)
    if not hashable:
        with pytest.raises(TypeError):
            hash(model)
        return
    assert hash(model) == hash(validated)


@pytest.fixture(scope="module")
def demo_absences(personio_sandbox: Sandbox) -> list[Absence]:
    types = [
        AbsenceType.from_api(item)
        for item in sandbox_items(personio_sandbox, "/v1/company/time-off-types", 1)
    ]
    resolver = KindResolver(types)
    built: list[Absence] = []
    for path, build in (
        ("/v1/company/time-offs", Absence.from_time_off),
        ("/v1/company/absence-periods", Absence.from_absence_period),
    ):
        built += [
            build(item, resolver) for item in sandbox_items(personio_sandbox, path, 4)
        ]
    return built


def test_trusted_construction_enabled() -> None:
    # When this fails, a pydantic release changed how it fills a model, and the
    # SDK silently falls back to validating every record (slower, still correct).
    assert _base._TRUSTED_CONSTRUCTION is True


def test_demo_absences_equal_validated(
    demo_absences: list[Absence],
) -> None:
    assert {absence.unit for absence in demo_absences} == {"day", "hour"}
    assert any(absence.breakdown for absence in demo_absences)
    assert any(absence.model_extra for absence in demo_absences)
    for absence in demo_absences:
        assert_same_as_validated(absence)
        for day in absence.breakdown:
            assert_same_as_validated(day)


def test_trusted_absence_frozen_and_copyable(
    demo_absences: list[Absence],
) -> None:
    absence = demo_absences[0]
    with pytest.raises(pydantic.ValidationError):
        absence.comment = "changed"  # type: ignore[misc]
    changed = absence.model_copy(update={"comment": "changed"})
    assert changed.comment == "changed"
    assert absence.comment != "changed"
    assert "comment" in changed.model_fields_set
    assert copy.deepcopy(absence) == absence


def test_shared_fields_set_does_not_leak(demo_absences: list[Absence]) -> None:
    # Absences of one shape share their `model_fields_set`, so a copy that adds an
    # extra must not add it to the set of the others.
    first, second = [absence for absence in demo_absences if absence.unit == "day"][:2]
    assert first.model_fields_set is second.model_fields_set
    changed = first.model_copy(update={"added_later": 1})
    assert "added_later" in changed.model_fields_set
    assert "added_later" not in first.model_fields_set
    assert "added_later" not in second.model_fields_set


def test_fallback_builds_same_absences(
    monkeypatch: pytest.MonkeyPatch,
    payload: Callable[[str], Any],
) -> None:
    items = payload("v1-time-offs-list-200")["data"]
    periods = payload("v1-absence-periods-hourly-list-200")["data"]
    trusted = [Absence.from_time_off(item) for item in items]
    trusted += [Absence.from_absence_period(item) for item in periods]
    monkeypatch.setattr(_base, "_TRUSTED_CONSTRUCTION", False)
    validated = [Absence.from_time_off(item) for item in items]
    validated += [Absence.from_absence_period(item) for item in periods]
    assert trusted == validated
    assert [repr(absence) for absence in trusted] == [
        repr(absence) for absence in validated
    ]


def test_fallback_rejects_wrong_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The fallback is real validation: a value of the wrong type is rejected.
    monkeypatch.setattr(_base, "_TRUSTED_CONSTRUCTION", False)
    with pytest.raises(pydantic.ValidationError):
        _base.construct_trusted(
            AbsenceType,
            {
                "id": "not a number",
                "name": "Urlaub",
                "category": None,
                "unit": None,
                "kind": "vacation",
                "counts_as_work": False,
                "approval_required": None,
            },
            {},
        )


def sandbox_employees(sandbox: Sandbox) -> Iterator[dict[str, Any]]:
    """Yield the raw items of every employee page, 100 records a page."""
    with httpx.Client(base_url=sandbox.url) as http:
        token = http.post("/v1/auth", json=dict(sandbox.credentials)).json()
        headers = {"Authorization": f"Bearer {token['data']['token']}"}
        offset = 0
        while True:
            response = http.get(
                "/v1/company/employees",
                params={"limit": 100, "offset": offset},
                headers=headers,
            )
            response.raise_for_status()
            items = response.json()["data"]
            yield from items
            if len(items) < 100:
                return
            offset += len(items)


NESTED_MODELS = (
    "work_schedule",
    "holiday_calendar",
    "department",
    "office",
    "team",
    "subcompany",
)


def nested_models(employee: Employee) -> list[pydantic.BaseModel]:
    """Return the models inside `employee` (schedule, calendar, org units)."""
    found = [getattr(employee, name) for name in NESTED_MODELS]
    return [model for model in found if model is not None]


@pytest.fixture(scope="module")
def demo_employees(personio_sandbox: Sandbox) -> list[Employee]:
    return [Employee.from_api(item) for item in sandbox_employees(personio_sandbox)]


def test_demo_employees_equal_validated(
    demo_employees: list[Employee],
) -> None:
    assert len(demo_employees) > 50
    for employee in demo_employees:
        assert_same_as_validated(employee, hashable=False)


def test_nested_demo_models_equal_validated(
    demo_employees: list[Employee],
) -> None:
    for name in NESTED_MODELS:
        assert any(getattr(employee, name) for employee in demo_employees), name
    for employee in demo_employees:
        for model in nested_models(employee):
            assert_same_as_validated(model)


def test_demo_employees_cover_custom_attributes(
    demo_employees: list[Employee],
) -> None:
    schedules = [employee.work_schedule for employee in demo_employees]
    assert any(schedule and schedule.days_known for schedule in schedules)
    assert any(employee.custom_attributes for employee in demo_employees)
    assert all(employee.model_extra == {} for employee in demo_employees)


@pytest.mark.parametrize(
    "name",
    [
        "v1-employees-list-200",
        "v1-employee-get-200",
        "v1-employee-get-200.old-tenant",
    ],
)
def test_fallback_builds_same_employees(
    monkeypatch: pytest.MonkeyPatch,
    payload: Callable[[str], Any],
    name: str,
) -> None:
    data = payload(name)["data"]
    items = data if isinstance(data, list) else [data]
    trusted = [Employee.from_api(item) for item in items]
    monkeypatch.setattr(_base, "_TRUSTED_CONSTRUCTION", False)
    validated = [Employee.from_api(item) for item in items]
    assert trusted == validated
    assert [repr(employee) for employee in trusted] == [
        repr(employee) for employee in validated
    ]
    assert [employee.model_dump() for employee in trusted] == [
        employee.model_dump() for employee in validated
    ]
    assert [nested_models(employee) for employee in trusted] == [
        nested_models(employee) for employee in validated
    ]
