"""Models built without validation (`construct_trusted`) equal validated ones."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pydantic
import pytest

from personio_sdk.models import Absence, AbsenceType, KindResolver, _base
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


def assert_same_as_validated(model: pydantic.BaseModel) -> None:
    validated = validated_copy(model)
    assert model == validated
    assert repr(model) == repr(validated)
    assert model.model_dump() == validated.model_dump()
    assert model.model_dump_json() == validated.model_dump_json()
    assert model.model_fields_set == validated.model_fields_set
    assert model.model_extra == validated.model_extra
    assert hash(model) == hash(validated)
    assert list(model.__dict__) == list(type(model).model_fields)


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


def test_trusted_construction_matches_the_installed_pydantic() -> None:
    # When this fails, a pydantic release changed how it fills a model, and the
    # SDK silently falls back to validating every record (slower, still correct).
    assert _base._TRUSTED_CONSTRUCTION is True


def test_every_demo_absence_equals_its_validated_copy(
    demo_absences: list[Absence],
) -> None:
    assert {absence.unit for absence in demo_absences} == {"day", "hour"}
    assert any(absence.breakdown for absence in demo_absences)
    assert any(absence.model_extra for absence in demo_absences)
    for absence in demo_absences:
        assert_same_as_validated(absence)
        for day in absence.breakdown:
            assert_same_as_validated(day)


def test_trusted_absence_is_frozen_and_copies_like_a_validated_one(
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


def test_validating_fallback_builds_the_same_absences(
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


def test_validating_fallback_refuses_a_wrong_value_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The fallback is real validation: a value of the wrong type is refused.
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
