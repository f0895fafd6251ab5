"""The `personio` command: read Personio employees, absences and calendars from a shell.

Exit statuses: 0 success, 2 usage or configuration error, 3 authentication or
permission failure, 4 employee or resource not found, 5 API or connection error,
1 internal error, 130 interrupted. Every failure prints one line on stderr.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from types import ModuleType
from typing import TextIO
from urllib.parse import urlsplit

from personio_sdk._client import PersonioClient
from personio_sdk._constants import DEFAULT_BASE_URL
from personio_sdk.cli._calendar_report import calendar_report
from personio_sdk.cli._commands import (
    absences_report,
    balance_report,
    connect_report,
    employees_report,
    schedule_report,
)
from personio_sdk.cli._failures import ExitCode, FailureContext, describe_failure
from personio_sdk.cli._output import Report, render, write
from personio_sdk.cli._parser import (
    EmployeeRef,
    UsageError,
    build_parser,
    output_format,
)
from personio_sdk.cli._session import connection_settings, open_session

__all__ = ["ExitCode", "main"]

_Command = Callable[[PersonioClient, argparse.Namespace, TextIO], Report]

_COMMANDS: dict[str, _Command] = {
    "employees": employees_report,
    "absences": absences_report,
    "schedule": schedule_report,
    "balance": balance_report,
    "calendar": calendar_report,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `personio` command with `argv` (default: `sys.argv[1:]`).

    Returns the exit status instead of exiting, so that tests and other programs can
    call it; the console script passes the status to `sys.exit`.
    """
    stdout, stderr = sys.stdout, sys.stderr
    context = FailureContext(base_url=DEFAULT_BASE_URL)
    try:
        from personio_sdk.sandbox import cli as sandbox_cli

        parser = build_parser(sandbox_cli.add_arguments)
        args = parser.parse_args(argv)
        if args.command == "sandbox":
            return _serve_sandbox(sandbox_cli, args)
        chosen_format = output_format(args)
        settings = connection_settings(args, os.environ)
        context = FailureContext(
            base_url=settings.base_url,
            employee=_employee_ref(args),
            sandbox=settings.sandbox,
            secrets=settings.secrets,
        )
        with open_session(settings) as session:
            context = replace(context, base_url=session.base_url)
            report = _run(args, session.client, stderr, base_url=session.base_url)
        write(stdout, render(report, chosen_format))
        stdout.flush()
    except SystemExit as exc:
        # argparse exits for --help and --version after printing them.
        return exc.code if isinstance(exc.code, int) else ExitCode.USAGE
    except BrokenPipeError:
        _silence(stdout)
        return ExitCode.OK
    except (Exception, KeyboardInterrupt) as exc:
        code, line = describe_failure(exc, context)
        write(stderr, f"personio: {line}\n")
        return code
    return ExitCode.OK


def _serve_sandbox(sandbox_cli: ModuleType, args: argparse.Namespace) -> int:
    """Run `sandbox serve` until Ctrl-C or SIGTERM, then restore the SIGTERM handler.

    Raises UsageError when the sandbox cannot listen, such as on a port in use,
    because choosing another --port fixes it.
    """
    if threading.current_thread() is not threading.main_thread():
        return _serve(sandbox_cli, args)
    # A parent process stops the server with SIGTERM; raising KeyboardInterrupt for it
    # lets the sandbox close its socket as it does for Ctrl-C.
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        return _serve(sandbox_cli, args)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _serve(sandbox_cli: ModuleType, args: argparse.Namespace) -> int:
    try:
        code: int = sandbox_cli.run(args)
    except sandbox_cli.ServeError as exc:
        raise UsageError(str(exc)) from None
    return code


def _employee_ref(args: argparse.Namespace) -> EmployeeRef | None:
    """Return the employee the command line names, for a not-found message."""
    if getattr(args, "email", None) is not None:
        return EmployeeRef(email=args.email)
    if getattr(args, "employee_id", None) is not None:
        return EmployeeRef(employee_id=args.employee_id)
    ref: EmployeeRef | None = getattr(args, "employee", None)
    return ref


def _run(
    args: argparse.Namespace, client: PersonioClient, stderr: TextIO, *, base_url: str
) -> Report:
    if args.command == "connect":
        host = urlsplit(base_url).netloc or base_url
        return connect_report(client, args, stderr, host=host)
    return _COMMANDS[args.command](client, args, stderr)


def _silence(stream: TextIO) -> None:
    # A reader such as `head` closed the pipe: point stdout at /dev/null so that the
    # interpreter's final flush does not raise a second BrokenPipeError.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (OSError, ValueError):
        pass
