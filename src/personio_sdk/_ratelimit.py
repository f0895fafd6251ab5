"""Client-side rate limiting per endpoint family, shared by every thread of a client.

Personio documents three v1 limits: 60 token requests a minute, 300 GET employees
requests a minute in bursts of at most 15 a second, and 2,000 requests a minute per
IP address over every v1 endpoint. Each limit is a family here. A request counts
towards every family that contains it: a page of employees takes a slot of
`employees` and one of `overall`.

Each family is a GCRA (generic cell rate algorithm), a token bucket kept as one
timestamp, the theoretical arrival time `tat`. A request at time `t` conforms when
`tat - tolerance <= t`, where the tolerance is `burst - 1` intervals of the
configured rate. `acquire` reserves the earliest conforming time of each family of
the request in turn, moves its `tat` on by one interval and sleeps outside the
lock, so threads are served in the order of their requests.

A 429 slows the request's most specific family: its rate is halved (once per pause,
however many requests were in flight), and the family is paused for the wait that
the request loop chose from Retry-After. After the pause, requests resume one
interval apart without a burst. Every 2xx response adds 5% of the configured rate
back until the configured rate is reached again.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from personio_sdk import _constants as constants
from personio_sdk._errors import ConfigurationError
from personio_sdk._logging import logger

__all__ = [
    "DEFAULT_RATE_LIMITS",
    "RateLimit",
    "RateLimiter",
    "RateLimits",
    "build_rate_limiter",
    "families_of",
]

AUTH = "auth"
EMPLOYEES = "employees"
OVERALL = "overall"

_EMPLOYEES_PATH = "/v1/company/employees"


@dataclass(frozen=True)
class RateLimit:
    """The limit of one endpoint family.

    `per_minute` is the sustained rate in requests a minute; `burst` is how many
    requests may go at once after a quiet period. Raises ValueError for a rate that
    is not positive and finite, or a burst below 1.
    """

    per_minute: float
    burst: int = 1

    def __post_init__(self) -> None:
        rate = self.per_minute
        if isinstance(rate, bool) or not isinstance(rate, (int, float)):
            raise ValueError(f"per_minute must be a number, got {rate!r}")
        if not math.isfinite(rate) or rate <= 0:
            raise ValueError(f"per_minute must be positive and finite, got {rate!r}")
        if isinstance(self.burst, bool) or not isinstance(self.burst, int):
            raise ValueError(f"burst must be an integer, got {self.burst!r}")
        if self.burst < 1:
            raise ValueError(f"burst must be at least 1, got {self.burst}")


@dataclass(frozen=True)
class RateLimits:
    """Client-side limits per endpoint family; None turns off that family's limit.

    - `auth`: `POST /v1/auth`.
    - `employees`: GET `/v1/company/employees`, one employee by id and the
      attribute lists.
    - `overall`: every request to a `/v1/` path, the ones above included.

    The defaults keep a margin below Personio's documented limits; `_constants.py`
    states each margin and its reason.
    """

    auth: RateLimit | None = RateLimit(
        constants.RATE_LIMIT_AUTH_PER_MINUTE, constants.RATE_LIMIT_AUTH_BURST
    )
    employees: RateLimit | None = RateLimit(
        constants.RATE_LIMIT_EMPLOYEES_PER_MINUTE, constants.RATE_LIMIT_EMPLOYEES_BURST
    )
    overall: RateLimit | None = RateLimit(
        constants.RATE_LIMIT_OVERALL_PER_MINUTE, constants.RATE_LIMIT_OVERALL_BURST
    )


DEFAULT_RATE_LIMITS = RateLimits()


def families_of(method: str, path: str) -> tuple[str, ...]:
    """Return the families a request counts towards, the most specific first.

    `path` is the path without query string. A path outside `/v1/` belongs to none.
    """
    if not path.startswith("/v1/"):
        return ()
    if path == constants.AUTH_PATH:
        return (AUTH, OVERALL)
    if method == "GET" and _is_employees_path(path):
        return (EMPLOYEES, OVERALL)
    return (OVERALL,)


def _is_employees_path(path: str) -> bool:
    # NOTE: Personio documents the limit for GET employees only. Sub-resources of
    # one employee (absence balances) are assumed to count only towards `overall`.
    if path == _EMPLOYEES_PATH:
        return True
    rest = path.removeprefix(_EMPLOYEES_PATH + "/")
    return rest != path and bool(rest) and "/" not in rest


@dataclass
class _Family:
    """GCRA state of one family; every field is guarded by the limiter's lock."""

    limit: RateLimit
    rate: float = 0.0  # current requests per second
    tat: float = -math.inf
    paused_until: float = -math.inf
    pauses: int = 0
    base_rate: float = field(init=False)
    tolerance: float = field(init=False)

    def __post_init__(self) -> None:
        self.base_rate = self.limit.per_minute / 60.0
        self.rate = self.base_rate
        self.tolerance = (self.limit.burst - 1) / self.base_rate

    def earliest(self) -> float:
        """Return the earliest time a request conforms, ignoring other families."""
        return max(self.tat - self.tolerance, self.paused_until)

    def reserve(self, start: float) -> None:
        self.tat = max(self.tat, start) + 1.0 / self.rate

    def pause(self, now: float, seconds: float) -> None:
        if now >= self.paused_until:
            floor = self.base_rate * constants.RATE_LIMIT_MIN_SHARE
            self.rate = max(floor, self.rate * constants.RATE_LIMIT_BACKOFF_FACTOR)
        self.paused_until = max(self.paused_until, now + seconds)
        # Reservations of sleeping threads are dropped, because each of them takes
        # a new one when it wakes. The tolerance is used up, so no burst follows.
        self.tat = self.paused_until + self.tolerance
        self.pauses += 1

    def recover(self) -> None:
        step = self.base_rate * constants.RATE_LIMIT_RECOVERY_STEP
        self.rate = min(self.base_rate, self.rate + step)


class RateLimiter:
    """Space requests so that each endpoint family stays within its `RateLimit`.

    Thread-safe. One instance is shared by every thread of a client. Personio
    counts the overall limit per IP address, so several clients of one process can
    share an instance: `PersonioClient(rate_limits=limiter)`. `clock` returns
    monotonic seconds and `sleep` waits. Both are injectable, so that tests run
    without real time.
    """

    def __init__(
        self,
        limits: RateLimits | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.limits = limits if limits is not None else RateLimits()
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        configured = {
            AUTH: self.limits.auth,
            EMPLOYEES: self.limits.employees,
            OVERALL: self.limits.overall,
        }
        self._families = {
            name: _Family(limit)
            for name, limit in configured.items()
            if limit is not None
        }
        self._rate_limited = 0

    def acquire(
        self, method: str, path: str, *, after_rate_limit: bool = False
    ) -> float:
        """Wait until the request may be sent; return the seconds waited.

        `after_rate_limit` marks the retry of a request that received a 429 and has
        already waited out the pause it caused: it takes its slot without waiting,
        so that it goes first once the pause is over.
        """
        families = self._families_for(method, path)
        waited = 0.0
        while True:
            with self._lock:
                pauses = [family.pauses for family in families]
            # The broadest family first and the most specific last, so that the
            # request takes its `employees` slot at the moment it is sent. A slot
            # taken first may be used a little late, which the broad `overall`
            # limit absorbs, and no family's slots stay empty while a request
            # waits for another family.
            for family in reversed(families):
                waited += self._take(family, after_rate_limit)
            with self._lock:
                paused = any(
                    family.pauses != seen
                    for family, seen in zip(families, pauses, strict=True)
                )
            if not paused:
                return waited
            # A 429 paused a family during the wait, so new slots are taken after
            # the pause. This repeats only once per new 429.

    def _take(self, family: _Family, after_rate_limit: bool) -> float:
        """Reserve the family's next slot and sleep until it; return the wait."""
        with self._lock:
            now = self._clock()
            start = now if after_rate_limit else max(now, family.earliest())
            family.reserve(start)
        wait = start - now
        if wait <= 0:
            return 0.0
        self._sleep(wait)
        return wait

    def on_response(self, method: str, path: str, status: int) -> None:
        """Move the families of a request with a 2xx response back towards their
        configured rates."""
        if not 200 <= status < 300:
            return
        families = self._families_for(method, path)
        if not families:
            return
        with self._lock:
            for family in families:
                family.recover()

    def on_rate_limited(self, method: str, path: str, pause: float) -> None:
        """Slow the request's most specific family after a 429 and pause it for
        `pause` seconds."""
        names = [name for name in families_of(method, path) if name in self._families]
        with self._lock:
            self._rate_limited += 1
            if not names:
                return
            family = self._families[names[0]]
            family.pause(self._clock(), max(0.0, pause))
            rate = family.rate * 60.0
        logger.info(
            "%s %s -> 429; %s requests paused for %.1f s, then at %.0f a minute",
            method,
            path,
            names[0],
            pause,
            rate,
        )

    @property
    def rate_limited(self) -> int:
        """Number of 429 responses reported to this limiter."""
        with self._lock:
            return self._rate_limited

    def rates(self) -> dict[str, float]:
        """Return the current rate of each limited family, in requests a minute."""
        with self._lock:
            return {name: family.rate * 60.0 for name, family in self._families.items()}

    def _families_for(self, method: str, path: str) -> list[_Family]:
        names = families_of(method, path)
        return [self._families[name] for name in names if name in self._families]

    def __repr__(self) -> str:
        return f"RateLimiter({self.limits!r})"


def build_rate_limiter(
    value: object,
    *,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
) -> RateLimiter | None:
    """Return the limiter for the `rate_limits` option of a client.

    A `RateLimits` gets a new limiter on the client's clock and sleep, a
    `RateLimiter` is shared as given and None turns limiting off. Raises
    ConfigurationError for any other value.
    """
    if value is None or isinstance(value, RateLimiter):
        return value
    if not isinstance(value, RateLimits):
        raise ConfigurationError(
            "rate_limits must be a RateLimits, a RateLimiter or None, "
            f"got {type(value).__name__}."
        )
    return RateLimiter(value, clock=clock, sleep=sleep)
