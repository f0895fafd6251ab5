"""The base model of the SDK's payload models, and their ResponseValidationError."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pydantic

from personio_sdk._errors import ResponseValidationError
from personio_sdk.models._parse import FieldError

__all__ = [
    "PersonioModel",
    "build_model",
    "construct_trusted",
    "extra_fields",
    "invalid_payload",
]

_T = TypeVar("_T")
_M = TypeVar("_M", bound=pydantic.BaseModel)
_set_slot = object.__setattr__


class PersonioModel(pydantic.BaseModel):
    """Base of the SDK's models: frozen, and fields Personio adds later are kept.

    A model built by a `from_api` constructor carries the payload's attributes that it
    does not map to a field as extra attributes (see `model_extra`), so that a field
    Personio adds is readable before the SDK maps it.
    """

    model_config = pydantic.ConfigDict(extra="allow", frozen=True)


def build_model(build: Callable[[], _T], *, path: str, location: str) -> _T:
    """Run `build` and turn a payload that does not fit into ResponseValidationError.

    `path` is the endpoint path (without query string) and `location` the position of
    the item in the response body, for example `data[3]`. The error names the field and
    the expected shape, never the value, because values may be personal data. A model
    built outside a request has no path, and the error then names `(payload)`.
    """
    try:
        return build()
    except (FieldError, pydantic.ValidationError) as exc:
        raise invalid_payload(exc, path=path, location=location) from None


def invalid_payload(
    error: FieldError | pydantic.ValidationError, *, path: str, location: str
) -> ResponseValidationError:
    """Turn the error of a parser into ResponseValidationError, as `build_model` does.

    For callers that build many models in one loop and catch the error themselves.
    """
    if isinstance(error, FieldError):
        where = f"{location}.{error.location}" if location else error.location
        return ResponseValidationError(
            path=path or "(payload)", location=where, expected=error.expected
        )
    return ResponseValidationError.from_pydantic(
        error, path=path or "(payload)", prefix=location
    )


def extra_fields(
    attributes: Mapping[str, Any], model: type[pydantic.BaseModel], *used: str
) -> dict[str, Any]:
    """Return the attributes that neither name a field of `model` nor are in `used`.

    They are passed to the model as extra attributes, so that fields Personio adds are
    kept. Names that pydantic reserves (`model_...`) are left out.
    """
    excluded = _excluded_keys(model, used)
    # The records of a listing share their attribute names, so the names of the
    # extras are worked out once per combination of names.
    names = tuple(attributes)
    extra_names = _EXTRA_NAMES.get((excluded, names))
    if extra_names is None:
        extra_names = tuple(
            name
            for name in names
            if name not in excluded and not name.startswith("model_")
        )
        if len(_EXTRA_NAMES) < _EXTRA_NAMES_MAX:
            _EXTRA_NAMES[excluded, names] = extra_names
    return {name: attributes[name] for name in extra_names} if extra_names else {}


# The names of the extras, by excluded names and a record's attribute names.
_EXTRA_NAMES: dict[tuple[frozenset[str], tuple[str, ...]], tuple[str, ...]] = {}
_EXTRA_NAMES_MAX = 1024


@functools.lru_cache(maxsize=64)
def _excluded_keys(
    model: type[pydantic.BaseModel], used: tuple[str, ...]
) -> frozenset[str]:
    # Reading `model_fields` goes through a pydantic descriptor, which costs more than
    # the lookup itself when it runs for every key of every record.
    return frozenset(model.model_fields).union(used)


def construct_trusted(
    model: type[_M], values: dict[str, Any], extra: dict[str, Any]
) -> _M:
    """Build `model` from values the SDK's parsers converted, without validating them.

    `values` has every field of `model`, in the order the model declares them,
    each already of its field's type; `extra` has the extra attributes. The result
    equals `model(**values, **extra)`, field by field and in `model_fields_set`, but
    costs about a quarter of it: building 200,000 absences is the largest part of a
    listing's time, and pydantic would check again what the parsers just checked.
    `model_construct` skips the checks too, yet it is slower than validating,
    because it looks at every field's default in Python.

    The instance is filled the way pydantic fills it: its `__dict__` and three
    slots. When a pydantic version fills models differently, `_TRUSTED_CONSTRUCTION`
    is False and `model` validates as usual.
    """
    if not _TRUSTED_CONSTRUCTION:
        return model(**values, **extra)
    instance = model.__new__(model)
    _set_slot(instance, "__dict__", values)
    _set_slot(instance, "__pydantic_fields_set__", _fields_set(model, values, extra))
    _set_slot(instance, "__pydantic_extra__", extra)
    _set_slot(instance, "__pydantic_private__", None)
    return instance


# `model_fields_set` of trusted models, by model and extra names (`values` always
# has every field). Models share the set of their names, because making a set per
# record cost about a tenth of building it (0.4 of 5 µs for an absence). Sharing
# is safe: pydantic never changes the set of a frozen model in place, and
# `model_copy` changes a copy.
_FIELDS_SETS: dict[tuple[object, ...], set[str]] = {}
_FIELDS_SETS_MAX = 256


def _fields_set(
    model: type[pydantic.BaseModel], values: dict[str, Any], extra: dict[str, Any]
) -> set[str]:
    key = (model, *extra)
    shared = _FIELDS_SETS.get(key)
    if shared is None:
        shared = {*values, *extra}
        if len(_FIELDS_SETS) < _FIELDS_SETS_MAX:
            _FIELDS_SETS[key] = shared
    return shared


def _trusted_construction_matches() -> bool:
    """Tell whether `construct_trusted` builds what this pydantic version builds."""

    class Probe(PersonioModel):
        number: int
        text: str | None = None

    values: dict[str, Any] = {"number": 1, "text": None}
    extra: dict[str, Any] = {"added": [1]}
    validated = Probe(**values, **extra)
    try:
        trusted = construct_trusted(Probe, dict(values), dict(extra))
        return (
            trusted == validated
            and repr(trusted) == repr(validated)
            and trusted.model_dump() == validated.model_dump()
            and trusted.model_fields_set == validated.model_fields_set
            and hash(trusted.model_copy()) == hash(validated)
        )
    except (AttributeError, TypeError):
        return False


# True while the check runs, so that it calls the trusted path it checks.
_TRUSTED_CONSTRUCTION = True
_TRUSTED_CONSTRUCTION = _trusted_construction_matches()
_FIELDS_SETS.clear()
