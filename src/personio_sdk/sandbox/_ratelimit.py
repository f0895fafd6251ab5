"""Personio's documented rate limits: 429 responses with Retry-After.

- `POST /v1/auth`: 60 requests a minute; past that, a 60-second cool-down during which
  every token request is rejected.
- `GET /v1/company/employees` (list, one employee, attributes): 300 requests a
  minute, bursts of at most 15 a second.
- every v1 endpoint together: 2,000 requests a minute (Personio counts per IP address;
  the sandbox only serves loopback, so it counts all requests together).

Only accepted requests count towards a window. Windows slide on the sandbox clock, so
`Sandbox.advance(60)` empties them.
"""

from __future__ import annotations

import math
import threading
from collections import deque
from collections.abc import Callable

AUTH_PER_MINUTE = 60
AUTH_COOL_DOWN = 60.0
EMPLOYEES_PER_MINUTE = 300
EMPLOYEES_PER_SECOND = 15
OVERALL_PER_MINUTE = 2000
EMPLOYEE_ROUTES = frozenset(
    {
        "/v1/company/employees",
        "/v1/company/employees/{employee_id}",
        "/v1/company/employees/attributes",
    }
)


class SlidingWindow:
    """At most `limit` events in any `seconds`-long window."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._events: deque[float] = deque()

    def wait_time(self, now: float) -> float:
        """Return 0 if an event fits now, else the seconds until one fits."""
        events = self._events
        while events and events[0] <= now - self.seconds:
            events.popleft()
        if len(events) < self.limit:
            return 0.0
        return events[0] + self.seconds - now

    def record(self, now: float) -> None:
        """Count one event at `now`."""
        self._events.append(now)


class RateLimiter:
    """Decides per request whether Personio would respond with 429; thread-safe."""

    def __init__(self, clock: Callable[[], float], *, enabled: bool = True) -> None:
        self.enabled = enabled
        self._clock = clock
        self._lock = threading.Lock()
        self._auth = SlidingWindow(AUTH_PER_MINUTE, 60.0)
        self._auth_blocked_until = -math.inf
        self._employees_minute = SlidingWindow(EMPLOYEES_PER_MINUTE, 60.0)
        self._employees_second = SlidingWindow(EMPLOYEES_PER_SECOND, 1.0)
        self._overall = SlidingWindow(OVERALL_PER_MINUTE, 60.0)

    def retry_after(self, template: str | None) -> int | None:
        """Return None to accept the request, or whole seconds for Retry-After."""
        if not self.enabled:
            return None
        now = self._clock()
        with self._lock:
            windows = [self._overall]
            if template == "/v1/auth":
                if now < self._auth_blocked_until:
                    return _seconds(self._auth_blocked_until - now)
                if self._auth.wait_time(now) > 0:
                    self._auth_blocked_until = now + AUTH_COOL_DOWN
                    return _seconds(AUTH_COOL_DOWN)
                windows.append(self._auth)
            elif template in EMPLOYEE_ROUTES:
                windows += [self._employees_minute, self._employees_second]
            wait = max(window.wait_time(now) for window in windows)
            if wait > 0:
                return _seconds(wait)
            for window in windows:
                window.record(now)
        return None


def _seconds(wait: float) -> int:
    """Round a wait up to whole seconds, at least 1 as Personio advises."""
    return max(1, math.ceil(wait))
