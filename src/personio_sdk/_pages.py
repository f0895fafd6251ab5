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
    unique_ids: frozenset[object]
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
    try:
        ids = tuple(map(item_id, data))
        unique_ids = frozenset(ids)
    except (KeyError, TypeError, ValueError, AttributeError):
        # Some item is not an object or has no hashable id: find the first one, in
        # order, for the error.
        _raise_for_first_bad_item(data, path=path, item_id=item_id)
        raise ResponseValidationError(
            path=path, location="data", expected="objects with an id"
        ) from None
    metadata = body.get("metadata")
    if not isinstance(metadata, Mapping):
        metadata = {}
    return Page(
        items=data,
        ids=ids,
        unique_ids=unique_ids,
        total_elements=_count(metadata.get("total_elements")),
        total_pages=_count(metadata.get("total_pages")),
    )


def _raise_for_first_bad_item(
    data: list[Any], *, path: str, item_id: Callable[[Mapping[str, Any]], object]
) -> None:
    """Raise ResponseValidationError for the first item that is not an object with
    a hashable id; return when every item is one."""
    for index, item in enumerate(data):
        if not isinstance(item, Mapping):
            raise ResponseValidationError(
                path=path, location=f"data[{index}]", expected="an object"
            )
        try:
            hash(item_id(item))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ResponseValidationError(
                path=path, location=f"data[{index}]", expected="an item with an id"
            ) from None


def _count(value: Any) -> int | None:
    """Read a non-negative count that may arrive as a number or a string."""
    if isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None
