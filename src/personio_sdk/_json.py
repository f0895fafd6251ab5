"""Decoding of JSON response bodies."""

from __future__ import annotations

import json
from typing import Any

import pydantic_core

from personio_sdk._errors import ResponseValidationError

__all__ = ["decode_body"]


def _from_json_options() -> dict[str, Any]:
    try:
        pydantic_core.from_json(b"{}", cache_strings="keys")
    except TypeError:
        # pydantic-core before 2.18 (pydantic 2.7) has no `cache_strings`.
        return {}
    return {"cache_strings": "keys"}


_FROM_JSON_OPTIONS = _from_json_options()


def decode_body(content: bytes, *, path: str) -> Any:
    """Decode a JSON response body; None for an empty one.

    Raises ResponseValidationError (location `body`) when it is not JSON.
    """
    if not content:
        return None
    try:
        # pydantic-core's parser (pydantic's own dependency) decoded Personio's
        # pages in a little over half the time `json.loads` took. Caching only the
        # keys, which repeat on every record, was faster than caching every string.
        return pydantic_core.from_json(content, **_FROM_JSON_OPTIONS)
    except ValueError:
        # It rejects a few documents `json.loads` reads: other encodings than UTF-8,
        # lone surrogates and nesting deeper than 200 levels.
        pass
    try:
        return json.loads(content)
    except ValueError:
        raise ResponseValidationError(
            path=path, location="body", expected="a JSON document"
        ) from None
