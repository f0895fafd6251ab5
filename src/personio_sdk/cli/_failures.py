"""Exit codes of the `personio` command and the one-line message for each failure."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from personio_sdk._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    EmployeeNotFoundError,
    NotFoundError,
    PermissionDeniedError,
    PersonioError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)
from personio_sdk.cli._parser import EmployeeRef, UsageError
from personio_sdk.resources._errors import AttributeNotReadableError

_REDACTED = "[redacted]"
# The path of one employee and of the records below it, such as its balances.
_EMPLOYEE_PATH = re.compile(r"/v1/company/employees/\d+(?:/|$)")
# Shorter strings are not real Personio secrets, and replacing them would garble
# ordinary words: a secret "b" would turn "base" into "[redacted]ase".
_MIN_SECRET_LENGTH = 8


class ExitCode(enum.IntEnum):
    """Exit statuses of the `personio` command."""

    OK = 0
    #: A bug in the command itself, not a problem with the input or with Personio.
    INTERNAL_ERROR = 1
    USAGE = 2
    AUTHENTICATION = 3
    NOT_FOUND = 4
    API_ERROR = 5
    #: 128 + SIGINT, as shells report a command stopped with Ctrl-C.
    INTERRUPTED = 130


@dataclass(frozen=True)
class FailureContext:
    """Facts about the running command that make a failure message actionable.

    `base_url` is the API the command connected to, and `employee` the employee named
    on the command line, if any. `sandbox` is set for an embedded sandbox. `secrets`
    are strings that never reach the output.
    """

    base_url: str
    employee: EmployeeRef | None = None
    sandbox: bool = False
    secrets: tuple[str, ...] = field(default=(), repr=False)


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every occurrence of each secret of 8 or more characters in `text`."""
    for secret in secrets:
        if len(secret) >= _MIN_SECRET_LENGTH:
            text = text.replace(secret, _REDACTED)
    return text


def _host(base_url: str) -> str:
    parts = urlsplit(base_url)
    return parts.netloc or base_url


def _employee_not_found(exc: NotFoundError, context: FailureContext) -> str:
    employee = context.employee
    if employee is not None and employee.email is not None:
        message = (
            f"Employee not found: no employee has the email {employee.email}. "
            "The email must match the one in the Personio profile exactly"
        )
    elif employee is not None:
        message = (
            f"Employee not found: no employee has the id {employee.employee_id}. "
            "Run 'personio employees' to list the ids"
        )
    else:
        message = "Employee not found"
    suggestion = getattr(exc, "suggestion", None)
    if suggestion:
        return f"{message}; did you mean {suggestion}?"
    return f"{message}."


def _endpoint_not_found(exc: NotFoundError, context: FailureContext) -> str:
    message = f"Not found: {str(exc).rstrip('.')}"
    if context.sandbox:
        return message + "."
    return (
        f"{message}. Check that the base URL {context.base_url} is the Personio API "
        "and that the account has this endpoint."
    )


def _authentication_failed(context: FailureContext) -> str:
    return (
        f"Authentication failed at {_host(context.base_url)}: check the client id and "
        "secret, that the API credentials have read permission on Employees and "
        "Absences, and that they were not revoked."
    )


def _connection_failed(exc: APIConnectionError, context: FailureContext) -> str:
    host = _host(context.base_url)
    if isinstance(exc, APITimeoutError):
        problem = f"Timed out waiting for {host}"
    elif exc.broken_off:
        problem = f"The connection to {host} broke off before the response was complete"
    else:
        problem = f"Cannot connect to {host}"
    if context.sandbox:
        return (
            f"{problem}: the embedded sandbox stopped answering; run the command again."
        )
    if exc.broken_off:
        # The host answered, so the URL is right; the network or a proxy cut it.
        return (
            f"{problem}: run the command again, and if it keeps failing, check the "
            "network connection and any proxy settings (HTTPS_PROXY)."
        )
    return (
        f"{problem}: check --base-url or PERSONIO_BASE_URL ({context.base_url}), "
        "the network connection and any proxy settings (HTTPS_PROXY)."
    )


def _api_status_failed(exc: APIStatusError) -> str:
    if isinstance(exc, RateLimitError):
        wait = f" in {exc.retry_after:g} s" if exc.retry_after is not None else " later"
        return f"Rate limit reached at Personio: try again{wait}."
    if isinstance(exc, ServerError):
        request = f", request id {exc.request_id}" if exc.request_id else ""
        return (
            f"Personio server error {exc.status_code} on {exc.method} {exc.path}"
            f"{request}: try again later."
        )
    return f"Personio API error: {exc}"


def describe_failure(
    exc: BaseException, context: FailureContext
) -> tuple[ExitCode, str]:
    """Map an exception to the exit code and the one line to print on stderr.

    Never includes a secret from `context.secrets`. Exceptions that are neither
    usage errors nor PersonioError are bugs, reported as INTERNAL_ERROR.
    """
    code, message = _classify(exc, context)
    return code, redact(message, context.secrets)


def _classify(exc: BaseException, context: FailureContext) -> tuple[ExitCode, str]:
    if isinstance(exc, UsageError):
        return ExitCode.USAGE, str(exc)
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED, "Interrupted."
    if isinstance(exc, ConfigurationError):
        return ExitCode.USAGE, f"Invalid configuration: {exc}"

    # Only a 404 on the employee's own path says that the employee does not exist.
    # A 404 elsewhere, such as on time-offs, is about that endpoint.
    if isinstance(exc, EmployeeNotFoundError) or (
        isinstance(exc, NotFoundError) and _EMPLOYEE_PATH.match(exc.path)
    ):
        return ExitCode.NOT_FOUND, _employee_not_found(exc, context)
    if isinstance(exc, NotFoundError):
        return ExitCode.NOT_FOUND, _endpoint_not_found(exc, context)

    if isinstance(exc, AuthenticationError):
        return ExitCode.AUTHENTICATION, _authentication_failed(context)
    if isinstance(exc, (PermissionDeniedError, AttributeNotReadableError)):
        # The SDK's message already names the permission or attribute to grant.
        return ExitCode.AUTHENTICATION, f"Permission denied: {exc}"

    if isinstance(exc, APIConnectionError):
        return ExitCode.API_ERROR, _connection_failed(exc, context)
    if isinstance(exc, APIStatusError):
        return ExitCode.API_ERROR, _api_status_failed(exc)
    if isinstance(exc, ResponseValidationError):
        return ExitCode.API_ERROR, (
            f"{exc}. Personio sent data the SDK cannot read; please report this."
        )
    if isinstance(exc, PersonioError):
        return ExitCode.API_ERROR, f"Personio request failed: {exc}"

    if isinstance(exc, ValueError):
        return ExitCode.USAGE, f"Invalid input: {exc}"
    # The exception's own message may end with a period already.
    detail = str(exc).rstrip().rstrip(".")
    return ExitCode.INTERNAL_ERROR, (
        f"Internal error ({type(exc).__name__}): {detail}. "
        "This is a bug in personio-sdk; please report it with the command you ran."
    )
