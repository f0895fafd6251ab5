"""Credentials, their attribute whitelists and scopes, and stable 24-hour tokens.

Personio hands out one token per credential pair and returns that same token for 24
hours from its creation. A token past that age is rejected. The sandbox keeps that
rule on a clock that tests can advance.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypedDict

from personio_sdk.sandbox._serialize import ATTRIBUTE_KEYS

TOKEN_LIFETIME = 86_400.0
"""Seconds a token stays valid from its creation (Personio: 24 hours)."""

EMPLOYEES_READ = "employees:read"
ABSENCES_READ = "absences:read"

# Attributes a narrow credential's whitelist leaves out: schedules, holiday calendars,
# entitlements, salary and sensitive custom fields are simply absent from its responses.
NARROW_HIDDEN = frozenset(
    {
        "work_schedule",
        "holiday_calendar",
        "absence_entitlement",
        "fix_salary",
        "fix_salary_interval",
        "hourly_salary",
        "cost_centers",
        "termination_reason",
        "dynamic_21827",
        "dynamic_180883",
    }
)


class CredentialPair(TypedDict):
    """Keyword arguments for a client: `PersonioClient(**pair, base_url=...)`."""

    client_id: str
    client_secret: str


@dataclass(frozen=True)
class Credential:
    """A client id and secret with the scopes and attributes it may read."""

    name: str
    client_id: str
    client_secret: str = field(repr=False)
    scopes: tuple[str, ...]
    attributes: frozenset[str]

    @property
    def scope(self) -> str:
        """The scopes as the token response writes them, space separated."""
        return " ".join(self.scopes)

    def as_kwargs(self) -> CredentialPair:
        """Return `{"client_id": ..., "client_secret": ...}` for a client."""
        return {"client_id": self.client_id, "client_secret": self.client_secret}


def default_credentials() -> dict[str, Credential]:
    """Return the sandbox's credentials by name: full, narrow and no_absences.

    The values are fixed demo strings so that docs and shell examples can name them.
    """
    everything = frozenset(ATTRIBUTE_KEYS)
    both = (EMPLOYEES_READ, ABSENCES_READ)
    return {
        "full": Credential(
            "full", "sandbox-full", "sandbox-full-secret", both, everything
        ),
        "narrow": Credential(
            "narrow",
            "sandbox-narrow",
            "sandbox-narrow-secret",
            both,
            everything - NARROW_HIDDEN,
        ),
        "no_absences": Credential(
            "no_absences",
            "sandbox-no-absences",
            "sandbox-no-absences-secret",
            (EMPLOYEES_READ,),
            everything,
        ),
    }


class SandboxClock:
    """Seconds on a base clock plus an offset that `advance()` moves forward."""

    def __init__(self, base: Callable[[], float] | None = None) -> None:
        self._base = base or time.monotonic
        self._offset = 0.0
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            offset = self._offset
        return self._base() + offset

    def advance(self, seconds: float) -> None:
        """Move the clock forward by `seconds`; negative values are rejected."""
        if seconds < 0:
            raise ValueError(f"cannot move the sandbox clock backwards: {seconds}")
        with self._lock:
            self._offset += seconds


@dataclass
class _Token:
    credential: Credential
    created: float
    revoked: bool = False


@dataclass(frozen=True)
class TokenCheck:
    """A bearer token's state: `ok`, `unknown`, `expired` or `revoked`."""

    state: str
    credential: Credential | None = None


class TokenRegistry:
    """Issues and checks `papi-` tokens; thread-safe."""

    def __init__(self, clock: Callable[[], float], lifetime: float = TOKEN_LIFETIME):
        self._clock = clock
        self._lifetime = lifetime
        self._tokens: dict[str, _Token] = {}
        self._current: dict[str, str] = {}
        self._lock = threading.Lock()
        self.issued = 0

    def issue(self, credential: Credential) -> str:
        """Return the credential's live token, creating one if none is live."""
        now = self._clock()
        with self._lock:
            current = self._current.get(credential.name)
            if current is not None:
                token = self._tokens[current]
                if not token.revoked and now - token.created < self._lifetime:
                    return current
            value = "papi-" + secrets.token_urlsafe(36)
            self._tokens[value] = _Token(credential, now)
            self._current[credential.name] = value
            self.issued += 1
            return value

    def check(self, value: str) -> TokenCheck:
        """Check a bearer token's state at the clock's current time."""
        now = self._clock()
        with self._lock:
            token = self._tokens.get(value)
        if token is None:
            return TokenCheck("unknown")
        if token.revoked:
            return TokenCheck("revoked", token.credential)
        if now - token.created >= self._lifetime:
            return TokenCheck("expired", token.credential)
        return TokenCheck("ok", token.credential)

    def revoke_all(self) -> None:
        """Invalidate every issued token; the next auth request creates new ones."""
        with self._lock:
            for token in self._tokens.values():
                token.revoked = True

    def expire_all(self) -> None:
        """Age every issued token past its lifetime, as if 24 hours had passed."""
        with self._lock:
            for token in self._tokens.values():
                token.created -= self._lifetime
