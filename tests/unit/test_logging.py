"""Logging switch, httpx redaction, and the secret canary across logs and reprs."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
import respx

from personio_sdk import PersonioClient, PersonioError
from personio_sdk import _logging as sdk_logging
from personio_sdk._pagination import PageStyle, iter_items

from .conftest import (
    BASE_URL,
    CLIENT_SECRET,
    EMAIL,
    TOKEN,
    FakeClock,
    token_body,
    v1_error,
)

EMPLOYEES = "/v1/company/employees"
CANARIES = (CLIENT_SECRET, TOKEN, EMAIL, EMAIL.replace("@", "%40"))


@pytest.fixture
def env_handler_reset() -> Iterator[None]:
    yield
    handler = sdk_logging._env_handler
    if handler is not None:
        sdk_logging.logger.removeHandler(handler)
        sdk_logging._env_handler = None
    sdk_logging.logger.setLevel(logging.NOTSET)


@pytest.mark.parametrize(
    ("value", "level"), [("debug", logging.DEBUG), ("INFO", logging.INFO)]
)
def test_personio_log_turns_on_stderr_handler(
    monkeypatch: pytest.MonkeyPatch, env_handler_reset: None, value: str, level: int
) -> None:
    monkeypatch.setenv("PERSONIO_LOG", value)
    sdk_logging.configure_from_env()
    sdk_logging.configure_from_env()
    handlers = [h for h in sdk_logging.logger.handlers if h is sdk_logging._env_handler]
    assert len(handlers) == 1
    assert sdk_logging.logger.level == level


def test_env_handler_skips_root_printed_records(
    monkeypatch: pytest.MonkeyPatch, env_handler_reset: None
) -> None:
    monkeypatch.setenv("PERSONIO_LOG", "debug")
    sdk_logging.configure_from_env()
    # pytest's own capture handlers are replaced by one that prints INFO and up.
    monkeypatch.setattr(
        logging.getLogger(), "handlers", [logging.Handler(level=logging.INFO)]
    )
    info = logging.LogRecord(
        "personio_sdk", logging.INFO, __file__, 1, "info line", None, None
    )
    debug = logging.LogRecord(
        "personio_sdk", logging.DEBUG, __file__, 1, "debug line", None, None
    )
    env_handler = sdk_logging._env_handler
    assert env_handler is not None
    # The root handler prints INFO, so the SDK's handler leaves it out; DEBUG is
    # below the root handler's level and printed by the SDK's handler only.
    assert not env_handler.filter(info)
    assert env_handler.filter(debug)


def test_env_handler_prints_without_root_handlers(
    monkeypatch: pytest.MonkeyPatch, env_handler_reset: None
) -> None:
    monkeypatch.setenv("PERSONIO_LOG", "info")
    monkeypatch.setattr(logging.getLogger(), "handlers", [])
    sdk_logging.configure_from_env()
    record = logging.LogRecord(
        "personio_sdk", logging.INFO, __file__, 1, "info line", None, None
    )
    env_handler = sdk_logging._env_handler
    assert env_handler is not None
    assert env_handler.filter(record)


def test_without_personio_log_nothing_changes(env_handler_reset: None) -> None:
    sdk_logging.configure_from_env()
    assert sdk_logging._env_handler is None


def test_httpx_record_loses_query_string(
    client: PersonioClient, router: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    router.get(EMPLOYEES).respond(200, json={"success": True, "data": []})
    with caplog.at_level(logging.DEBUG):
        client._transport.get(EMPLOYEES, params=[("email", EMAIL)])
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any(f"{BASE_URL}{EMPLOYEES}" in line for line in lines)
    assert not any("?" in line for line in lines)
    assert not any("ada.canary" in line for line in lines)


def test_httpx_records_of_other_hosts_are_untouched(
    client: PersonioClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        logging.getLogger("httpx").info(
            "HTTP Request: %s %s", "GET", httpx.URL("http://other.example/x?q=1")
        )
    assert caplog.records[-1].getMessage().endswith("?q=1")


def test_httpx_filter_ends_with_last_client(
    make_client: Callable[..., PersonioClient], caplog: pytest.LogCaptureFixture
) -> None:
    first, second = make_client(), make_client()
    first.close()
    url = httpx.URL(f"{BASE_URL}/v1/x?email=a")
    with caplog.at_level(logging.INFO):
        logging.getLogger("httpx").info("HTTP Request: %s %s", "GET", url)
    assert "?" not in caplog.records[-1].getMessage()
    second.close()


def test_httpcore_authorization_header_is_blanked(
    caplog: pytest.LogCaptureFixture,
) -> None:
    message = (
        "receive_response_headers.complete return_value=(b'HTTP/1.1', 200, b'OK', "
        "[(b'Content-Type', b'application/json'), "
        f"(b'Authorization', b'Bearer {TOKEN}')])"
    )
    sdk_logging.register_base_url(BASE_URL)
    try:
        with caplog.at_level(logging.DEBUG):
            logging.getLogger("httpcore.http11").debug(message)
    finally:
        sdk_logging.unregister_base_url(BASE_URL)
    text = caplog.records[-1].getMessage()
    assert TOKEN not in text
    assert "(b'Content-Type', b'application/json')" in text


def test_mask_shows_no_character_of_a_secret() -> None:
    assert sdk_logging.mask(CLIENT_SECRET) == "'****'"


def _all_text(caplog: pytest.LogCaptureFixture) -> str:
    parts = []
    for record in caplog.records:
        parts.append(record.getMessage())
        parts.append(repr(record.args))
        if record.exc_info and record.exc_info[1] is not None:
            parts.append(str(record.exc_info[1]))
    return "\n".join(parts)


def _assert_no_canary(text: str) -> None:
    for canary in CANARIES:
        assert canary not in text


def _list_employees(client: PersonioClient) -> object:
    items = iter_items(
        client._transport,
        EMPLOYEES,
        params=[("email", EMAIL)],
        style=PageStyle.RECORD_OFFSET,
        page_size=10,
        item_id=lambda item: item["id"],
    )
    return list(items)


def _run_scenarios(
    client: PersonioClient, router: respx.MockRouter, auth_route: respx.Route
) -> list[BaseException]:
    """Drive the client through success, replay, retries and failures."""
    ok = httpx.Response(200, json={"success": True, "data": []})
    refused = httpx.ConnectError("refused")
    steps: list[list[httpx.Response | Exception]] = [
        [ok],
        [httpx.Response(401, json=v1_error(401, "The token has been blacklisted")), ok],
        [httpx.Response(429, headers={"Retry-After": "1"}), ok],
        [httpx.Response(404, json=v1_error(404, "Es ist ein Problem aufgetreten "))],
        [httpx.Response(429, headers={"Retry-After": "9999"})],
        [refused, refused, refused, refused],
        [httpx.Response(200, text="not json")],
    ]
    route = router.get(EMPLOYEES)
    errors: list[BaseException] = []
    for responses in steps:
        route.side_effect = responses
        try:
            client._transport.get(EMPLOYEES, params=[("email", EMAIL)])
        except PersonioError as exc:
            errors.append(exc)
    # A listing whose item has no id, and a rejected credential.
    route.side_effect = [
        httpx.Response(200, json={"success": True, "data": [{"email": EMAIL}]})
    ]
    with pytest.raises(PersonioError) as caught:
        _list_employees(client)
    errors.append(caught.value)
    auth_route.respond(403, json=v1_error(0, "Wrong credentials"))
    client._token_cache.invalidate(client._token_cache.get_token())
    route.side_effect = [ok]
    with pytest.raises(PersonioError) as caught:
        client._transport.get(EMPLOYEES, params=[("email", EMAIL)])
    errors.append(caught.value)
    return errors


def test_canary_never_reaches_logs_errors_or_reprs(
    client: PersonioClient,
    router: respx.MockRouter,
    auth_route: respx.Route,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG):
        errors = _run_scenarios(client, router, auth_route)
    assert len(errors) == 6
    assert any(record.name == "httpx" for record in caplog.records)
    assert any(record.name == "personio_sdk" for record in caplog.records)
    _assert_no_canary(_all_text(caplog))
    for error in errors:
        _assert_no_canary(str(error))
        _assert_no_canary(repr(error))
    for thing in (client, client._token_cache, client._transport):
        _assert_no_canary(repr(thing))


class _EchoHandler(BaseHTTPRequestHandler):
    """Loopback fake of Personio that echoes the bearer token like Personio does."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        self._send(200, token_body(TOKEN), echo=None)

    def do_GET(self) -> None:
        self._send(
            200, {"success": True, "data": []}, echo=self.headers["Authorization"]
        )

    def _send(self, status: int, body: object, echo: str | None) -> None:
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        if echo:
            self.send_header("Authorization", echo)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def echo_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EchoHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_canary_over_real_sockets_with_httpcore_debug(
    echo_server: str, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.DEBUG),
        PersonioClient(
            client_id="id-canary-0001",
            client_secret=CLIENT_SECRET,
            base_url=echo_server,
            clock=clock.monotonic,
            sleep=clock.sleep,
        ) as client,
    ):
        client._transport.get(EMPLOYEES, params=[("email", EMAIL)])
    text = _all_text(caplog)
    assert any(record.name.startswith("httpcore") for record in caplog.records)
    # The echoed Authorization header was logged, with its value blanked.
    assert "(b'Authorization', b'[redacted]')" in text
    _assert_no_canary(text)
