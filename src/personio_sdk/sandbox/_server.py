"""`Sandbox`: start, stop and steer the fake Personio from Python."""

from __future__ import annotations

import datetime as dt
import functools
import threading
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

from personio_sdk.sandbox._address import check_loopback_host, url_for
from personio_sdk.sandbox._auth import (
    Credential,
    CredentialPair,
    SandboxClock,
    TokenRegistry,
    default_credentials,
)
from personio_sdk.sandbox._demo import DEMO_TODAY
from personio_sdk.sandbox._faults import Fault
from personio_sdk.sandbox._generate import SIZES, SandboxSize, build_company
from personio_sdk.sandbox._handler import SandboxServer
from personio_sdk.sandbox._model import Company
from personio_sdk.sandbox._ratelimit import RateLimiter
from personio_sdk.sandbox._state import SandboxState, SandboxStats
from personio_sdk.sandbox._store import Store

DEFAULT_SEED = 2026
PERIOD_OFFSET_STYLES = ("page", "record")


@functools.lru_cache(maxsize=4)
def _shared_store(seed: int, size: SandboxSize, today: dt.date) -> Store:
    """Build, or reuse, the read-only data of one company.

    The company and its indexes never change once built, so sandboxes started with
    the same seed, size and today share them. A test suite that starts a fresh
    sandbox per test then pays for generation once.
    """
    return Store(build_company(seed, size, today))


class Sandbox:
    """A local HTTP/1.1 server that behaves like Personio's v1 API, with a demo company.

    Use it as a context manager, or call `start()` and `stop()`::

        with Sandbox() as sb:
            client = PersonioClient(**sb.credentials, base_url=sb.url)

    Arguments (keyword only):
        seed: seed of the generated employees (the featured ones never change).
        size: "demo" (64 employees), "medium", "large" (10,000 employees and 200,000
            absences) or a `SandboxSize`.
        faults: `Fault` objects or fault specs (`"status=503,times=1"`) to inject.
        rate_limits: apply Personio's documented limits, 429 when exceeded (default on).
        clock: a function returning seconds, for token lifetimes and rate limits;
            `advance()` moves it forward. Default: `time.monotonic`.
        today: the date balances are computed at (default 2026-03-18).
        period_offsets: how `GET /v1/company/absence-periods` reads `offset`: "page"
            (a page number from 1, the default) or "record" (records from 0).
        host, port: where to listen; port 0 picks a free port. The host must be a
            loopback address (127.0.0.0/8, ::1 or localhost), because the
            sandbox's credentials are public.

    Raises ValueError for a host that is not loopback, a port outside 0..65535
    or an unknown `period_offsets`.
    """

    def __init__(
        self,
        *,
        seed: int = DEFAULT_SEED,
        size: str | SandboxSize = "demo",
        faults: Iterable[Fault | str] = (),
        rate_limits: bool = True,
        clock: Callable[[], float] | None = None,
        today: dt.date = DEMO_TODAY,
        period_offsets: str = "page",
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        host = check_loopback_host(host)
        if (
            isinstance(port, bool)
            or not isinstance(port, int)
            or not 0 <= port <= 65535
        ):
            raise ValueError(
                f"invalid port {port!r}: use 0 to 65535, where 0 picks a free port"
            )
        if period_offsets not in PERIOD_OFFSET_STYLES:
            raise ValueError(
                f"invalid period_offsets {period_offsets!r}: use 'page' or 'record'"
            )
        dimensions = SIZES[size] if isinstance(size, str) else size
        self.clock = SandboxClock(clock)
        store = _shared_store(seed, dimensions, today)
        self.company: Company = store.company
        self._credentials = default_credentials()
        self._state = SandboxState(
            store=store,
            tokens=TokenRegistry(self.clock),
            credentials=self._credentials,
            period_offsets=period_offsets,
            limiter=RateLimiter(self.clock, enabled=rate_limits),
        )
        for fault in faults:
            self.add_fault(fault)
        self._address = (host, port)
        self._server: SandboxServer | None = None
        self._thread: threading.Thread | None = None

    # Lifecycle

    def start(self) -> Sandbox:
        """Bind the port and serve in a background thread; return self."""
        if self._server is not None:
            return self
        self._state.stopping.clear()
        server = SandboxServer(self._address, self._state)
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="personio-sandbox",
            daemon=True,
        )
        thread.start()
        self._server, self._thread = server, thread
        return self

    def stop(self) -> None:
        """Stop serving and close the listening socket; calling it twice is harmless."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None:
            return
        self._state.stopping.set()
        server.shutdown()
        server.server_close()
        server.close_connections()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        where = self.url if self._server is not None else "stopped"
        return f"<Sandbox {where} employees={len(self.company.employees)}>"

    # Connection details

    @property
    def url(self) -> str:
        """The base URL `http://127.0.0.1:<port>`; RuntimeError before start()."""
        if self._server is None:
            raise RuntimeError("the sandbox is not running: call start() first")
        host, port = self._server.server_address[:2]
        return url_for(str(host), int(port))

    @property
    def port(self) -> int:
        """The port the sandbox listens on; raises RuntimeError before start()."""
        if self._server is None:
            raise RuntimeError("the sandbox is not running: call start() first")
        return int(self._server.server_address[1])

    @property
    def credentials(self) -> CredentialPair:
        """The full credential as `{"client_id": ..., "client_secret": ...}`."""
        return self.credentials_for("full")

    def credentials_for(self, name: str) -> CredentialPair:
        """Return a named credential: "full", "narrow" (fewer employee attributes)
        or "no_absences" (403 on absence endpoints). Raises KeyError for other names."""
        return self.credential(name).as_kwargs()

    def credential(self, name: str) -> Credential:
        """Return a named credential with its scopes and attribute whitelist."""
        try:
            return self._credentials[name]
        except KeyError:
            known = ", ".join(sorted(self._credentials))
            raise KeyError(
                f"unknown sandbox credential {name!r}; known: {known}"
            ) from None

    # Steering

    def advance(self, seconds: float) -> None:
        """Move the sandbox clock forward, e.g. `advance(86400)` expires every token."""
        self.clock.advance(seconds)

    def revoke_tokens(self) -> None:
        """Revoke every issued token: data calls with them get 401 until re-auth."""
        self._state.tokens.revoke_all()

    def expire_tokens(self) -> None:
        """Age every issued token past 24 hours: data calls with them get 401."""
        self._state.tokens.expire_all()

    @property
    def rate_limits(self) -> bool:
        """Whether Personio's rate limits apply (429 responses); settable any time."""
        return self._state.limiter.enabled

    @rate_limits.setter
    def rate_limits(self, enabled: bool) -> None:
        self._state.limiter.enabled = enabled

    def add_fault(self, fault: Fault | str | None = None, **options: Any) -> Fault:
        """Inject a fault: a `Fault`, a spec string, or `kind=` plus `Fault` options.

        `sb.add_fault("status", status=429, retry_after=2, times=1)` and
        `sb.add_fault("status=429,retry_after=2,times=1")` are the same. Returns the
        fault, whose `hits` counts the requests it hit. Raises ValueError for an
        invalid spec or kind.
        """
        if isinstance(fault, Fault):
            created = fault
        elif fault is not None and not options and ("=" in fault or "," in fault):
            created = Fault.parse(fault)
        else:
            kind = fault if fault is not None else options.pop("kind")
            created = Fault(kind, **options)
        return self._state.faults.add(created)

    def clear_faults(self) -> None:
        """Remove every injected fault."""
        self._state.faults.clear()

    @property
    def faults(self) -> list[Fault]:
        """The injected faults, in the order they are tried."""
        return self._state.faults.faults()

    def stats(self) -> SandboxStats:
        """Return counters of requests (by path and route), statuses and tokens."""
        return self._state.stats()

    def reset_stats(self) -> None:
        """Set the counters back to zero."""
        self._state.reset_stats()
