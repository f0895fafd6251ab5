"""Exception hierarchy and the one mapping from an HTTP error response to a class.

Messages name the method, the path (never the query string), the status, Personio's
own message and a request id where one was sent. They never contain a token, a
secret, a query value or a response body beyond Personio's error message.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from personio_sdk._error_body import parse_body, personio_message, request_id_from

if TYPE_CHECKING:
    import httpx
    import pydantic

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConfigurationError",
    "EmployeeNotFoundError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "PersonioError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "UnprocessableEntityError",
    "error_from_response",
    "strip_query",
]

AUTH_HINT = (
    "Check the client id and secret, that the credentials are not revoked, and that "
    "they have read permission on Employees and Absences."
)


def strip_query(path: str) -> str:
    """Return `path` without its query string or fragment."""
    return path.split("?", 1)[0].split("#", 1)[0]


class PersonioError(Exception):
    """Base class of every error the SDK raises."""


class ConfigurationError(PersonioError, ValueError):
    """Invalid or missing client configuration, raised when the client is built."""


class ClientClosedError(PersonioError):
    """A request was made on a `PersonioClient` after `close()`."""


class APIStatusError(PersonioError):
    """Personio returned an error status.

    Attributes: `status_code`, `method`, `path` (without the query string),
    `personio_message` (the message from Personio's error body, if any) and
    `request_id` (from a response header or the body, if any).
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        method: str,
        path: str,
        personio_message: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.method = method
        self.path = strip_query(path)
        self.personio_message = personio_message
        self.request_id = request_id

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, "
            f"method={self.method!r}, path={self.path!r}, "
            f"request_id={self.request_id!r})"
        )


class BadRequestError(APIStatusError):
    """Personio rejected the request as malformed (HTTP 400)."""


class AuthenticationError(APIStatusError):
    """The credentials or the token were not accepted (HTTP 401, or 403 from auth)."""


class PermissionDeniedError(APIStatusError):
    """The credentials lack a permission the endpoint needs (HTTP 403)."""


class NotFoundError(APIStatusError):
    """The requested resource does not exist (HTTP 404)."""


class EmployeeNotFoundError(NotFoundError):
    """No employee matched the lookup.

    `suggestion` contains a spelling that differs only in letter case, if one
    exists. It is personal data, so it is an attribute and never part of the message.
    """

    def __init__(
        self,
        message: str,
        suggestion: str | None = None,
        *,
        method: str = "GET",
        path: str = "",
        status_code: int = 404,
        personio_message: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(
            message,
            status_code=status_code,
            method=method,
            path=path,
            personio_message=personio_message,
            request_id=request_id,
        )
        self.suggestion = suggestion

    def __repr__(self) -> str:
        # The suggestion is personal data, so the repr only shows whether one exists.
        has_suggestion = self.suggestion is not None
        return f"{super().__repr__()[:-1]}, has_suggestion={has_suggestion})"


class UnprocessableEntityError(APIStatusError):
    """Personio could not process the request's parameters (HTTP 422)."""


class RateLimitError(APIStatusError):
    """Personio's rate limit was hit (HTTP 429).

    `retry_after` is the wait in seconds from the `Retry-After` header, or None if
    the response had none.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int = 429,
        method: str,
        path: str,
        personio_message: str | None = None,
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(
            message,
            status_code=status_code,
            method=method,
            path=path,
            personio_message=personio_message,
            request_id=request_id,
        )
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """Personio failed with a 5xx status."""


# The end of connection error messages: what a caller can check.
CONNECTION_HINT = "check base_url and that this machine can reach it"


class APIConnectionError(PersonioError):
    """The request did not get a complete response (connection failed or was cut).

    `broken_off` is True when a connection was made and then closed or reset before
    the complete response arrived (httpx's RemoteProtocolError, ReadError or
    WriteError, as after a truncated body or a dropped connection). It is False
    when the connection could not be made at all and for timeouts.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str,
        path: str,
        broken_off: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.path = strip_query(path)
        self.broken_off = broken_off


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool timeout)."""


class ResponseValidationError(PersonioError):
    """A response body did not have the shape the SDK expects.

    `path` is the endpoint, `location` the field (for example
    `data[3].attributes.start_date`) and `expected` what the SDK expected there. The
    received value is never part of the error, because it may be personal data.
    """

    def __init__(
        self, *, path: str, location: str, expected: str, more_errors: int = 0
    ) -> None:
        self.path = strip_query(path)
        self.location = location
        self.expected = expected
        self.more_errors = more_errors
        message = (
            f"Unexpected response from {self.path}: expected {expected} at {location}"
        )
        if more_errors:
            message += f" (and {more_errors} more invalid field(s))"
        super().__init__(message)

    @classmethod
    def from_pydantic(
        cls, exc: pydantic.ValidationError, *, path: str, prefix: str = ""
    ) -> ResponseValidationError:
        """Build the error from a pydantic `ValidationError`, keeping no input value.

        Only the location and the error type of the first error are used. The input,
        the context and pydantic's message are dropped, because they may quote the
        input.
        `prefix` is prepended to the location, for example `data[3].attributes`.
        """
        details = exc.errors(
            include_url=False, include_context=False, include_input=False
        )
        if not details:
            return cls(path=path, location=prefix or "body", expected="a valid value")
        first = details[0]
        location = format_location(first["loc"], prefix=prefix)
        expected = _expected_from_type(first["type"])
        return cls(
            path=path,
            location=location,
            expected=expected,
            more_errors=len(details) - 1,
        )


class PaginationError(PersonioError):
    """Personio's pages were inconsistent, so a listing cannot continue safely.

    Raised when a full page repeats the previous one (the rest of the records would be
    lost), when the paging style of an endpoint cannot be determined, or when a listing
    exceeds its page limit.
    """

    def __init__(self, message: str, *, path: str) -> None:
        super().__init__(message)
        self.path = strip_query(path)


def format_location(loc: tuple[int | str, ...] | list[Any], *, prefix: str = "") -> str:
    """Render a pydantic location such as `('data', 3, 'id')` as `data[3].id`."""
    text = prefix
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "body"


# Pydantic error types mapped to plain words. Unknown types are shown as their code,
# which names the rule and never contains the input.
_EXPECTED_BY_TYPE = {
    "missing": "a value (the field is missing)",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    "float_type": "a number",
    "float_parsing": "a number",
    "decimal_type": "a decimal number",
    "decimal_parsing": "a decimal number",
    "bool_type": "a boolean",
    "bool_parsing": "a boolean",
    "string_type": "a string",
    "date_type": "a date",
    "date_parsing": "a date",
    "date_from_datetime_parsing": "a date",
    "date_from_datetime_inexact": "a date",
    "datetime_type": "a date-time",
    "datetime_parsing": "a date-time",
    "datetime_from_date_parsing": "a date-time",
    "time_delta_type": "a duration",
    "time_delta_parsing": "a duration",
    "uuid_type": "a UUID",
    "uuid_parsing": "a UUID",
    "dict_type": "an object",
    "model_type": "an object",
    "model_attributes_type": "an object",
    "list_type": "a list",
    "tuple_type": "a list",
    "literal_error": "one of the allowed values",
    "enum": "one of the allowed values",
}


def _expected_from_type(error_type: str) -> str:
    return _EXPECTED_BY_TYPE.get(error_type, f"a valid value ({error_type})")


def _status_class(status_code: int) -> type[APIStatusError]:
    if status_code == 400:
        return BadRequestError
    if status_code == 401:
        return AuthenticationError
    if status_code == 403:
        return PermissionDeniedError
    if status_code == 404:
        return NotFoundError
    if status_code == 422:
        return UnprocessableEntityError
    if status_code == 429:
        return RateLimitError
    if status_code >= 500:
        return ServerError
    return APIStatusError


def _permission_hint(path: str) -> str:
    if "/time-off" in path or "/absence" in path:
        return "Check that the credentials have read permission on Absences."
    if "/employees" in path:
        return (
            "Check that the credentials have read permission on Employees and that "
            "the requested attributes are whitelisted for them."
        )
    return "Check the permissions of the API credentials in Personio."


def _add_sentence(message: str, sentence: str) -> str:
    """Append `sentence`, ending `message` with one period first."""
    return f"{message.rstrip().rstrip('.')}. {sentence}"


def error_from_response(
    response: httpx.Response,
    *,
    method: str,
    path: str,
    error_class: type[APIStatusError] | None = None,
    retry_after: float | None = None,
) -> APIStatusError:
    """Build the exception for an error response; the one status -> class mapping.

    `error_class` overrides the class chosen from the status, for example to raise
    `AuthenticationError` for a 403 from the token endpoint. `retry_after` (seconds)
    is set on a `RateLimitError`. The body is read only for Personio's message and
    trace id. A body that is not JSON, such as an HTML 502 page, gives no message.
    """
    status_code = response.status_code
    path = strip_query(path)
    body = parse_body(response.content)
    message_from_personio = personio_message(body)
    request_id = request_id_from(response.headers, body)
    cls = error_class or _status_class(status_code)

    reason = response.reason_phrase or "error"
    message = f"{method} {path} failed with HTTP {status_code} {reason}"
    if message_from_personio:
        message += f": {message_from_personio}"
    elif body is None and response.content:
        content_type = response.headers.get("content-type", "unknown").split(";")[0]
        message += f" (response body is not JSON: {content_type})"
    if request_id:
        message += f" (request id {request_id})"
    if issubclass(cls, AuthenticationError):
        message = _add_sentence(message, AUTH_HINT)
    elif issubclass(cls, PermissionDeniedError):
        message = _add_sentence(message, _permission_hint(path))
    elif issubclass(cls, RateLimitError) and retry_after is not None:
        message = _add_sentence(message, f"Retry after {retry_after:g} s.")

    if issubclass(cls, RateLimitError):
        return cls(
            message,
            status_code=status_code,
            method=method,
            path=path,
            personio_message=message_from_personio,
            request_id=request_id,
            retry_after=retry_after,
        )
    return cls(
        message,
        status_code=status_code,
        method=method,
        path=path,
        personio_message=message_from_personio,
        request_id=request_id,
    )
