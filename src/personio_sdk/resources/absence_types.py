"""`client.absence_types`: the company's time-off types with their kinds, cached."""

from __future__ import annotations

import builtins
import threading
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from personio_sdk._pagination import PageStyle, iter_items
from personio_sdk.models.absences import AbsenceType, KindResolver
from personio_sdk.models.kinds import KindOverrides

if TYPE_CHECKING:
    from personio_sdk._transport import Transport

__all__ = ["ABSENCE_TYPES_CACHE_TTL", "AbsenceTypesResource"]

TIME_OFF_TYPES_PATH = "/v1/company/time-off-types"

# Seconds a fetched list of types is reused. Types change only when an admin edits
# the company settings, and every absence listing needs them, so ten minutes saves a
# request per listing while a renamed type shows up soon.
ABSENCE_TYPES_CACHE_TTL = 600.0

# Personio documents 200 as the default page size of this endpoint.
_PAGE_SIZE = 200


class AbsenceTypesResource:
    """Time-off types (`/v1/company/time-off-types`), day- and hour-based.

    The list is cached per client for `ttl` seconds of the monotonic `clock`. Setting
    `overrides` (a KindOverrides) reclassifies the types and clears the cache.
    """

    def __init__(
        self,
        transport: Transport,
        *,
        overrides: KindOverrides | None = None,
        clock: Callable[[], float] | None = None,
        ttl: float = ABSENCE_TYPES_CACHE_TTL,
    ) -> None:
        if ttl < 0:
            raise ValueError(f"ttl must be zero or more seconds, got {ttl}")
        self._transport = transport
        self._overrides = overrides
        self._clock = clock or time.monotonic
        self._ttl = ttl
        self._lock = threading.Lock()
        self._cached: tuple[AbsenceType, ...] | None = None
        self._fetched_at = 0.0

    @property
    def overrides(self) -> KindOverrides | None:
        """User decisions on kinds that win over every rule, or None."""
        return self._overrides

    @overrides.setter
    def overrides(self, value: KindOverrides | None) -> None:
        with self._lock:
            self._overrides = value
            self._cached = None

    def list(self) -> builtins.list[AbsenceType]:
        """Return every time-off type with its `kind` and `counts_as_work`.

        Served from the cache when it is younger than the TTL. Threads that ask while
        a fetch runs wait for it instead of sending their own request. Raises the
        errors of the request loop and ResponseValidationError for a malformed type.
        """
        with self._lock:
            now = self._clock()
            if self._cached is None or now - self._fetched_at >= self._ttl:
                self._cached = tuple(self._fetch())
                self._fetched_at = now
            return builtins.list(self._cached)

    def clear_cache(self) -> None:
        """Forget the cached types, so that the next call fetches them again."""
        with self._lock:
            self._cached = None

    def resolver(self) -> KindResolver:
        """Build a KindResolver that fetches the types when first needed."""
        return KindResolver(self.list, overrides=self._overrides)

    def _fetch(self) -> builtins.list[AbsenceType]:
        items = iter_items(
            self._transport,
            TIME_OFF_TYPES_PATH,
            style=PageStyle.RECORD_OFFSET,
            page_size=_PAGE_SIZE,
            item_id=_type_item_id,
        )
        return [
            AbsenceType.from_api(
                item,
                overrides=self._overrides,
                path=TIME_OFF_TYPES_PATH,
                location=f"data[{index}]",
            )
            for index, item in enumerate(items)
        ]


def _type_item_id(item: Mapping[str, Any]) -> object:
    attributes = item.get("attributes", item)
    identifier = attributes["id"]
    if isinstance(identifier, (Mapping, builtins.list)):
        raise TypeError("type id is not a scalar")
    return identifier
