"""PersonioClient configuration: credentials, base URL, timeouts, lifecycle."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
import respx

from personio_sdk import (
    ClientClosedError,
    ConfigurationError,
    PersonioClient,
    PersonioError,
)
from personio_sdk import _constants as constants

from .conftest import BASE_URL, CLIENT_ID, CLIENT_SECRET

EMPLOYEES = "/v1/company/employees"


def build(**overrides: object) -> PersonioClient:
    options: dict[str, object] = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "base_url": BASE_URL,
    }
    options.update(overrides)
    return PersonioClient(**options)  # type: ignore[arg-type]


def test_arguments_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        PersonioClient(CLIENT_ID, CLIENT_SECRET)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("argument", "env_var"),
    [("client_id", "PERSONIO_CLIENT_ID"), ("client_secret", "PERSONIO_CLIENT_SECRET")],
)
def test_missing_credential_names_argument_and_env_var(
    argument: str, env_var: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        build(**{argument: None})
    assert argument in str(caught.value)
    assert env_var in str(caught.value)


def test_blank_credential_counts_as_missing() -> None:
    with pytest.raises(ConfigurationError, match="client_secret"):
        build(client_secret="   ")


def test_configuration_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="client_id"):
        build(client_id=None)


def test_credentials_come_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERSONIO_CLIENT_ID", "env-id")
    monkeypatch.setenv("PERSONIO_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("PERSONIO_BASE_URL", "http://127.0.0.1:9999")
    with PersonioClient() as client:
        assert client._token_cache._client_id == "env-id"
        assert client._token_cache._client_secret == "env-secret"
        assert client.base_url == "http://127.0.0.1:9999"


def test_arguments_win_over_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERSONIO_CLIENT_ID", "env-id")
    with build(client_id="argument-id") as client:
        assert client._token_cache._client_id == "argument-id"


def test_default_base_url_is_personio() -> None:
    with build(base_url=None) as client:
        assert client.base_url == "https://api.personio.de"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://localhost:8080",
        "http://[::1]:8080",
        "https://personio.example.com",
    ],
)
def test_allowed_base_urls(url: str) -> None:
    with build(base_url=url) as client:
        assert client.base_url == url


def test_trailing_slash_is_dropped() -> None:
    with build(base_url="https://api.personio.de/") as client:
        assert client.base_url == "https://api.personio.de"


def test_plain_http_is_rejected_for_remote_hosts() -> None:
    with pytest.raises(ConfigurationError) as caught:
        build(base_url="http://api.personio.de")
    message = str(caught.value)
    assert "'http://api.personio.de'" in message
    assert "https://api.personio.de" in message
    assert "loopback" in message


@pytest.mark.parametrize(
    "url",
    ["ftp://api.personio.de", "api.personio.de", "https://api.personio.de/v1"],
)
def test_invalid_base_urls_are_rejected(url: str) -> None:
    with pytest.raises(ConfigurationError):
        build(base_url=url)


def test_base_url_with_query_is_rejected() -> None:
    with pytest.raises(ConfigurationError, match="query"):
        build(base_url="https://api.personio.de/?token=abc")


def test_base_url_with_password_is_rejected_without_echo() -> None:
    with pytest.raises(ConfigurationError) as caught:
        build(base_url="https://user:hunter2@api.personio.de")
    assert "hunter2" not in str(caught.value)


def test_default_timeouts_are_finite() -> None:
    with build() as client:
        assert client.timeout.connect == constants.DEFAULT_CONNECT_TIMEOUT
        assert client.timeout.read == constants.DEFAULT_READ_TIMEOUT
        assert client.timeout.write is not None
        assert client.timeout.pool is not None


def test_number_timeout_applies_to_every_phase() -> None:
    with build(timeout=12) as client:
        assert client.timeout == httpx.Timeout(12.0)


@pytest.mark.parametrize("timeout", [0, -1, float("inf"), "10", True])
def test_invalid_timeouts_are_rejected(timeout: object) -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        build(timeout=timeout)


def test_timeout_without_read_limit_is_rejected() -> None:
    with pytest.raises(ConfigurationError, match="timeout"):
        build(timeout=httpx.Timeout(5.0, read=None))


def test_max_retries_default_is_three() -> None:
    with build() as client:
        assert client.max_retries == 3


@pytest.mark.parametrize("value", [-1, 1.5, True])
def test_invalid_max_retries_are_rejected(value: object) -> None:
    with pytest.raises(ConfigurationError, match="max_retries"):
        build(max_retries=value)


def test_injected_http_client_is_used_and_never_closed() -> None:
    http_client = httpx.Client()
    with (
        respx.mock(base_url=BASE_URL) as router,
        build(http_client=http_client) as client,
    ):
        router.post("/v1/auth").respond(
            200, json={"success": True, "data": {"token": "papi-x", "expires_in": 60}}
        )
        router.get(EMPLOYEES).respond(200, json={"success": True, "data": []})
        client._transport.get(EMPLOYEES)
    assert client.closed
    assert not http_client.is_closed
    http_client.close()


def test_injected_client_timeout_is_kept() -> None:
    with (
        httpx.Client(timeout=7.0) as http_client,
        build(http_client=http_client) as client,
    ):
        assert client.timeout == httpx.Timeout(7.0)


def test_injected_client_without_timeout_gets_defaults() -> None:
    with (
        httpx.Client(timeout=None) as http_client,  # noqa: S113 - the case under test
        build(http_client=http_client) as client,
    ):
        assert client.timeout.read == constants.DEFAULT_READ_TIMEOUT


def test_owned_http_client_is_closed() -> None:
    client = build()
    client.close()
    assert client._http.is_closed


def test_close_twice_is_harmless() -> None:
    client = build()
    client.close()
    client.close()
    assert client.closed


def test_use_after_close_raises_client_closed_error(
    make_client: Callable[..., PersonioClient],
) -> None:
    client = make_client()
    client.close()
    with pytest.raises(ClientClosedError) as caught:
        client._transport.get(EMPLOYEES)
    assert isinstance(caught.value, PersonioError)
    assert "closed" in str(caught.value)


def test_context_manager_closes_the_client() -> None:
    with build() as client:
        assert not client.closed
    assert client.closed


def test_repr_masks_the_secret() -> None:
    with build() as client:
        text = repr(client)
    assert CLIENT_SECRET not in text
    assert CLIENT_ID not in text
    assert BASE_URL in text


@pytest.mark.parametrize("value", ["MY\nAPP", "ÄPP"])
def test_invalid_app_id_is_rejected(value: str) -> None:
    with pytest.raises(ConfigurationError, match="app_id"):
        build(app_id=value)


def test_empty_app_id_sends_no_header() -> None:
    with build(app_id="") as client:
        assert "X-Personio-App-ID" not in client._transport._headers
