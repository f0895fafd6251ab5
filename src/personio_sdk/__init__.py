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
from personio_sdk.calendar import Calendar, CalendarDay, DayAbsence, build_calendar

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "Calendar",
    "CalendarDay",
    "ClientClosedError",
    "ConfigurationError",
    "DayAbsence",
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
    "build_calendar",
]
