"""Wrong constructor arguments raise a clear error naming the argument.

Each construction runs under a respx router, which would record any request, and
no request may be sent. Secrets passed in must not appear in the message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import respx

from personio_sdk import ConfigurationError, PersonioClient


def bug(reason: str) -> Any:
    """Mark a case that shows a known bug; it fails until the bug is fixed."""
    return pytest.mark.xfail(reason=reason, strict=True)


SECRET = "secret-canary-81d3"
CREDENTIALS = {"client_id": "client-id-canary", "client_secret": SECRET}


@dataclass(frozen=True)
class WrongSetting:
    """Constructor arguments that must raise `error` with `argument` in its message."""

    arguments: dict[str, Any]
    argument: str
    error: type[Exception] | tuple[type[Exception], ...] = ConfigurationError
    hidden: str | None = SECRET


def setting(argument: str, value: object, **expected: Any) -> WrongSetting:
    """Build a case that passes valid credentials plus `argument=value`."""
    return WrongSetting({**CREDENTIALS, argument: value}, argument, **expected)


CONSTRUCTOR_CALLS = [
    # Credentials.
    pytest.param(
        WrongSetting({"client_secret": SECRET}, "PERSONIO_CLIENT_ID"),
        id="client-id-missing",
    ),
    pytest.param(
        WrongSetting({"client_id": "client-id-canary"}, "PERSONIO_CLIENT_SECRET"),
        id="client-secret-missing",
    ),
    pytest.param(setting("client_id", ""), id="client-id-empty"),
    pytest.param(setting("client_secret", "   "), id="client-secret-blank"),
    pytest.param(
        setting("client_id", 12345, error=(ConfigurationError, TypeError)),
        id="client-id-int",
    ),
    pytest.param(
        setting(
            "client_secret", SECRET.encode(), error=(ConfigurationError, TypeError)
        ),
        id="client-secret-bytes",
    ),
    # Base URLs.
    pytest.param(setting("base_url", "ftp://api.personio.de"), id="url-ftp"),
    pytest.param(setting("base_url", "api.personio.de"), id="url-without-scheme"),
    pytest.param(setting("base_url", "not a url"), id="url-with-spaces"),
    pytest.param(
        setting("base_url", f"https://ada:{SECRET}@api.personio.de", hidden=SECRET),
        id="url-with-password",
    ),
    pytest.param(setting("base_url", "https://api.personio.de/v1"), id="url-with-v1"),
    pytest.param(
        setting("base_url", "https://api.personio.de/?tenant=1"), id="url-with-query"
    ),
    pytest.param(
        setting("base_url", 443, error=(ConfigurationError, TypeError)),
        id="url-int",
    ),
    # Plain http is for loopback only.
    pytest.param(setting("base_url", "http://api.personio.de"), id="http-remote-host"),
    pytest.param(setting("base_url", "http://192.168.0.10"), id="http-private-ip"),
    pytest.param(
        setting("base_url", "http://0.0.0.0:8080"), id="http-unspecified-address"
    ),
    pytest.param(
        setting("base_url", "http://localhost.example.com"), id="http-localhost-prefix"
    ),
    pytest.param(
        setting("base_url", "http://127.0.0.1.example.com"), id="http-loopback-prefix"
    ),
    # Timeouts and retries.
    pytest.param(setting("timeout", 0), id="timeout-zero"),
    pytest.param(setting("timeout", float("inf")), id="timeout-infinite"),
    pytest.param(setting("timeout", "30"), id="timeout-string"),
    pytest.param(setting("max_retries", -1), id="max-retries-negative"),
    pytest.param(setting("max_retries", True), id="max-retries-bool"),
    pytest.param(setting("app_id", "APP\nX-Injected: 1"), id="app-id-newline"),
]


@pytest.mark.parametrize("case", CONSTRUCTOR_CALLS)
def test_wrong_setting_raises_at_construction(
    case: WrongSetting, monkeypatch: pytest.MonkeyPatch
) -> None:
    for variable in (
        "PERSONIO_CLIENT_ID",
        "PERSONIO_CLIENT_SECRET",
        "PERSONIO_BASE_URL",
    ):
        monkeypatch.delenv(variable, raising=False)
    router = respx.mock(assert_all_mocked=False, assert_all_called=False)
    with router, pytest.raises(case.error) as raised:
        PersonioClient(**case.arguments).close()
    message = str(raised.value)
    assert case.argument in message
    if case.hidden is not None:
        assert case.hidden not in message
    assert router.calls.call_count == 0
