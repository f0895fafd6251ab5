"""The package's public names: a change to them is a change to the API."""

from __future__ import annotations

import subprocess
import sys

import personio_sdk

PUBLIC_NAMES = {
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "Absence",
    "AbsenceBalance",
    "AbsenceDay",
    "AbsenceKind",
    "AbsenceStatus",
    "AbsenceType",
    "AttributeNotReadableError",
    "AuthenticationError",
    "BadRequestError",
    "Calendar",
    "CalendarDay",
    "ClientClosedError",
    "ConfigurationError",
    "DayAbsence",
    "Employee",
    "EmployeeNotFoundError",
    "HolidayCalendar",
    "KindOverrides",
    "NotFoundError",
    "OrgUnit",
    "PaginationError",
    "PermissionDeniedError",
    "PersonioClient",
    "PersonioError",
    "RateLimit",
    "RateLimitError",
    "RateLimiter",
    "RateLimits",
    "ResponseValidationError",
    "ServerError",
    "SyncResult",
    "UnprocessableEntityError",
    "WorkSchedule",
    "__version__",
    "build_calendar",
}


def test_all_lists_the_public_names() -> None:
    assert set(personio_sdk.__all__) == PUBLIC_NAMES


def test_every_public_name_is_importable() -> None:
    missing = [name for name in PUBLIC_NAMES if not hasattr(personio_sdk, name)]
    assert missing == []


def test_errors_derive_from_personio_error() -> None:
    errors = [
        getattr(personio_sdk, name)
        for name in PUBLIC_NAMES
        if name.endswith("Error") and name != "PersonioError"
    ]
    assert all(issubclass(error, personio_sdk.PersonioError) for error in errors)


def test_import_does_not_load_sandbox_or_holidays() -> None:
    # The sandbox and the holidays package are loaded only when used.
    code = (
        "import sys, personio_sdk; "
        "print(sorted(m for m in sys.modules "
        "if m.startswith(('personio_sdk.sandbox', 'holidays'))))"
    )
    completed = subprocess.run(  # noqa: S603 - runs this interpreter
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == "[]"
