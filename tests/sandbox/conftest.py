"""Fixtures for the sandbox tests: a running sandbox and authorized HTTP clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from personio_sdk.sandbox import CredentialPair, Sandbox


class Api:
    """An httpx client that authenticates once and sends the bearer token."""

    def __init__(self, sandbox: Sandbox, credentials: CredentialPair) -> None:
        self.http = httpx.Client(base_url=sandbox.url, timeout=10)
        response = self.http.post("/v1/auth", json=dict(credentials))
        response.raise_for_status()
        self.token: str = response.json()["data"]["token"]

    def get(self, path: str, params: Any = None) -> httpx.Response:
        """GET `path` with the bearer token."""
        headers = {"Authorization": f"Bearer {self.token}"}
        return self.http.get(path, params=params, headers=headers)

    def data(self, path: str, params: Any = None) -> Any:
        """GET `path` and return the decoded `data` of a 200 response."""
        response = self.get(path, params)
        assert response.status_code == 200, response.text
        return response.json()["data"]

    def close(self) -> None:
        """Close the HTTP client."""
        self.http.close()


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """A demo sandbox shared by read-only tests (rate limits off)."""
    with Sandbox(rate_limits=False) as running:
        yield running


@pytest.fixture
def fresh() -> Iterator[Sandbox]:
    """A sandbox of its own, for tests that change tokens, faults or the clock."""
    with Sandbox(rate_limits=False) as running:
        yield running


@pytest.fixture
def connect() -> Iterator[Callable[..., Api]]:
    """Return `connect(sandbox, credentials=None)`: an Api closed after the test."""
    opened: list[Api] = []

    def make(target: Sandbox, credentials: CredentialPair | None = None) -> Api:
        client = Api(target, credentials or target.credentials)
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.close()


@pytest.fixture(scope="session")
def api(sandbox: Sandbox) -> Iterator[Api]:
    """An authorized client with the full credential."""
    client = Api(sandbox, sandbox.credentials)
    yield client
    client.close()


@pytest.fixture(scope="session")
def narrow_api(sandbox: Sandbox) -> Iterator[Api]:
    """An authorized client with the narrow credential."""
    client = Api(sandbox, sandbox.credentials_for("narrow"))
    yield client
    client.close()


@pytest.fixture(scope="session")
def no_absences_api(sandbox: Sandbox) -> Iterator[Api]:
    """An authorized client whose credential may not read absences."""
    client = Api(sandbox, sandbox.credentials_for("no_absences"))
    yield client
    client.close()


def attribute(item: dict[str, Any], key: str) -> Any:
    """Return the unwrapped value of an employee attribute."""
    return item["attributes"][key]["value"]
