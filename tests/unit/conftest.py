"""Shared fixtures of the unit tests: a fake clock, respx routes and a client."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import respx

from personio_sdk import PersonioClient

BASE_URL = "http://127.0.0.1:8765"
CLIENT_ID = "client-id-canary-7f3a9c"
CLIENT_SECRET = "secret-canary-5b1d2e"
TOKEN = "papi-token-canary-93c1"
SECOND_TOKEN = "papi-token-canary-second-4d2f"
EMAIL = "ada.canary@example.com"


class FakeClock:
    """A monotonic clock that only moves when `sleep` is called or `advance` is."""

    def __init__(self, start: float = 1000.0) -> None:
        self._lock = threading.Lock()
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        with self._lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


def token_body(token: str = TOKEN, expires_in: Any = 86400) -> dict[str, Any]:
    """Return a v1 token response body."""
    return {
        "success": True,
        "data": {"token": token, "expires_in": expires_in, "scope": "employees:read"},
    }


def v1_error(status: int, message: str) -> dict[str, Any]:
    """Return a v1 error body."""
    return {"success": False, "error": {"code": status, "message": message}}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as mock:
        yield mock


@pytest.fixture
def auth_route(router: respx.MockRouter) -> respx.Route:
    return router.post("/v1/auth").respond(200, json=token_body())


@pytest.fixture
def make_client(
    clock: FakeClock,
) -> Iterator[Callable[..., PersonioClient]]:
    clients: list[PersonioClient] = []

    def build(**overrides: Any) -> PersonioClient:
        options: dict[str, Any] = {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "base_url": BASE_URL,
            "clock": clock.monotonic,
            "sleep": clock.sleep,
        }
        options.update(overrides)
        client = PersonioClient(**options)
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.close()


@pytest.fixture
def client(
    make_client: Callable[..., PersonioClient], auth_route: respx.Route
) -> PersonioClient:
    return make_client()


@pytest.fixture(autouse=True)
def _no_personio_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "PERSONIO_CLIENT_ID",
        "PERSONIO_CLIENT_SECRET",
        "PERSONIO_BASE_URL",
        "PERSONIO_LOG",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _pinned_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make back-off waits exact: the random part is always zero."""
    monkeypatch.setattr("personio_sdk._retry.jitter", lambda ceiling: 0.0)
