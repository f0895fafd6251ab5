"""The HTTP request handler: routing, authentication and writing responses.

Each response is written in one call (status line, headers and body together) with
Nagle's algorithm off, so keep-alive clients do not wait on delayed ACKs.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from personio_sdk.sandbox import _endpoints as ep
from personio_sdk.sandbox._auth import ABSENCES_READ, EMPLOYEES_READ, Credential
from personio_sdk.sandbox._endpoints import Context, Params, Reply, error_reply
from personio_sdk.sandbox._faults import HTML_ERROR_PAGE, Fault, format_retry_after
from personio_sdk.sandbox._serialize import dumps

if TYPE_CHECKING:
    from personio_sdk.sandbox._state import SandboxState

NOT_PROVIDED = "Authorization is not provided"
NOT_VALID = "Provided authorization is not valid"
BLACKLISTED = "The token has been blacklisted"
EXPIRED = "The token has expired"
WRONG_CREDENTIALS = "Wrong credentials"
QUERY_CREDENTIALS = (
    "Passing credentials as query parameters is not supported. "
    "Send client_id and client_secret in the request body."
)
FORBIDDEN = "You do not have permission to access this resource."
TOO_MANY_REQUESTS = "Too many requests. Please retry later."

_Endpoint = Callable[[Context, Params, str], Reply]


def _collection(function: Callable[[Context, Params], Reply]) -> _Endpoint:
    return lambda context, params, _: function(context, params)


def _item(function: Callable[[Context, str], Reply]) -> _Endpoint:
    return lambda context, _, identifier: function(context, identifier)


# (method, pattern, route template, scope, endpoint). Order matters: fixed paths
# before the `{employee_id}` pattern that would also match them.
ROUTES: tuple[tuple[str, re.Pattern[str], str, str, _Endpoint], ...] = (
    ("GET", re.compile(r"/v1/company/employees"), "/v1/company/employees",
     EMPLOYEES_READ, _collection(ep.list_employees)),
    ("GET", re.compile(r"/v1/company/employees/(?:custom-)?attributes"),
     "/v1/company/employees/attributes", EMPLOYEES_READ,
     _collection(ep.list_attributes)),
    ("GET", re.compile(r"/v1/company/employees/([^/]+)/absences/balance"),
     "/v1/company/employees/{employee_id}/absences/balance", ABSENCES_READ,
     _item(ep.get_balance)),
    ("GET", re.compile(r"/v1/company/employees/([^/]+)"),
     "/v1/company/employees/{employee_id}", EMPLOYEES_READ, _item(ep.get_employee)),
    ("GET", re.compile(r"/v1/company/time-off-types"), "/v1/company/time-off-types",
     ABSENCES_READ, _collection(ep.list_time_off_types)),
    ("GET", re.compile(r"/v1/company/time-offs"), "/v1/company/time-offs",
     ABSENCES_READ, _collection(ep.list_time_offs)),
    ("GET", re.compile(r"/v1/company/time-offs/([^/]+)"), "/v1/company/time-offs/{id}",
     ABSENCES_READ, _item(ep.get_time_off)),
    ("GET", re.compile(r"/v1/company/absence-periods"), "/v1/company/absence-periods",
     ABSENCES_READ, _collection(ep.list_periods)),
)  # fmt: skip

AUTH_PATH = "/v1/auth"


def match_route(
    method: str, path: str
) -> tuple[str | None, tuple[str, str, _Endpoint] | None]:
    """Find the route of `path`: (template, (scope, identifier, endpoint)).

    The template is None for an unknown path; the second item is None when the path
    is known but not for this method.
    """
    if path == AUTH_PATH:
        return AUTH_PATH, None
    for route_method, pattern, template, scope, endpoint in ROUTES:
        found = pattern.fullmatch(path)
        if found is None:
            continue
        if route_method != method:
            return template, None
        identifier = found.group(1) if found.groups() else ""
        return template, (scope, identifier, endpoint)
    return None, None


class SandboxServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the sandbox's state for its handlers."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], state: SandboxState) -> None:
        self.state = state
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, SandboxHandler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore a client that closed its connection; print other errors.

        A client that times out or is interrupted closes the socket while its
        response is written, which is normal for a test server and not worth the
        traceback socketserver prints by default.
        """
        # ConnectionError covers a reset, an aborted connection and a broken pipe.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Close every open keep-alive connection, so no handler thread lingers."""
        with self._connections_lock:
            connections = list(self._connections)
            self._connections.clear()
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()


class SandboxHandler(BaseHTTPRequestHandler):
    """Handles one connection's requests, keep-alive, as Personio's v1 API does."""

    protocol_version = "HTTP/1.1"
    server_version = "personio-sandbox"
    # An idle keep-alive connection is closed after this many seconds.
    timeout = 120
    server: SandboxServer

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: a test server that prints every request drowns test output."""

    def do_GET(self) -> None:
        """Handle a GET request."""
        self.respond("GET")

    def do_POST(self) -> None:
        """Handle a POST request."""
        self.respond("POST")

    def do_PUT(self) -> None:
        """Handle a PUT request: 405 on known paths, since no write endpoints exist."""
        self.respond("PUT")

    def do_PATCH(self) -> None:
        """Handle a PATCH request (405 on known paths)."""
        self.respond("PATCH")

    def do_DELETE(self) -> None:
        """Handle a DELETE request (405 on known paths)."""
        self.respond("DELETE")

    def respond(self, method: str) -> None:
        """Route, inject faults, apply rate limits, authenticate and respond."""
        state = self.server.state
        raw_path, _, query = self.path.partition("?")
        path = raw_path.rstrip("/") or "/"
        params = parse_qsl(query, keep_blank_values=True)
        body = self.read_body()
        template, route = match_route(method, path)
        state.record_request(path, template)
        page = request_page(template, params, state.period_offsets)
        fault = state.faults.pick(method, path, template, page)
        if fault is not None and self.inject(fault):
            return
        token = None
        retry_after = state.limiter.retry_after(template)
        if retry_after is not None:
            reply = error_reply(429, TOO_MANY_REQUESTS)
            reply.headers.append(("Retry-After", str(retry_after)))
        else:
            reply, token = self.dispatch(method, path, params, body, template, route)
        if token is not None:
            reply.headers.append(("Authorization", f"Bearer {token}"))
        state.record_status(reply.status)
        if fault is not None and fault.kind == "truncate":
            self.send_truncated(reply)
        else:
            self.send(reply)

    def inject(self, fault: Fault) -> bool:
        """Apply a fault before the normal response; True when it has responded."""
        state = self.server.state
        kind = fault.kind
        if kind in ("latency", "stall"):
            state.stopping.wait(fault.seconds or 0.0)
        elif kind == "revoke_token":
            state.tokens.revoke_all()
        elif kind == "expire_token":
            state.tokens.expire_all()
        elif kind == "drop":
            self.drop()
            return True
        elif kind == "status":
            status = fault.status or 503
            reply = error_reply(status, _phrase(status))
            if fault.retry_after is not None:
                reply.headers.append(
                    ("Retry-After", format_retry_after(fault.retry_after))
                )
            state.record_status(status)
            self.send(reply)
            return True
        elif kind == "html":
            status = fault.status or 502
            page = HTML_ERROR_PAGE.format(status=status, phrase=_phrase(status))
            state.record_status(status)
            self.send(Reply(status, page.encode(), "text/html"))
            return True
        return False

    def drop(self) -> None:
        """Close the connection without a response."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def send_truncated(self, reply: Reply) -> None:
        """Send the headers and half the body, then close the connection."""
        full = self.encode(reply)
        cut = len(full) - len(reply.body) // 2 - 1
        with contextlib.suppress(OSError):
            self.wfile.write(full[:cut])
        self.drop()

    def dispatch(
        self,
        method: str,
        path: str,
        params: Params,
        body: bytes,
        template: str | None,
        route: tuple[str, str, _Endpoint] | None,
    ) -> tuple[Reply, str | None]:
        """Produce the reply and, once authenticated, the token to echo."""
        state = self.server.state
        if template is None:
            return error_reply(404, "Not found"), None
        if template == AUTH_PATH:
            if method != "POST":
                return error_reply(405, "Method not allowed"), None
            return self.authenticate(params, body), None
        if route is None:
            return error_reply(405, "Method not allowed"), None
        scope, identifier, endpoint = route
        token, credential, failure = self.bearer()
        if failure is not None:
            return failure, None
        assert credential is not None
        if scope not in credential.scopes:
            return error_reply(403, FORBIDDEN), token
        context = Context(state.store, credential, state.period_offsets)
        return endpoint(context, params, identifier), token

    def bearer(self) -> tuple[str | None, Credential | None, Reply | None]:
        """Check the `Authorization: Bearer` header.

        Missing: 401 "Authorization is not provided". Never issued: 403 "Provided
        authorization is not valid". Revoked: 401 "The token has been blacklisted".
        Older than 24 hours: 401 "The token has expired".
        """
        header = self.headers.get("Authorization", "")
        scheme, _, value = header.partition(" ")
        value = value.strip()
        if scheme.lower() != "bearer" or not value:
            return None, None, error_reply(401, NOT_PROVIDED)
        check = self.server.state.tokens.check(value)
        if check.state == "unknown":
            return None, None, error_reply(403, NOT_VALID)
        if check.state == "revoked":
            return None, None, error_reply(401, BLACKLISTED)
        if check.state == "expired":
            return None, None, error_reply(401, EXPIRED)
        return value, check.credential, None

    def authenticate(self, params: Params, body: bytes) -> Reply:
        """`POST /v1/auth`: credentials from a JSON or form body; never the query."""
        state = self.server.state
        state.record_token_request()
        if ep.first(params, "client_id") is not None or ep.first(
            params, "client_secret"
        ):
            return error_reply(403, QUERY_CREDENTIALS)
        fields = _credential_fields(body, self.headers.get("Content-Type", ""))
        credential = state.find_credential(
            fields.get("client_id", ""), fields.get("client_secret", "")
        )
        if credential is None:
            return error_reply(403, WRONG_CREDENTIALS, code=0)
        token = state.tokens.issue(credential)
        data = {"token": token, "expires_in": 86400, "scope": credential.scope}
        return Reply(200, dumps({"success": True, "data": data}))

    def read_body(self) -> bytes:
        """Read the request body announced by Content-Length (none: empty)."""
        length = self.headers.get("Content-Length")
        if not length or not length.isdigit():
            return b""
        return self.rfile.read(int(length))

    def send(self, reply: Reply) -> None:
        """Write status line, headers and body in one call."""
        self.wfile.write(self.encode(reply))

    def encode(self, reply: Reply) -> bytes:
        """Return the whole HTTP response as bytes."""
        lines = [
            f"HTTP/1.1 {reply.status} {_phrase(reply.status)}",
            f"Content-Type: {reply.content_type}",
            f"Content-Length: {len(reply.body)}",
        ]
        lines.extend(f"{name}: {value}" for name, value in reply.headers)
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        return head + reply.body


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def request_page(template: str | None, params: Params, period_offsets: str) -> int:
    """Return the 1-based page a listing request selects (1 for other requests)."""
    try:
        offset = int(ep.first(params, "offset") or 0)
        if template == "/v1/company/employees":
            return offset // max(1, int(ep.first(params, "limit") or 50)) + 1
        page_numbers = template == "/v1/company/time-offs" or (
            template == "/v1/company/absence-periods" and period_offsets == "page"
        )
        if page_numbers:
            return max(offset, 1)
        if template in ("/v1/company/absence-periods", "/v1/company/time-off-types"):
            return offset // max(1, int(ep.first(params, "limit") or 200)) + 1
    except ValueError:
        pass
    return 1


def _credential_fields(body: bytes, content_type: str) -> dict[str, str]:
    """Read client_id and client_secret from a JSON or form-encoded body."""
    text = body.decode("utf-8", errors="replace").strip()
    if "json" in content_type or text.startswith("{"):
        try:
            decoded = json.loads(text or "{}")
        except ValueError:
            return {}
        if not isinstance(decoded, dict):
            return {}
        return {key: value for key, value in decoded.items() if isinstance(value, str)}
    return dict(parse_qsl(text, keep_blank_values=True))
