"""The parts of a v1 list response that paging reads: items, ids and counts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from personio_sdk._errors import ResponseValidationError

__all__ = ["Page", "parse_page"]


@dataclass(frozen=True)
class Page:
    """One page of a listing: its raw items, their ids and the announced counts."""

    items: list[Mapping[str, Any]]
    ids: tuple[object, ...]
    total_elements: int | None
    total_pages: int | None


def parse_page(
    body: Any, *, path: str, item_id: Callable[[Mapping[str, Any]], object]
) -> Page:
    """Read the items, their ids and the counts of one list response.

    Raises ResponseValidationError when the body is not an object, has no `data`
    list, or an item is not an object with a hashable id.
    """
    if not isinstance(body, Mapping):
        raise ResponseValidationError(path=path, location="body", expected="an object")
    data = body.get("data")
    if not isinstance(data, list):
        raise ResponseValidationError(path=path, location="data", expected="a list")
    ids: list[object] = []
    for index, item in enumerate(data):
        if not isinstance(item, Mapping):
            raise ResponseValidationError(
                path=path, location=f"data[{index}]", expected="an object"
            )
        try:
            identifier = item_id(item)
            hash(identifier)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ResponseValidationError(
                path=path, location=f"data[{index}]", expected="an item with an id"
            ) from None
        ids.append(identifier)
    metadata = body.get("metadata")
    if not isinstance(metadata, Mapping):
        metadata = {}
    return Page(
        items=data,
        ids=tuple(ids),
        total_elements=_count(metadata.get("total_elements")),
        total_pages=_count(metadata.get("total_pages")),
    )


def _count(value: Any) -> int | None:
    """Read a non-negative count that may arrive as a number or a string."""
    if isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None
