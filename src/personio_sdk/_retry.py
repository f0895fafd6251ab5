"""Retry decisions, back-off and `Retry-After` parsing for the request loop.

Only GET requests and the token request are retried. The random part of the back-off
is in `jitter()`, so that tests can pin it.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from personio_sdk import _constants as constants

__all__ = [
    "RetryPolicy",
    "backoff_delay",
    "jitter",
    "parse_retry_after",
]


@dataclass(frozen=True)
class RetryPolicy:
    """Limits of the retry loop; every duration is in seconds."""

    max_retries: int = constants.DEFAULT_MAX_RETRIES
    backoff_base: float = constants.BACKOFF_BASE
    backoff_max: float = constants.BACKOFF_MAX
    retry_after_max: float = constants.RETRY_AFTER_MAX
    rate_limit_min_wait: float = constants.RATE_LIMIT_MIN_WAIT
    retry_statuses: frozenset[int] = constants.RETRY_STATUSES

    def is_retryable_status(self, status_code: int) -> bool:
        """Return whether a response with this status may be retried."""
        return status_code in self.retry_statuses


def jitter(ceiling: float) -> float:
    """Return a random duration in `[0, ceiling)` seconds.

    This is the only random part of the back-off; tests replace it to make waits
    exact.
    """
    return random.uniform(0.0, ceiling)


def backoff_delay(retry_number: int, policy: RetryPolicy) -> float:
    """Return the wait in seconds before retry `retry_number` (1 for the first retry).

    The ceiling doubles with each retry from `backoff_base` up to `backoff_max`. The
    wait is half the ceiling plus a random part of up to the other half, so that
    clients that failed together do not retry together.
    """
    exponent = max(retry_number - 1, 0)
    ceiling = min(policy.backoff_max, policy.backoff_base * (2.0**exponent))
    half = ceiling / 2.0
    return half + jitter(half)


def parse_retry_after(
    value: str | None, *, now: Callable[[], float] = time.time
) -> float | None:
    """Parse a `Retry-After` header into a wait in seconds.

    Accepts a number of seconds (`"2"`, `"1.5"`) or an HTTP date, which is measured
    against `now()` (seconds since the epoch). A date in the past gives 0. Returns
    None for a missing, negative or unreadable value.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        if math.isfinite(seconds) and seconds >= 0:
            return seconds
        return None
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        # RFC 9110 dates are always GMT; a date without a zone is read as GMT too.
        when = when.replace(tzinfo=datetime.timezone.utc)
    return max(0.0, when.timestamp() - now())


@dataclass(frozen=True)
class StatusRetry:
    """Outcome of `decide_status_retry`: wait `wait` seconds, or give up."""

    retry: bool
    wait: float
    retry_after: float | None
    over_cap: bool = False


def decide_status_retry(
    status_code: int,
    retry_after_header: str | None,
    *,
    retry_number: int,
    policy: RetryPolicy,
    now: Callable[[], float] = time.time,
) -> StatusRetry:
    """Decide whether a response status is retried and how long to wait first.

    `retry_number` is the number of the retry being considered (1 for the first).
    A `Retry-After` over `policy.retry_after_max` is never waited on: the result has
    `over_cap` set and `retry` false, and the caller raises at once. A 429 waits at
    least `policy.rate_limit_min_wait`, as Personio asks.
    """
    retry_after = parse_retry_after(retry_after_header, now=now)
    if not policy.is_retryable_status(status_code):
        return StatusRetry(retry=False, wait=0.0, retry_after=retry_after)
    if retry_after is not None and retry_after > policy.retry_after_max:
        return StatusRetry(
            retry=False, wait=0.0, retry_after=retry_after, over_cap=True
        )
    if retry_number > policy.max_retries:
        return StatusRetry(retry=False, wait=0.0, retry_after=retry_after)
    if retry_after is not None:
        wait = retry_after
    else:
        wait = backoff_delay(retry_number, policy)
    if status_code == 429:
        wait = max(wait, policy.rate_limit_min_wait)
    return StatusRetry(retry=True, wait=wait, retry_after=retry_after)
