"""Fault injection: make chosen requests fail the way Personio and its proxies do.

A `Fault` names what goes wrong (`kind`), which requests it hits (path, method, page)
and how often (`after` matching requests pass first, then `times` are hit). Kinds:

- `status`: respond with `status` (default 503) with Personio's error body, and a
  `Retry-After` header when `retry_after` is set (seconds or an HTTP date).
- `html`: respond with `status` (default 502) with an HTML error page, as a proxy does.
- `latency`: wait `seconds` (default 1), then respond normally.
- `stall`: send nothing for `seconds` (default 30), longer than a client's read
  timeout, then respond normally if the client is still connected.
- `drop`: close the connection without a response.
- `truncate`: send the headers and half the body, then close the connection.
- `revoke_token`: revoke every token first, so the request gets 401.
- `expire_token`: age every token past 24 hours first, so the request gets 401.
"""

from __future__ import annotations

import fnmatch
import math
import threading
from dataclasses import dataclass, field

FAULT_KINDS = (
    "status",
    "html",
    "latency",
    "stall",
    "drop",
    "truncate",
    "revoke_token",
    "expire_token",
)
_DEFAULT_STATUS = {"status": 503, "html": 502}
_DEFAULT_SECONDS = {"latency": 1.0, "stall": 30.0}
_OPTION_KEYS = {
    "path",
    "method",
    "page",
    "times",
    "after",
    "status",
    "retry_after",
    "seconds",
}


@dataclass
class Fault:
    """One injected fault and the requests it applies to.

    `path` matches the request path exactly, its route template (for example
    `/v1/company/employees/{employee_id}`) or a shell-style pattern (`/v1/company/*`);
    None matches every path. `page` is the 1-based page of a listing, whatever the
    endpoint's offset style. `times` None means every matching request.
    Raises ValueError for an unknown kind.
    """

    kind: str
    path: str | None = None
    method: str | None = None
    page: int | None = None
    times: int | None = None
    after: int = 0
    status: int | None = None
    retry_after: float | str | None = None
    seconds: float | None = None
    seen: int = field(default=0, init=False)
    hits: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            known = ", ".join(FAULT_KINDS)
            raise ValueError(f"unknown fault kind {self.kind!r}; known kinds: {known}")
        if self.status is None:
            self.status = _DEFAULT_STATUS.get(self.kind)
        if self.seconds is None:
            self.seconds = _DEFAULT_SECONDS.get(self.kind, 0.0)

    @classmethod
    def parse(cls, spec: str) -> Fault:
        """Parse a command-line spec: `KIND[=VALUE][,key=value]...`.

        VALUE is the status for `status` and `html` and the seconds for `latency` and
        `stall`. Keys: path, method, page, times, after, status, retry_after, seconds.
        Example: `status=503,path=/v1/company/time-offs,page=2,times=1,retry_after=2`.
        Raises ValueError naming the part that cannot be read.
        """
        head, *rest = [part.strip() for part in spec.split(",") if part.strip()]
        kind, _, value = head.partition("=")
        options: dict[str, str] = {}
        if value:
            options["seconds" if kind in _DEFAULT_SECONDS else "status"] = value
        for part in rest:
            key, sep, item = part.partition("=")
            if not sep:
                raise ValueError(
                    f"invalid fault option {part!r} in {spec!r}: use key=value"
                )
            options[key.replace("-", "_")] = item
        unknown = sorted(set(options) - _OPTION_KEYS)
        if unknown:
            raise ValueError(f"unknown fault option(s) {unknown} in {spec!r}")
        try:
            return cls(
                kind.replace("-", "_"),
                path=options.get("path"),
                method=_upper(options.get("method")),
                page=_int(options, "page", minimum=1),
                times=_int(options, "times", minimum=0),
                after=_int(options, "after", minimum=0) or 0,
                status=_status(options),
                retry_after=_retry_after(options.get("retry_after")),
                seconds=_seconds(options),
            )
        except ValueError as exc:
            raise ValueError(f"invalid fault {spec!r}: {exc}") from None

    def matches(self, method: str, path: str, template: str | None, page: int) -> bool:
        """Tell whether this fault applies to a request, ignoring its counters."""
        if self.method is not None and self.method != method:
            return False
        if self.page is not None and self.page != page:
            return False
        if self.path is None:
            return True
        if self.path in (path, template):
            return True
        return "*" in self.path and fnmatch.fnmatchcase(path, self.path)


def _upper(value: str | None) -> str | None:
    return None if value is None else value.upper()


def _int(options: dict[str, str], key: str, *, minimum: int) -> int | None:
    """Read the integer option `key`, raising ValueError that names it."""
    value = options.get(key)
    if value is None:
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or int(text) < minimum:
        raise ValueError(
            f"{key} must be a whole number of at least {minimum}, got {value!r}"
        )
    return int(text)


def _status(options: dict[str, str]) -> int | None:
    value = options.get("status")
    text = (value or "").strip()
    valid = text.isascii() and text.isdigit() and 100 <= int(text) <= 599
    if value is not None and not valid:
        raise ValueError(
            f"status must be an HTTP status from 100 to 599, such as 503, got {value!r}"
        )
    return None if value is None else int(text)


def _seconds(options: dict[str, str]) -> float | None:
    value = options.get("seconds")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(
            f"seconds must be a number of 0 or more, such as 1.5, got {value!r}"
        )
    return seconds


def _retry_after(value: str | None) -> float | str | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return value  # an HTTP date, sent as written


class FaultPlan:
    """The sandbox's faults, consulted once per request; thread-safe."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        """Add a fault after the existing ones; return it (its counters update live)."""
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Remove every fault."""
        with self._lock:
            self._faults.clear()

    def faults(self) -> list[Fault]:
        """Return the faults in the order they are tried."""
        with self._lock:
            return list(self._faults)

    def pick(
        self, method: str, path: str, template: str | None, page: int
    ) -> Fault | None:
        """Return the first fault that hits this request, counting it, or None."""
        with self._lock:
            for fault in self._faults:
                if not fault.matches(method, path, template, page):
                    continue
                fault.seen += 1
                if fault.seen <= fault.after:
                    continue
                if fault.times is not None and fault.hits >= fault.times:
                    continue
                fault.hits += 1
                return fault
        return None


def format_retry_after(value: float | str) -> str:
    """Write a Retry-After value: whole seconds when numeric, else as given."""
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else str(value)


HTML_ERROR_PAGE = (
    "<html>\r\n<head><title>{status} {phrase}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {phrase}</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
