"""Back-off, Retry-After parsing and the retry decision."""

from __future__ import annotations

import pytest

from personio_sdk import _retry
from personio_sdk._retry import (
    RetryPolicy,
    backoff_delay,
    decide_status_retry,
    parse_retry_after,
)
from personio_sdk._retry import (
    jitter as real_jitter,
)

NOW = 1_700_000_000.0  # 2023-11-14T22:13:20Z


def fixed_now() -> float:
    return NOW


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2", 2.0),
        (" 1.5 ", 1.5),
        ("0", 0.0),
        ("Tue, 14 Nov 2023 22:13:25 GMT", 5.0),
        ("Tue, 14 Nov 2023 22:13:00 GMT", 0.0),
        (None, None),
        ("", None),
        ("-3", None),
        ("soon", None),
        ("nan", None),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=fixed_now) == expected


def test_backoff_doubles_up_to_the_cap() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_max=8.0)
    waits = [backoff_delay(n, policy) for n in range(1, 8)]
    assert waits == [0.25, 0.5, 1.0, 2.0, 4.0, 4.0, 4.0]


def test_backoff_jitter_stays_within_ceiling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_retry, "jitter", lambda ceiling: ceiling)
    policy = RetryPolicy(backoff_base=0.5, backoff_max=8.0)
    assert backoff_delay(1, policy) == 0.5
    assert backoff_delay(10, policy) == 8.0


def test_jitter_stays_in_range() -> None:
    # real_jitter was imported before the autouse fixture pinned the module's jitter.
    values = [real_jitter(2.0) for _ in range(200)]
    assert all(0.0 <= value <= 2.0 for value in values)
    assert len(set(values)) > 1


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_client_errors_are_not_retried(status: int) -> None:
    decision = decide_status_retry(status, None, retry_number=1, policy=RetryPolicy())
    assert decision.retry is False


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_temporary_errors_are_retried(status: int) -> None:
    decision = decide_status_retry(status, None, retry_number=1, policy=RetryPolicy())
    assert decision.retry is True


def test_rate_limit_waits_at_least_one_second() -> None:
    decision = decide_status_retry(429, None, retry_number=1, policy=RetryPolicy())
    assert decision.wait >= 1.0


def test_zero_retry_after_waits_one_second() -> None:
    decision = decide_status_retry(429, "0", retry_number=1, policy=RetryPolicy())
    assert decision.wait == 1.0


def test_retry_after_is_honoured() -> None:
    decision = decide_status_retry(503, "7", retry_number=1, policy=RetryPolicy())
    assert decision.wait == 7.0


def test_retry_after_over_cap_is_not_waited_on() -> None:
    decision = decide_status_retry(
        429, "61", retry_number=1, policy=RetryPolicy(retry_after_max=60.0)
    )
    assert decision.retry is False
    assert decision.over_cap is True
    assert decision.retry_after == 61.0


def test_retries_stop_after_max_retries() -> None:
    policy = RetryPolicy(max_retries=2)
    decision = decide_status_retry(503, None, retry_number=3, policy=policy)
    assert decision.retry is False
