"""Fixtures of the resource tests: a client whose HTTP traffic respx mocks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import respx
from resource_helpers import BASE_URL

from personio_sdk import PersonioClient
from personio_sdk._transport import Transport

TOKEN_BODY = {
    "success": True,
    "data": {"token": "papi-test-token", "expires_in": 86400, "scope": "x"},
}


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    """A respx router for Personio's host with a mocked token endpoint."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        router.post("/v1/auth").respond(json=TOKEN_BODY)
        yield router


@pytest.fixture
def client(api: respx.MockRouter) -> Iterator[PersonioClient]:
    with PersonioClient(
        client_id="client-id",
        client_secret="client-secret",
        base_url=BASE_URL,
        sleep=lambda seconds: None,
    ) as personio:
        yield personio


@pytest.fixture
def transport(client: PersonioClient) -> Transport:
    return client._transport
