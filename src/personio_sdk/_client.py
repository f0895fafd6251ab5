"""PersonioClient: configuration, the shared transport and the resources."""

from __future__ import annotations

import ipaddress
import math
import os
import platform
import time
from collections.abc import Callable
from datetime import date
from types import TracebackType

import httpx

from personio_sdk import _constants as constants
from personio_sdk._auth import TokenCache
from personio_sdk._concurrent import check_max_concurrency
from personio_sdk._errors import ClientClosedError, ConfigurationError
from personio_sdk._logging import (
    configure_from_env,
    mask,
    mask_identifier,
    register_base_url,
    unregister_base_url,
)
from personio_sdk._ratelimit import (
    DEFAULT_RATE_LIMITS,
    RateLimiter,
    RateLimits,
    build_rate_limiter,
)
from personio_sdk._retry import RetryPolicy
from personio_sdk._sync import (
    HolidaySource,
    SyncResult,
    check_holidays,
    check_range,
    employee_calendar_for,
    sync_employee,
)
from personio_sdk._transport import Transport
from personio_sdk._version import __version__
from personio_sdk.calendar import Calendar
from personio_sdk.resources import (
    AbsencesResource,
    AbsenceTypesResource,
    BalancesResource,
    EmployeesResource,
    WorkSchedulesResource,
)

__all__ = ["PersonioClient"]


class PersonioClient:
    """Synchronous client for the Personio API.

    Every argument is keyword-only:

    - `client_id`, `client_secret`: API credentials; default to the environment
      variables `PERSONIO_CLIENT_ID` and `PERSONIO_CLIENT_SECRET`.
    - `base_url`: defaults to `PERSONIO_BASE_URL`, then `https://api.personio.de`.
      Must be HTTPS unless the host is loopback (127.0.0.1, ::1, localhost).
    - `timeout`: seconds for every phase of a request, or an `httpx.Timeout`;
      defaults to 5 s to connect and 30 s to read.
    - `max_retries`: retries after the first attempt of a GET (default 3).
    - `http_client`: an `httpx.Client` to send requests with; the caller keeps
      ownership and the client never closes it.
    - `app_id`, `partner_id`: sent as `X-Personio-App-ID` / `X-Personio-Partner-ID`.
    - `clock`, `sleep`: a monotonic clock in seconds and a sleep function, for tests.
    - `rate_limits`: client-side limits per endpoint family, a `RateLimits`
      (default: a margin below Personio's documented limits), a `RateLimiter` to
      share between clients, or None to send without limiting.
    - `max_concurrency`: requests one listing sends at once when it splits into
      pages or employee chunks (default 8); 1 reads one page at a time.

    Raises `ConfigurationError` (a `ValueError`) for missing credentials or an
    invalid setting. Use it as a context manager, or call `close()`.
    """

    def __init__(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        http_client: httpx.Client | None = None,
        app_id: str | None = None,
        partner_id: str | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
        rate_limits: RateLimits | RateLimiter | None = DEFAULT_RATE_LIMITS,
        max_concurrency: int | None = None,
    ) -> None:
        configure_from_env()
        self._client_id = _credential(client_id, "client_id", constants.ENV_CLIENT_ID)
        self._client_secret = _credential(
            client_secret, "client_secret", constants.ENV_CLIENT_SECRET
        )
        self.base_url = _validate_base_url(
            base_url
            or os.environ.get(constants.ENV_BASE_URL)
            or constants.DEFAULT_BASE_URL
        )
        self.max_retries = _validate_max_retries(max_retries)
        _check_http_client(http_client)
        self.timeout = _resolve_timeout(timeout, http_client)
        self.max_concurrency = check_max_concurrency(max_concurrency)
        self._owns_http_client = http_client is None
        self._http = (
            http_client
            if http_client is not None
            else httpx.Client(timeout=self.timeout, follow_redirects=False)
        )
        self._closed = False
        self._clock = clock or time.monotonic
        self._sleep = sleep or time.sleep
        self.rate_limiter = build_rate_limiter(
            rate_limits, clock=self._clock, sleep=self._sleep
        )

        headers = _default_headers(app_id=app_id, partner_id=partner_id)
        policy = RetryPolicy(max_retries=self.max_retries)
        self._token_cache = TokenCache(
            http_client=self._http,
            base_url=self.base_url,
            client_id=self._client_id,
            client_secret=self._client_secret,
            headers=headers,
            timeout=self.timeout,
            clock=self._clock,
            sleep=self._sleep,
            policy=policy,
            rate_limiter=self.rate_limiter,
        )
        self._transport = Transport(
            http_client=self._http,
            base_url=self.base_url,
            token_cache=self._token_cache,
            headers=headers,
            timeout=self.timeout,
            policy=policy,
            sleep=self._sleep,
            rate_limiter=self.rate_limiter,
        )
        register_base_url(self.base_url)
        self._attach_resources()

    def _attach_resources(self) -> None:
        """Attach the resource objects (`employees`, `absences`, ...) to the client.

        Each resource takes `self._transport`; resources only build requests and
        parse models, and never talk to the network themselves.
        """
        self.employees = EmployeesResource(
            self._transport, max_concurrency=self.max_concurrency
        )
        self.work_schedules = WorkSchedulesResource(self._transport)
        # One type cache per client, shared by absences and balances.
        self.absence_types = AbsenceTypesResource(self._transport, clock=self._clock)
        self.absences = AbsencesResource(
            self._transport, self.absence_types, max_concurrency=self.max_concurrency
        )
        self.balances = BalancesResource(self._transport, self.absence_types)

    def calendar(
        self,
        employee_id: int,
        *,
        start: date,
        end: date,
        holidays: HolidaySource = "auto",
        include_regional_holidays: bool = False,
        december_half_days: bool = False,
    ) -> Calendar:
        """Build the day-by-day calendar of an employee from `start` to `end`.

        Reads the employee (work schedule, hire and termination dates, holiday
        calendar) and their approved absences, then computes each day's scheduled
        hours, absences and target hours; `personio_sdk.calendar` states the rules.
        `holidays` is the public-holiday source: `"auto"` looks the dates up from
        the employee's holiday calendar with the optional `holidays` package, a
        mapping of dates to names uses those dates, and None uses none.
        `include_regional_holidays` adds holidays of parts of a state (15 August
        in parts of Bavaria); `december_half_days` makes 24 and 31 December half
        days off. Anything the caller should know, such as a holiday calendar that
        could not be mapped, is in `Calendar.notes`. When the employee record has
        no work schedule, one more request, once per client, fetches the
        employee attributes the credential may read, so that the note can say why.

        Raises ValueError for a bad id or range before any request, and the
        errors of the request loop.
        """
        first, last = check_range(start, end)
        holidays = check_holidays(holidays)
        employee = self.employees.get(employee_id)
        return employee_calendar_for(
            self,
            employee,
            start=first,
            end=last,
            holidays=holidays,
            include_regional_holidays=include_regional_holidays,
            december_half_days=december_half_days,
        )

    def sync(
        self,
        email: str,
        *,
        start: date,
        end: date,
        holidays: HolidaySource = "auto",
        include_regional_holidays: bool = False,
        december_half_days: bool = False,
    ) -> SyncResult:
        """Read an employee's profile, schedule, absences, balances and calendar.

        The employee is found by email (exact match, as `employees.find_by_email`).
        A first call of a client makes 6 requests: the token, the employee, the
        absence types, time-offs, hour-based absence periods and the balances.
        Later calls on the same client make 4, because the token and the absence
        types are cached. When the employee record has no work schedule, one more
        request, once per client, fetches the employee attributes the credential
        may read, so that the calendar's note can say why. The holiday
        options are those of `calendar`.

        Raises EmployeeNotFoundError when no profile has the email, ValueError for
        bad arguments before any request, and the errors of the request loop.
        """
        return sync_employee(
            self,
            email,
            start=start,
            end=end,
            holidays=holidays,
            include_regional_holidays=include_regional_holidays,
            december_half_days=december_half_days,
        )

    @property
    def closed(self) -> bool:
        """Whether `close()` was called."""
        return self._closed

    def close(self) -> None:
        """Close the client: later calls raise `ClientClosedError`.

        Closes the `httpx.Client` only if this client created it. Calling `close()`
        again does nothing.
        """
        if self._closed:
            return
        self._closed = True
        self._transport.close()
        if self._owns_http_client:
            self._http.close()
        unregister_base_url(self.base_url)

    def __enter__(self) -> PersonioClient:
        if self._closed:
            raise ClientClosedError(
                "This PersonioClient is closed, so it cannot be used in a `with` "
                "block again; create a new client."
            )
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"PersonioClient(base_url={self.base_url!r}, "
            f"client_id={mask_identifier(self._client_id)}, "
            f"client_secret={mask(self._client_secret)}, closed={self._closed})"
        )


def _credential(value: str | None, argument: str, env_var: str) -> str:
    if value is not None and not isinstance(value, str):
        # The value is not shown, because it may be the secret.
        raise ConfigurationError(
            f"{argument} must be a str, got {type(value).__name__}; pass the "
            f"credential as text or set the {env_var} environment variable."
        )
    resolved = value if value is not None else os.environ.get(env_var)
    if resolved is None or not resolved.strip():
        raise ConfigurationError(
            f"Missing Personio credential: pass {argument}=... to PersonioClient or "
            f"set the {env_var} environment variable."
        )
    return resolved.strip()


def _validate_base_url(value: str) -> str:
    if not isinstance(value, str):
        raise ConfigurationError(
            f"base_url must be a str, got {type(value).__name__}; pass an https:// "
            f"URL such as {constants.DEFAULT_BASE_URL}."
        )
    text = value.strip()
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        raise ConfigurationError(
            "base_url is not a valid URL; pass an https:// URL such as "
            f"{constants.DEFAULT_BASE_URL}."
        ) from None
    if url.username or url.password:
        # The URL is not shown, because its user info may hold a password.
        raise ConfigurationError(
            "base_url must not contain user info (user:password@); pass the "
            "credentials as client_id and client_secret."
        )
    shown = str(url)
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(
            f"base_url {shown!r} is not an http(s) URL; pass an https:// URL such as "
            f"{constants.DEFAULT_BASE_URL}."
        )
    if url.port is not None and not 0 < url.port < 65536:
        raise ConfigurationError(
            f"base_url {shown!r} has the port {url.port}, which is out of range; "
            "pass a port from 1 to 65535, or none for the scheme's default."
        )
    if url.scheme == "http" and not _is_loopback(url.host):
        raise ConfigurationError(
            f"base_url {shown!r} does not use HTTPS; use https://{url.netloc.decode()}"
            f"{url.path.rstrip('/')} instead. Plain http is accepted only for loopback "
            "hosts (127.0.0.0/8, ::1, localhost), such as the sandbox."
        )
    if url.query or url.fragment:
        raise ConfigurationError(
            "base_url must not contain a query string or fragment; pass only the "
            "scheme, host and optional path prefix, such as "
            f"{constants.DEFAULT_BASE_URL}."
        )
    path = url.path.rstrip("/")
    if path.endswith(("/v1", "/v2")):
        raise ConfigurationError(
            f"base_url {shown!r} ends with an API version; drop {path[-3:]!r}, because "
            "the client adds the version to each path."
        )
    return str(url.copy_with(path=path or "/")).rstrip("/")


def _is_loopback(host: str) -> bool:
    if host in constants.LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_http_client(value: object) -> None:
    if value is not None and not isinstance(value, httpx.Client):
        raise ConfigurationError(
            f"http_client must be an httpx.Client, got {type(value).__name__}; "
            "this client is synchronous, so an httpx.AsyncClient does not work."
        )


def _validate_max_retries(value: int | None) -> int:
    if value is None:
        return constants.DEFAULT_MAX_RETRIES
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigurationError(
            f"max_retries must be an integer of 0 or more, got {value!r}."
        )
    return value


def _default_timeout() -> httpx.Timeout:
    return httpx.Timeout(
        connect=constants.DEFAULT_CONNECT_TIMEOUT,
        read=constants.DEFAULT_READ_TIMEOUT,
        write=constants.DEFAULT_WRITE_TIMEOUT,
        pool=constants.DEFAULT_POOL_TIMEOUT,
    )


def _is_finite_timeout(timeout: httpx.Timeout) -> bool:
    phases = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    return all(
        phase is not None and math.isfinite(phase) and phase > 0 for phase in phases
    )


def _resolve_timeout(
    value: float | httpx.Timeout | None, http_client: httpx.Client | None
) -> httpx.Timeout:
    if value is None:
        # An injected client's own timeout is kept when every phase of it is finite.
        if http_client is not None and _is_finite_timeout(http_client.timeout):
            return http_client.timeout
        return _default_timeout()
    timeout = value if isinstance(value, httpx.Timeout) else None
    if timeout is None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigurationError(
                "timeout must be a number of seconds or an httpx.Timeout, "
                f"got {value!r}."
            )
        timeout = httpx.Timeout(float(value))
    if not _is_finite_timeout(timeout):
        raise ConfigurationError(
            "timeout must be finite and positive for every phase (connect, read, "
            f"write, pool), got {timeout!r}; a request without a timeout can hang "
            "forever."
        )
    return timeout


def user_agent() -> str:
    """Return the User-Agent value, such as `personio-sdk/0.1.0 python/3.12.1`."""
    return constants.USER_AGENT_FORMAT.format(
        sdk_version=__version__, python_version=platform.python_version()
    )


def _default_headers(*, app_id: str | None, partner_id: str | None) -> dict[str, str]:
    headers = {"User-Agent": user_agent(), "Accept": "application/json"}
    if app_id:
        headers["X-Personio-App-ID"] = _header_value(app_id, "app_id")
    if partner_id:
        headers["X-Personio-Partner-ID"] = _header_value(partner_id, "partner_id")
    return headers


def _header_value(value: str, argument: str) -> str:
    text = value.strip()
    if not text or not text.isprintable() or not text.isascii():
        raise ConfigurationError(
            f"{argument} must be printable ASCII, such as MY_APPLICATION, "
            f"got {value!r}."
        )
    return text
