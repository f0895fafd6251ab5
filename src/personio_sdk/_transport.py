"""The one request loop: bearer token, headers, timeouts, retries, errors, logging."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx

from personio_sdk._auth import TokenCache
from personio_sdk._error_body import request_id_from
from personio_sdk._errors import (
    CONNECTION_HINT,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ClientClosedError,
    RateLimitError,
    error_from_response,
    strip_query,
)
from personio_sdk._json import decode_body
from personio_sdk._logging import logger
from personio_sdk._ratelimit import RateLimiter
from personio_sdk._retry import (
    RetryPolicy,
    StatusRetry,
    backoff_delay,
    decide_status_retry,
)

__all__ = ["SendHook", "Transport"]

Params = Sequence[tuple[str, str | int]]
# Called as hook(method, path) right before each request is sent, retries and
# replays included, after the rate limiter has let the request go. Listings that
# fetch pages ahead call it from their pool threads too.
SendHook = Callable[[str, str], None]

# Phrase of Personio's 403 for a token it no longer accepts ("Provided authorization
# is not valid"); such a 403 is handled like a 401 once.
_INVALID_AUTHORIZATION_PHRASE = "authorization is not valid"


class Transport:
    """Send GET requests to Personio and return the decoded JSON.

    One instance per client, safe to share between threads (httpx.Client is
    thread-safe, and the token cache and the rate limiter have their own locks).
    `rate_limiter`, when given, spaces every attempt of every request and learns
    from each response.
    """

    def __init__(
        self,
        *,
        http_client: httpx.Client,
        base_url: str,
        token_cache: TokenCache,
        headers: Mapping[str, str],
        timeout: httpx.Timeout,
        policy: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
        wall_clock: Callable[[], float] = time.time,
        before_send: SendHook | None = None,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        self._http = http_client
        self._base_url = base_url.rstrip("/")
        self._auth = token_cache
        self._headers = dict(headers)
        self._timeout = timeout
        self._policy = policy
        self._sleep = sleep
        self._wall_clock = wall_clock
        self.before_send = before_send
        self.rate_limiter = rate_limiter
        self._closed = False

    @property
    def closed(self) -> bool:
        """Whether `close()` was called."""
        return self._closed

    def close(self) -> None:
        """Reject every later request; the httpx client is closed by its owner."""
        self._closed = True

    def get(self, path: str, *, params: Params | None = None) -> Any:
        """GET `base_url + path` and return the decoded JSON; see `get_content`."""
        content = self.get_content(path, params=params)
        return decode_body(content, path=strip_query(path))

    def get_content(self, path: str, *, params: Params | None = None) -> bytes:
        """GET `base_url + path` with the bearer token and return the body's bytes.

        `path` is the real path, for example `/v1/company/employees/123`; `params` is
        a list of pairs, so that a key such as `employees[]` may repeat. Connection
        errors, timeouts and the statuses 429, 500, 502, 503 and 504 are retried up
        to `max_retries` times with back-off. A 401, or a 403 whose message is that
        the authorization is not valid, fetches a new token and replays the request
        once. With a rate limiter, every attempt first waits for its slot, and a 429
        slows and pauses the request's endpoint family for every thread.

        Raises `APIStatusError` subclasses for error statuses, `APITimeoutError` and
        `APIConnectionError` when retries run out, and `ClientClosedError` after
        `close()`. `get` also raises `ResponseValidationError` for a 2xx body that is
        not JSON. Listings that fetch pages ahead call this one on their pool threads
        and decode on the thread that reads the records, where the decoded objects
        are used. Decoding on another CPU core than the one reading the objects cost
        1 to 2 ms of CPU per page of 200 absences.
        """
        if not path.startswith("/"):
            raise ValueError(f"path must start with '/', got {strip_query(path)!r}")
        method = "GET"
        path = strip_query(path)
        url = self._base_url + path
        retries_used = 0
        replayed = False
        after_rate_limit = False
        limiter = self.rate_limiter
        while True:
            self._check_open()
            token = self._token()
            attempt = retries_used + 1 + int(replayed)
            if limiter is not None:
                limiter.acquire(method, path, after_rate_limit=after_rate_limit)
                after_rate_limit = False
            if self.before_send is not None:
                self.before_send(method, path)
            response = self._send(method, url, params=params, token=token)
            if isinstance(response, httpx.TransportError):
                retries_used += 1
                error = _connection_error(
                    response, method=method, path=path, attempts=retries_used
                )
                if retries_used > self._policy.max_retries:
                    # Raised outside the `except` block, so that the error has no
                    # __context__, because httpx's exception contains the URL and
                    # its query string.
                    raise error
                self._wait(
                    backoff_delay(retries_used, self._policy),
                    method=method,
                    path=path,
                    reason=type(response).__name__,
                    retries_used=retries_used,
                )
                continue

            status = response.status_code
            if limiter is not None:
                limiter.on_response(method, path, status)
            request_id = request_id_from(response.headers, None)
            logger.debug(
                "%s %s -> %d (attempt %d%s)",
                method,
                path,
                status,
                attempt,
                _request_id_text(request_id),
            )
            if 200 <= status < 300:
                return response.content

            if _is_stale_token(response) and not replayed:
                replayed = True
                self._auth.invalidate(token)
                logger.info(
                    "%s %s -> %d; fetching a new token and replaying once",
                    method,
                    path,
                    status,
                )
                continue
            if _is_stale_token(response):
                raise error_from_response(
                    response, method=method, path=path, error_class=AuthenticationError
                )

            decision = decide_status_retry(
                status,
                response.headers.get("retry-after"),
                retry_number=retries_used + 1,
                policy=self._policy,
                now=self._wall_clock,
            )
            if status == 429 and limiter is not None:
                limiter.on_rate_limited(method, path, self._pause_after_429(decision))
                after_rate_limit = decision.retry
            if not decision.retry:
                if decision.over_cap:
                    logger.info(
                        "%s %s -> %d with Retry-After %.0f s, over the %.0f s cap; "
                        "not retrying",
                        method,
                        path,
                        status,
                        decision.retry_after,
                        self._policy.retry_after_max,
                    )
                raise _status_error(response, method, path, decision.retry_after)
            retries_used += 1
            self._wait(
                decision.wait,
                method=method,
                path=path,
                reason=f"HTTP {status}",
                retries_used=retries_used,
                request_id=request_id,
            )

    def _token(self) -> str:
        """Return the bearer token; a 429 of the token endpoint slows auth requests."""
        try:
            return self._auth.get_token()
        except RateLimitError as exc:
            if self.rate_limiter is not None:
                pause = exc.retry_after or self._policy.rate_limit_min_wait
                self.rate_limiter.on_rate_limited(
                    "POST", exc.path, min(pause, self._policy.retry_after_max)
                )
            raise

    def _pause_after_429(self, decision: StatusRetry) -> float:
        """Return how long a 429 pauses its family for every thread of the client.

        A retry pauses for the wait it chose; without a retry the Retry-After (or
        the minimum wait) applies, capped at `retry_after_max`, so that no thread
        sleeps for an hour on a far-off Retry-After.
        """
        if decision.retry:
            return decision.wait
        pause = decision.retry_after or self._policy.rate_limit_min_wait
        return min(pause, self._policy.retry_after_max)

    def _send(
        self, method: str, url: str, *, params: Params | None, token: str
    ) -> httpx.Response | httpx.TransportError:
        """Send one request; return the transport error instead of raising it."""
        try:
            return self._http.request(
                method,
                url,
                params=list(params) if params else None,
                headers={**self._headers, "Authorization": f"Bearer {token}"},
                timeout=self._timeout,
            )
        except httpx.TransportError as exc:
            return exc

    def _check_open(self) -> None:
        if self._closed:
            raise ClientClosedError(
                "This PersonioClient is closed; create a new client, or use it in a "
                "`with` block and make the calls inside the block."
            )
        if self._http.is_closed:
            raise ClientClosedError(
                "The httpx.Client passed as http_client is closed; keep it open "
                "while the PersonioClient is in use, or let the PersonioClient "
                "create its own."
            )

    def _wait(
        self,
        seconds: float,
        *,
        method: str,
        path: str,
        reason: str,
        retries_used: int,
        request_id: str | None = None,
    ) -> None:
        logger.info(
            "%s %s failed (%s); retrying in %.2f s (retry %d of %d%s)",
            method,
            path,
            reason,
            seconds,
            retries_used,
            self._policy.max_retries,
            _request_id_text(request_id),
        )
        self._sleep(seconds)

    def __repr__(self) -> str:
        return f"Transport(base_url={self._base_url!r}, closed={self._closed})"


def _request_id_text(request_id: str | None) -> str:
    """Return ", request id X" for a log line, or nothing when Personio sent none."""
    return f", request id {request_id}" if request_id else ""


def _is_stale_token(response: httpx.Response) -> bool:
    """Return whether the response rejects the token itself (a 401, or such a 403)."""
    if response.status_code == 401:
        return True
    if response.status_code != 403:
        return False
    error = error_from_response(response, method="GET", path="")
    message = (error.personio_message or "").lower()
    return _INVALID_AUTHORIZATION_PHRASE in message


def _status_error(
    response: httpx.Response, method: str, path: str, retry_after: float | None
) -> APIStatusError:
    if response.status_code == 429:
        return error_from_response(
            response,
            method=method,
            path=path,
            error_class=RateLimitError,
            retry_after=retry_after,
        )
    return error_from_response(response, method=method, path=path)


def _connection_error(
    exc: httpx.TransportError, *, method: str, path: str, attempts: int
) -> APIConnectionError:
    # The httpx exception is not chained, because its request contains the full
    # URL with the query string.
    name = type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"{method} {path} timed out ({name}) after {attempts} attempt(s)",
            method=method,
            path=path,
        )
    return APIConnectionError(
        f"{method} {path} failed with a connection error ({name}) "
        f"after {attempts} attempt(s); {CONNECTION_HINT}",
        method=method,
        path=path,
        broken_off=isinstance(
            exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)
        ),
    )
