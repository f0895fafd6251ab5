"""The access token cache of one client: fetch, reuse, refresh and invalidate."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import httpx

from personio_sdk import _constants as constants
from personio_sdk._errors import (
    CONNECTION_HINT,
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    PersonioError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    error_from_response,
)
from personio_sdk._logging import logger, mask, mask_identifier
from personio_sdk._ratelimit import RateLimiter
from personio_sdk._retry import RetryPolicy, backoff_delay, parse_retry_after

__all__ = ["TokenCache"]

# Statuses of the token endpoint that mean the credentials were not accepted.
_CREDENTIAL_STATUSES = frozenset({400, 401, 403})
_TOKEN_RETRY_STATUSES = frozenset({500, 502, 503, 504})


class TokenCache:
    """Cache of the v1 access token, shared by every call and thread of one client.

    Policy:

    - The token comes from `POST /v1/auth` with the credentials in a JSON body, never
      in the query string.
    - One thread fetches at a time, and the lock is released during the HTTP call.
      Other threads that need a token wait on a condition until the fetch ends. If
      it failed, they raise the same error instead of sending another request.
    - A token is used until `expires_in` (24 h if missing) runs out. Ahead of that,
      within `refresh_margin` seconds of expiry, one thread asks for a new token
      once per token while the others keep using the current one. Personio hands
      back the same token for 24 h from its creation, so an unchanged answer keeps
      the token and its original expiry, and no further early refresh is tried for
      it. Past the expiry, or after a 401, the 401 path of the request loop fetches
      a new one.
    - `invalidate(token)` clears the cache only if it still holds that token
      (compare-and-clear), so that many threads failing with the same stale token
      cause one new token request, not one each.
    - The token request is retried up to `max_retries` times on 5xx statuses,
      timeouts and connection errors, never on 400, 401 or 403 (these raise
      `AuthenticationError`), and not on 429 (it raises `RateLimitError`).
    - Token requests are at least `min_interval` seconds apart, so that one client
      stays far below the auth endpoint's limit of 60 requests a minute.
    - Times come from `clock` (monotonic seconds) and waits go through `sleep`;
      both are injectable for tests.
    """

    def __init__(
        self,
        *,
        http_client: httpx.Client,
        base_url: str,
        client_id: str,
        client_secret: str,
        headers: Mapping[str, str],
        timeout: httpx.Timeout,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        policy: RetryPolicy | None = None,
        max_retries: int = constants.AUTH_MAX_RETRIES,
        min_interval: float = constants.AUTH_MIN_INTERVAL,
        refresh_margin: float = constants.TOKEN_REFRESH_MARGIN,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        self._http = http_client
        self._url = base_url.rstrip("/") + constants.AUTH_PATH
        self._base_url = base_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._headers = dict(headers)
        self._timeout = timeout
        self._clock = clock
        self._sleep = sleep
        self._policy = policy or RetryPolicy()
        self._max_retries = max_retries
        self._min_interval = min_interval
        self._refresh_margin = refresh_margin
        # Spaces token requests within the client's auth and overall limits; a 429
        # from the token endpoint is reported to it by the request loop.
        self._rate_limiter = rate_limiter

        self._cond = threading.Condition(threading.Lock())
        self._token: str | None = None
        self._expires_at = 0.0
        self._refresh_at: float | None = None
        self._refreshing = False
        self._generation = 0
        self._last_error: PersonioError | None = None
        self._last_request_at: float | None = None
        self._requests_sent = 0

    @property
    def token_requests(self) -> int:
        """Number of token requests sent so far, retries included."""
        with self._cond:
            return self._requests_sent

    def get_token(self) -> str:
        """Return a valid token, fetching one if the cache is empty or expired.

        Raises `AuthenticationError` if the credentials are rejected, and
        `ServerError`, `APIConnectionError` or `RateLimitError` if the token endpoint
        fails.
        """
        early_token: str | None = None
        with self._cond:
            while True:
                now = self._clock()
                if self._token is not None and now < self._expires_at:
                    if self._should_refresh_early(now):
                        early_token = self._token
                        self._refresh_at = None
                        self._refreshing = True
                        break
                    return self._token
                if self._refreshing:
                    generation = self._generation
                    self._cond.wait_for(lambda: not self._refreshing)
                    if self._generation != generation and self._last_error is not None:
                        raise self._last_error
                    continue
                self._refreshing = True
                break
        return self._fetch(early_token)

    def invalidate(self, token: str) -> bool:
        """Forget `token` if the cache still contains it, and return whether it did.

        Called after a 401 with the token that failed, so that a token fetched by
        another thread in the meantime is kept.
        """
        with self._cond:
            if self._token != token:
                return False
            self._token = None
            self._expires_at = 0.0
            self._refresh_at = None
            return True

    def _should_refresh_early(self, now: float) -> bool:
        return (
            self._refresh_at is not None
            and now >= self._refresh_at
            and not self._refreshing
        )

    def _fetch(self, early_token: str | None) -> str:
        started = self._clock()
        try:
            token, lifetime = self._request_token()
        except PersonioError as exc:
            with self._cond:
                self._refreshing = False
                self._generation += 1
                self._last_error = None if early_token is not None else exc
                self._cond.notify_all()
            if early_token is None:
                raise
            # The current token is still valid, so a failed early refresh is not an
            # error for the caller. The next fetch happens at expiry or on a 401.
            logger.warning(
                "Early token refresh failed (%s); keeping the current token",
                type(exc).__name__,
            )
            return early_token
        except BaseException:
            with self._cond:
                self._refreshing = False
                self._generation += 1
                self._last_error = None
                self._cond.notify_all()
            raise
        with self._cond:
            self._install(token, lifetime, started=started, early_token=early_token)
            self._refreshing = False
            self._generation += 1
            self._last_error = None
            self._cond.notify_all()
            return token

    def _install(
        self, token: str, lifetime: float, *, started: float, early_token: str | None
    ) -> None:
        if early_token is not None and token == early_token:
            # Personio returned the token it already issued, whose expiry is fixed
            # at its creation: keep the known expiry rather than extend it.
            logger.debug("Early token refresh returned the same token; keeping it")
            return
        self._token = token
        # Measured from when the request was sent, so the cached expiry is never
        # later than Personio's.
        self._expires_at = started + lifetime
        margin = min(self._refresh_margin, lifetime / 2.0)
        self._refresh_at = self._expires_at - margin

    def _request_token(self) -> tuple[str, float]:
        last_error: PersonioError | None = None
        for attempt in range(self._max_retries + 1):
            if attempt:
                wait = backoff_delay(attempt, self._policy)
                logger.info(
                    "Retrying the token request in %.2f s (retry %d of %d) after %s",
                    wait,
                    attempt,
                    self._max_retries,
                    type(last_error).__name__,
                )
                self._sleep(wait)
            self._pace()
            result = self._attempt()
            if isinstance(result, tuple):
                return result
            last_error = result
            if not self._is_retryable(result):
                raise result
        assert last_error is not None
        raise last_error

    def _is_retryable(self, error: PersonioError) -> bool:
        if isinstance(error, APIConnectionError):
            return True
        return (
            isinstance(error, ServerError)
            and error.status_code in _TOKEN_RETRY_STATUSES
        )

    def _pace(self) -> None:
        with self._cond:
            last = self._last_request_at
        if last is not None:
            wait = last + self._min_interval - self._clock()
            if wait > 0:
                logger.debug("Waiting %.2f s before the next token request", wait)
                self._sleep(wait)
        with self._cond:
            self._last_request_at = self._clock()
            self._requests_sent += 1

    def _attempt(self) -> tuple[str, float] | PersonioError:
        method, path = "POST", constants.AUTH_PATH
        logger.debug("%s %s: requesting an access token", method, path)
        if self._rate_limiter is not None:
            self._rate_limiter.acquire(method, path)
        try:
            response = self._http.post(
                self._url,
                json={
                    "client_id": self._client_id,
                    "client_secret": self._client_secret,
                },
                headers=self._headers,
                timeout=self._timeout,
            )
        except httpx.TimeoutException as exc:
            return APITimeoutError(
                f"{method} {path} timed out ({type(exc).__name__})",
                method=method,
                path=path,
            )
        except httpx.TransportError as exc:
            return APIConnectionError(
                f"{method} {path} failed: connection error ({type(exc).__name__}); "
                f"{CONNECTION_HINT}",
                method=method,
                path=path,
                broken_off=isinstance(
                    exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)
                ),
            )
        status = response.status_code
        logger.debug("%s %s -> %d", method, path, status)
        if self._rate_limiter is not None:
            self._rate_limiter.on_response(method, path, status)
        if 200 <= status < 300:
            return _parse_token_response(response)
        if status in _CREDENTIAL_STATUSES:
            return error_from_response(
                response, method=method, path=path, error_class=AuthenticationError
            )
        if status == 429:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            return error_from_response(
                response,
                method=method,
                path=path,
                error_class=RateLimitError,
                retry_after=retry_after,
            )
        return error_from_response(response, method=method, path=path)

    def __repr__(self) -> str:
        with self._cond:
            has_token = self._token is not None
        return (
            f"TokenCache(base_url={self._base_url!r}, "
            f"client_id={mask_identifier(self._client_id)}, "
            f"client_secret={mask(self._client_secret)}, has_token={has_token})"
        )


def _parse_token_response(
    response: httpx.Response,
) -> tuple[str, float] | PersonioError:
    path = constants.AUTH_PATH
    try:
        body: Any = response.json()
    except ValueError:
        return ResponseValidationError(
            path=path, location="body", expected="a JSON document"
        )
    data = body.get("data") if isinstance(body, Mapping) else None
    if not isinstance(data, Mapping):
        return ResponseValidationError(path=path, location="data", expected="an object")
    token = data.get("token")
    if not isinstance(token, str) or not token.strip():
        return ResponseValidationError(
            path=path, location="data.token", expected="a non-empty string"
        )
    return token.strip(), _lifetime(data.get("expires_in"))


def _lifetime(value: Any) -> float:
    """Return the token lifetime in seconds from `expires_in`, or the 24 h default."""
    if isinstance(value, bool):
        return constants.TOKEN_LIFETIME_FALLBACK
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return constants.TOKEN_LIFETIME_FALLBACK
    if not math.isfinite(seconds) or seconds <= 0:
        return constants.TOKEN_LIFETIME_FALLBACK
    return seconds
