"""Reading Personio's error bodies: the message and the request id.

Personio sends errors in three shapes: v1 `{"success": false, "error": {"code",
"message"}}`, problem+json `{"errors": [{"title", "detail"}]}` and, from the v2
token endpoint, OAuth2 `{"error", "error_description"}`. Messages may be German, so
callers branch on the status and show the message only to people.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from personio_sdk._constants import REQUEST_ID_HEADERS

if TYPE_CHECKING:
    import httpx

__all__ = ["parse_body", "personio_message", "request_id_from"]

# Personio error messages are short sentences; anything longer is not a message.
_MAX_MESSAGE_LENGTH = 300


def parse_body(content: bytes) -> Any:
    """Decode a body as JSON, or return None if it is not JSON."""
    try:
        return json.loads(content)
    except ValueError:
        return None


def personio_message(body: Any) -> str | None:
    """Extract Personio's error message from a decoded error body.

    Reads the v1 shape `{"success": false, "error": {"code", "message"}}`, the
    problem+json shape `{"errors": [{"title", "detail"}]}` and the OAuth2 shape
    `{"error": "...", "error_description": "..."}`. Returns None for anything else.
    """
    if not isinstance(body, Mapping):
        return None
    error = body.get("error")
    if isinstance(error, Mapping):
        message = error.get("message")
        if isinstance(message, str) and message.strip():
            return _shorten(message)
    errors = body.get("errors")
    if isinstance(errors, list) and errors and isinstance(errors[0], Mapping):
        first = errors[0]
        parts = [
            text.strip()
            for text in (
                first.get("title"),
                first.get("detail") or first.get("details"),
            )
            if isinstance(text, str) and text.strip()
        ]
        if parts:
            return _shorten(": ".join(parts))
    if isinstance(error, str) and error.strip():
        description = body.get("error_description")
        if isinstance(description, str) and description.strip():
            return _shorten(f"{error}: {description}")
        return _shorten(error)
    message = body.get("message")
    if isinstance(message, str) and message.strip():
        return _shorten(message)
    return None


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _MAX_MESSAGE_LENGTH:
        return text[: _MAX_MESSAGE_LENGTH - 3] + "..."
    return text


def request_id_from(
    headers: Mapping[str, str] | httpx.Headers, body: Any
) -> str | None:
    """Return the request or trace id from response headers, or from the body."""
    lowered = {key.lower(): value for key, value in headers.items()}
    for name in REQUEST_ID_HEADERS:
        value = lowered.get(name)
        if value:
            return value
    if isinstance(body, Mapping):
        for key in ("personio_trace_id", "trace_id"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
    return None
