"""The base model of the SDK's payload models, and their ResponseValidationError."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import pydantic

from personio_sdk._errors import ResponseValidationError
from personio_sdk.models._parse import FieldError

__all__ = ["PersonioModel", "build_model", "extra_fields"]

_T = TypeVar("_T")


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
    except FieldError as exc:
        where = f"{location}.{exc.location}" if location else exc.location
        raise ResponseValidationError(
            path=path or "(payload)", location=where, expected=exc.expected
        ) from None
    except pydantic.ValidationError as exc:
        raise ResponseValidationError.from_pydantic(
            exc, path=path or "(payload)", prefix=location
        ) from None


def extra_fields(
    attributes: Mapping[str, Any], model: type[pydantic.BaseModel], *used: str
) -> dict[str, Any]:
    """Return the attributes that neither name a field of `model` nor are in `used`.

    They are passed to the model as extra attributes, so that fields Personio adds are
    kept. Names that pydantic reserves (`model_...`) are left out.
    """
    excluded = _excluded_keys(model, used)
    return {
        key: value
        for key, value in attributes.items()
        if key not in excluded and not key.startswith("model_")
    }


@functools.lru_cache(maxsize=64)
def _excluded_keys(
    model: type[pydantic.BaseModel], used: tuple[str, ...]
) -> frozenset[str]:
    # Reading `model_fields` goes through a pydantic descriptor, which costs more than
    # the lookup itself when it runs for every key of every record.
    return frozenset(model.model_fields).union(used)
