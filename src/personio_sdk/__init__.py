"""A synchronous Python client for the Personio HR API."""

from personio_sdk._client import PersonioClient
from personio_sdk._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConfigurationError,
    EmployeeNotFoundError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    PersonioError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    UnprocessableEntityError,
)
from personio_sdk._version import __version__

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
    "PersonioClient",
    "PersonioError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "UnprocessableEntityError",
    "__version__",
]
