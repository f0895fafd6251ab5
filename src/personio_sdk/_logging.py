"""The SDK's logger, the `PERSONIO_LOG` switch and redaction of httpx log records.

httpx logs every request at INFO with the full URL, query string included, and an
`email` filter in a query is personal data. Each client registers its base URL here,
and a filter on the `httpx` logger drops the query string from records of requests
to a registered base URL. A second filter on the `httpcore` loggers blanks the
values of credential headers (`Authorization`, cookies) that httpcore prints at
DEBUG, because Personio echoes the bearer token in a response header.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from collections import Counter
from typing import Any

import httpx

from personio_sdk._constants import ENV_LOG

__all__ = [
    "SDK_LOGGER_NAME",
    "configure_from_env",
    "logger",
    "mask",
    "redact_url",
    "register_base_url",
    "unregister_base_url",
]

SDK_LOGGER_NAME = "personio_sdk"
logger = logging.getLogger(SDK_LOGGER_NAME)

_HTTPCORE_LOGGER_NAMES = (
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_lock = threading.Lock()
_env_handler: logging.Handler | None = None


def configure_from_env() -> None:
    """Turn on a stderr handler for the SDK logger if `PERSONIO_LOG` is set.

    `PERSONIO_LOG=debug` or `PERSONIO_LOG=info` sets the level of the `personio_sdk`
    logger and adds one stderr handler; any other value, or none, changes nothing.
    Calling it again does not add a second handler.
    """
    global _env_handler
    level = _LEVELS.get(os.environ.get(ENV_LOG, "").strip().lower())
    if level is None:
        return
    with _lock:
        logger.setLevel(level)
        if _env_handler is None:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
            handler.addFilter(_unless_root_prints)
            logger.addHandler(handler)
            _env_handler = handler


def _unless_root_prints(record: logging.LogRecord) -> bool:
    """Let the `PERSONIO_LOG` handler print a record that no root handler prints.

    An application that configured logging (`logging.basicConfig`) already prints
    the SDK's records through its root handlers; printing them here too would show
    every line twice. Records below the root handlers' levels are still printed.
    """
    if not logger.propagate:
        return True
    return not any(
        record.levelno >= handler.level for handler in logging.getLogger().handlers
    )


def mask(value: str | None) -> str:
    """Return a masked form of a secret for reprs: never any of its characters."""
    if value is None:
        return "None"
    return "'****'"


def mask_identifier(value: str | None) -> str:
    """Return a client id for reprs: its first 4 characters when it is long enough."""
    if value is None:
        return "None"
    if len(value) < 12:
        return "'****'"
    return f"'{value[:4]}****'"


def redact_url(url: str | httpx.URL) -> str:
    """Return `url` without its query string, fragment and user info."""
    parsed = url if isinstance(url, httpx.URL) else httpx.URL(str(url))
    return str(
        parsed.copy_with(query=None, fragment=None, username=None, password=None)
    )


class _Registry:
    """Base URLs of live clients, counted, so that two clients may share one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()

    def add(self, base_url: str) -> None:
        with self._lock:
            self._counts[_prefix(base_url)] += 1

    def remove(self, base_url: str) -> None:
        with self._lock:
            key = _prefix(base_url)
            self._counts[key] -= 1
            if self._counts[key] <= 0:
                del self._counts[key]

    def matches(self, url: str) -> bool:
        with self._lock:
            prefixes = list(self._counts)
        return any(url.startswith(prefix) for prefix in prefixes)


def _prefix(base_url: str) -> str:
    return redact_url(base_url).rstrip("/")


_registry = _Registry()


class HttpxQueryFilter(logging.Filter):
    """Drop the query string from httpx records of requests to a registered base URL.

    The filter rewrites the URL argument of the record in place and never drops a
    record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and args:
            record.args = tuple(self._scrub(arg) for arg in args)
        elif isinstance(record.msg, str) and "?" in record.msg and not args:
            record.msg = _QUERY_IN_TEXT.sub(self._scrub_match, record.msg)
        return True

    def _scrub(self, arg: Any) -> Any:
        if isinstance(arg, httpx.URL) or (isinstance(arg, str) and "://" in arg):
            text = str(arg)
            if "?" in text and _registry.matches(text):
                return redact_url(text)
        return arg

    def _scrub_match(self, match: re.Match[str]) -> str:
        text = match.group(0)
        return redact_url(text) if _registry.matches(text) else text


_QUERY_IN_TEXT = re.compile(r"https?://[^\s\"'<>]+\?[^\s\"'<>]*")
# httpcore prints headers as (b'name', b'value') pairs.
_SECRET_HEADER = re.compile(
    r"""\((b['"](?:authorization|proxy-authorization|cookie|set-cookie)['"]),"""
    r"""\s*b(?:'[^']*'|"[^"]*")\)""",
    re.IGNORECASE,
)


class HttpcoreHeaderFilter(logging.Filter):
    """Blank credential header values in httpcore's DEBUG records.

    httpcore logs response headers at DEBUG, and Personio echoes the bearer token in
    the `Authorization` response header.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _SECRET_HEADER.search(message):
            record.msg = _SECRET_HEADER.sub(r"(\1, b'[redacted]')", message)
            record.args = None
        return True


_query_filter = HttpxQueryFilter()
_header_filter = HttpcoreHeaderFilter()
_installed = False


def _install_filters() -> None:
    global _installed
    with _lock:
        if _installed:
            return
        logging.getLogger("httpx").addFilter(_query_filter)
        for name in _HTTPCORE_LOGGER_NAMES:
            logging.getLogger(name).addFilter(_header_filter)
        _installed = True


def register_base_url(base_url: str) -> None:
    """Start scrubbing httpx records of requests to `base_url`; called by the client."""
    _install_filters()
    _registry.add(base_url)


def unregister_base_url(base_url: str) -> None:
    """Undo one `register_base_url(base_url)`; called when a client closes."""
    _registry.remove(base_url)
