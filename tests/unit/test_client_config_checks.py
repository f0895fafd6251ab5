"""Client configuration checks added after a user's review, and closed clients."""

from __future__ import annotations

import httpx
import pytest
import respx

from personio_sdk import (
    APIConnectionError,
    ClientClosedError,
    ConfigurationError,
    PersonioClient,
)

CREDENTIALS = {"client_id": "id-1", "client_secret": "secret-1"}


@pytest.mark.parametrize("value", ["nope", 5, object()])
def test_http_client_of_wrong_type_rejected(value: object) -> None:
    with pytest.raises(ConfigurationError, match=r"must be an httpx\.Client"):
        PersonioClient(**CREDENTIALS, http_client=value)  # type: ignore[arg-type]


def test_async_http_client_rejected() -> None:
    async_client = httpx.AsyncClient()
    with pytest.raises(ConfigurationError, match="AsyncClient"):
        PersonioClient(**CREDENTIALS, http_client=async_client)  # type: ignore[arg-type]


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999", "https://example.com:0"])
def test_base_url_port_out_of_range_rejected(url: str) -> None:
    with pytest.raises(ConfigurationError, match="port"):
        PersonioClient(**CREDENTIALS, base_url=url)


@pytest.mark.parametrize("url", ["http://127.0.0.2:8080", "http://[::1]:8080"])
def test_plain_http_on_loopback_accepted(url: str) -> None:
    with PersonioClient(**CREDENTIALS, base_url=url) as client:
        assert client.base_url == url


@pytest.mark.parametrize("url", ["http://128.0.0.1", "http://localhost.example.com"])
def test_plain_http_elsewhere_rejected(url: str) -> None:
    with pytest.raises(ConfigurationError, match="does not use HTTPS"):
        PersonioClient(**CREDENTIALS, base_url=url)


def test_with_block_on_closed_client_raises() -> None:
    client = PersonioClient(**CREDENTIALS)
    client.close()
    with pytest.raises(ClientClosedError), client:
        pass


def test_closed_injected_http_client_raises_client_closed() -> None:
    http = httpx.Client()
    client = PersonioClient(**CREDENTIALS, http_client=http)
    http.close()
    with pytest.raises(ClientClosedError, match="http_client"):
        client.employees.get(1)


def test_connection_error_keeps_no_httpx_context() -> None:
    with respx.mock(assert_all_called=False) as router:
        router.post("https://api.personio.de/v1/auth").mock(
            return_value=httpx.Response(
                200, json={"success": True, "data": {"token": "papi-t"}}
            )
        )
        router.get(url__startswith="https://api.personio.de/v1/company").mock(
            side_effect=httpx.ConnectError("refused")
        )
        client = PersonioClient(**CREDENTIALS, max_retries=0, sleep=lambda _: None)
        with pytest.raises(APIConnectionError) as caught:
            client.employees.find_by_email("ada@example.com")
        client.close()
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None
