"""Exit codes and one-line messages of the `personio` command."""

from __future__ import annotations

import pytest

from personio_sdk import PersonioClient
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
from personio_sdk.cli._failures import (
    ExitCode,
    FailureContext,
    describe_failure,
    redact,
)
from personio_sdk.cli._parser import EmployeeRef, UsageError
from personio_sdk.sandbox import Sandbox

BASE_URL = "https://api.personio.de"
CONTEXT = FailureContext(base_url=BASE_URL)
BY_EMAIL = FailureContext(
    base_url=BASE_URL, employee=EmployeeRef(email="Ciara.Byrne@demo.example")
)
BY_ID = FailureContext(base_url=BASE_URL, employee=EmployeeRef(employee_id=99999))


def status_error(
    cls: type[APIStatusError], status: int, path: str = "/v1/company/employees"
) -> APIStatusError:
    return cls(
        f"GET {path} failed with HTTP {status}",
        status_code=status,
        method="GET",
        path=path,
    )


def test_exit_codes_are_stable() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 4, 5, 130]


def test_employee_not_found_by_email_exits_4() -> None:
    code, _ = describe_failure(EmployeeNotFoundError("No employee matched"), BY_EMAIL)
    assert code is ExitCode.NOT_FOUND


def test_employee_not_found_says_email_must_match_exactly() -> None:
    _, line = describe_failure(EmployeeNotFoundError("No employee matched"), BY_EMAIL)
    assert line.startswith("Employee not found: no employee has the email ")
    assert "Ciara.Byrne@demo.example" in line
    assert "must match the one in the Personio profile exactly" in line


def test_employee_not_found_shows_suggestion() -> None:
    exc = EmployeeNotFoundError("No employee matched", "ciara.byrne@demo.example")
    _, line = describe_failure(exc, BY_EMAIL)
    assert line.endswith("; did you mean ciara.byrne@demo.example?")


def test_employee_not_found_without_suggestion_ends_sentence() -> None:
    _, line = describe_failure(EmployeeNotFoundError("No employee matched"), BY_EMAIL)
    assert line.endswith("exactly.")


def test_employee_id_not_found_points_to_listing() -> None:
    error = status_error(NotFoundError, 404, "/v1/company/employees/99999")
    code, line = describe_failure(error, BY_ID)
    assert code is ExitCode.NOT_FOUND
    assert "no employee has the id 99999" in line
    assert "personio employees" in line


def test_not_found_below_employee_names_employee() -> None:
    path = "/v1/company/employees/99999/absences/balance"
    _, line = describe_failure(status_error(NotFoundError, 404, path), BY_ID)
    assert line.startswith("Employee not found: no employee has the id 99999")


def test_not_found_elsewhere_names_endpoint() -> None:
    error = status_error(NotFoundError, 404, "/v1/company/time-offs")
    code, line = describe_failure(error, BY_ID)
    assert code is ExitCode.NOT_FOUND
    assert line.startswith("Not found: GET /v1/company/time-offs failed with HTTP 404.")
    assert "Employee not found" not in line


def test_other_not_found_exits_4() -> None:
    code, line = describe_failure(status_error(NotFoundError, 404), CONTEXT)
    assert code is ExitCode.NOT_FOUND
    assert line.startswith("Not found: GET /v1/company/employees")


def test_authentication_failed_exits_3() -> None:
    code, _ = describe_failure(status_error(AuthenticationError, 401), CONTEXT)
    assert code is ExitCode.AUTHENTICATION


def test_authentication_failed_lists_what_to_check() -> None:
    _, line = describe_failure(status_error(AuthenticationError, 401), CONTEXT)
    assert line.startswith("Authentication failed at api.personio.de: ")
    assert "check the client id and secret" in line
    assert "read permission on Employees and Absences" in line
    assert "revoked" in line


def test_permission_denied_exits_3() -> None:
    code, line = describe_failure(status_error(PermissionDeniedError, 403), CONTEXT)
    assert code is ExitCode.AUTHENTICATION
    assert line.startswith("Permission denied: ")


def test_connection_error_names_host_and_what_to_check() -> None:
    exc = APIConnectionError("connection refused", method="POST", path="/v1/auth")
    context = FailureContext(base_url="http://127.0.0.1:9")
    code, line = describe_failure(exc, context)
    assert code is ExitCode.API_ERROR
    assert line.startswith("Cannot connect to 127.0.0.1:9: check --base-url")
    assert "network connection" in line


def broken_off_error() -> APIConnectionError:
    """Build the error of a truncated response as the request loop raises it."""
    return APIConnectionError(
        "GET /v1/company/employees failed with a connection error "
        "(RemoteProtocolError) after 4 attempt(s)",
        method="GET",
        path="/v1/company/employees",
        broken_off=True,
    )


def test_broken_off_passed_is_kept() -> None:
    exc = APIConnectionError(
        "GET /v1/x failed", method="GET", path="/v1/x", broken_off=True
    )
    assert exc.broken_off is True


def test_refused_connection_is_not_broken_off() -> None:
    exc = APIConnectionError("connection refused", method="POST", path="/v1/auth")
    assert exc.broken_off is False


def test_broken_off_says_response_incomplete() -> None:
    context = FailureContext(base_url="https://api.personio.de")
    code, line = describe_failure(broken_off_error(), context)
    assert code is ExitCode.API_ERROR
    assert line.startswith(
        "The connection to api.personio.de broke off before the response was "
        "complete: run the command again"
    )
    assert "Cannot connect" not in line


@pytest.mark.parametrize("kind", ["truncate", "drop"])
def test_sandbox_fault_is_broken_off(kind: str) -> None:
    fault = f"{kind},path=/v1/company/employees"
    with (
        Sandbox(faults=[fault]) as sandbox,
        PersonioClient(**sandbox.credentials, base_url=sandbox.url, max_retries=0) as c,
        pytest.raises(APIConnectionError) as raised,
    ):
        list(c.employees.list())
    assert raised.value.broken_off is True


@pytest.mark.parametrize("kind", ["truncate", "drop"])
def test_sandbox_token_fault_is_broken_off(kind: str) -> None:
    fault = f"{kind},path=/v1/auth"
    with (
        Sandbox(faults=[fault]) as sandbox,
        PersonioClient(**sandbox.credentials, base_url=sandbox.url, max_retries=0) as c,
        pytest.raises(APIConnectionError) as raised,
    ):
        list(c.employees.list())
    assert raised.value.broken_off is True


def test_internal_error_ends_with_one_period() -> None:
    exc = OverflowError("bind(): port must be 0-65535.")
    code, line = describe_failure(exc, CONTEXT)
    assert code is ExitCode.INTERNAL_ERROR
    assert "0-65535. This is a bug" in line


def test_timeout_says_timed_out() -> None:
    exc = APITimeoutError("read timed out", method="GET", path="/v1/auth")
    _, line = describe_failure(exc, CONTEXT)
    assert line.startswith("Timed out waiting for api.personio.de")


def test_sandbox_connection_error_does_not_blame_base_url() -> None:
    exc = APIConnectionError("reset", method="GET", path="/v1/auth")
    context = FailureContext(base_url="http://127.0.0.1:9", sandbox=True)
    _, line = describe_failure(exc, context)
    assert "--base-url" not in line


def test_rate_limit_exits_5_with_wait() -> None:
    exc = RateLimitError("limited", method="GET", path="/v1/x", retry_after=90.0)
    code, line = describe_failure(exc, CONTEXT)
    assert code is ExitCode.API_ERROR
    assert line == "Rate limit reached at Personio: try again in 90 s."


def test_server_error_exits_5_with_request_id() -> None:
    exc = ServerError(
        "boom", status_code=503, method="GET", path="/v1/x", request_id="req-1"
    )
    code, line = describe_failure(exc, CONTEXT)
    assert code is ExitCode.API_ERROR
    assert line == (
        "Personio server error 503 on GET /v1/x, request id req-1: try again later."
    )


def test_other_status_exits_5() -> None:
    code, line = describe_failure(status_error(APIStatusError, 418), CONTEXT)
    assert code is ExitCode.API_ERROR
    assert line.startswith("Personio API error: GET /v1/company/employees")


def test_unexpected_response_exits_5() -> None:
    exc = ResponseValidationError(path="/v1/x", location="data[0].id", expected="int")
    code, line = describe_failure(exc, CONTEXT)
    assert code is ExitCode.API_ERROR
    assert line.startswith("Unexpected response from /v1/x: expected int at data[0].id")
    assert line.endswith("please report this.")


def test_other_personio_error_exits_5() -> None:
    code, _ = describe_failure(PersonioError("pages repeat"), CONTEXT)
    assert code is ExitCode.API_ERROR


def test_configuration_error_is_usage() -> None:
    code, line = describe_failure(ConfigurationError("base_url must be HTTPS"), CONTEXT)
    assert code is ExitCode.USAGE
    assert line == "Invalid configuration: base_url must be HTTPS"


def test_value_error_is_usage() -> None:
    code, _ = describe_failure(ValueError("bad date"), CONTEXT)
    assert code is ExitCode.USAGE


def test_usage_error_is_its_message() -> None:
    assert describe_failure(UsageError("missing client id"), CONTEXT) == (
        ExitCode.USAGE,
        "missing client id",
    )


def test_keyboard_interrupt_exits_130() -> None:
    code, _ = describe_failure(KeyboardInterrupt(), CONTEXT)
    assert code is ExitCode.INTERRUPTED


def test_unexpected_exception_is_internal_error() -> None:
    code, line = describe_failure(RuntimeError("oops"), CONTEXT)
    assert code is ExitCode.INTERNAL_ERROR
    assert line.startswith("Internal error (RuntimeError): oops.")


@pytest.mark.parametrize(
    "exc",
    [
        PersonioError("secret papi-canary-secret leaked"),
        ValueError("papi-canary-secret"),
        RuntimeError("papi-canary-secret"),
    ],
)
def test_failure_line_never_contains_secret(exc: BaseException) -> None:
    context = FailureContext(base_url=BASE_URL, secrets=("papi-canary-secret",))
    _, line = describe_failure(exc, context)
    assert "papi-canary-secret" not in line


def test_redact_replaces_every_occurrence() -> None:
    assert redact("a-secret-1 and a-secret-1", ["a-secret-1"]) == (
        "[redacted] and [redacted]"
    )


def test_redact_skips_short_strings() -> None:
    assert redact("check --base-url", ["", "b"]) == "check --base-url"


def test_context_repr_hides_secrets() -> None:
    context = FailureContext(base_url=BASE_URL, secrets=("papi-canary-secret",))
    assert "papi-canary-secret" not in repr(context)
