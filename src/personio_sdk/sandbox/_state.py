"""The sandbox's shared, thread-safe state: data, tokens, credentials and counters."""

from __future__ import annotations

import hmac
import threading
from collections import Counter
from dataclasses import dataclass, field

from personio_sdk.sandbox._auth import Credential, TokenRegistry
from personio_sdk.sandbox._faults import FaultPlan
from personio_sdk.sandbox._ratelimit import RateLimiter
from personio_sdk.sandbox._store import Store


@dataclass(frozen=True)
class SandboxStats:
    """A snapshot of what the sandbox has served since start or the last reset.

    `requests` counts by path without query string, `routes` by route template
    (`/v1/company/employees/{employee_id}`), `statuses` by response status.
    """

    total: int
    requests: dict[str, int]
    routes: dict[str, int]
    statuses: dict[int, int]
    token_requests: int
    tokens_issued: int


@dataclass
class SandboxState:
    """Everything the request handlers share."""

    store: Store
    tokens: TokenRegistry
    credentials: dict[str, Credential]
    period_offsets: str
    limiter: RateLimiter
    faults: FaultPlan = field(default_factory=FaultPlan)
    stopping: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _requests: Counter[str] = field(default_factory=Counter)
    _routes: Counter[str] = field(default_factory=Counter)
    _statuses: Counter[int] = field(default_factory=Counter)
    _token_requests: int = 0

    def find_credential(self, client_id: str, client_secret: str) -> Credential | None:
        """Return the credential with this id and secret, or None."""
        for credential in self.credentials.values():
            same_id = hmac.compare_digest(
                credential.client_id.encode(), client_id.encode()
            )
            same_secret = hmac.compare_digest(
                credential.client_secret.encode(), client_secret.encode()
            )
            if same_id and same_secret:
                return credential
        return None

    def record_request(self, path: str, template: str | None) -> None:
        """Count one request by path and route template."""
        with self._lock:
            self._requests[path] += 1
            self._routes[template or "(unknown)"] += 1

    def record_status(self, status: int) -> None:
        """Count one response by status."""
        with self._lock:
            self._statuses[status] += 1

    def record_token_request(self) -> None:
        """Count one request to the token endpoint."""
        with self._lock:
            self._token_requests += 1

    def stats(self) -> SandboxStats:
        """Return a snapshot of the counters."""
        with self._lock:
            return SandboxStats(
                total=sum(self._requests.values()),
                requests=dict(self._requests),
                routes=dict(self._routes),
                statuses=dict(self._statuses),
                token_requests=self._token_requests,
                tokens_issued=self.tokens.issued,
            )

    def reset_stats(self) -> None:
        """Set every counter back to zero (issued tokens stay valid)."""
        with self._lock:
            self._requests.clear()
            self._routes.clear()
            self._statuses.clear()
            self._token_requests = 0
            self.tokens.issued = 0
