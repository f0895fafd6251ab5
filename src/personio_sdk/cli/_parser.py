"""The `personio` command line: options, subcommands and argument types."""

from __future__ import annotations

import argparse
import calendar as calendar_module
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn

from personio_sdk._version import __version__
from personio_sdk.cli._output import OutputFormat

_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
STATUSES = ("approved", "pending", "requested", "rejected")

_EPILOG = """\
Try it without a Personio account:
  personio --sandbox calendar ciara.byrne@demo.example --month 2026-03

Exit statuses: 0 success, 2 usage or configuration error, 3 authentication or
permission failure, 4 employee or record not found, 5 API or connection error."""


class UsageError(Exception):
    """A command line that cannot run as written; the command exits with status 2."""


@dataclass(frozen=True)
class EmployeeRef:
    """An employee named on the command line, by Personio id or by email."""

    employee_id: int | None = None
    email: str | None = None

    def __str__(self) -> str:
        return self.email if self.email is not None else str(self.employee_id)


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of calendar dates."""

    start: dt.date
    end: dt.date


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises UsageError instead of printing usage and exiting.

    The command then prints one line and exits with status 2, as for every other error.
    """

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (run '{self.prog} --help' for usage)")


def parse_employee_ref(text: str) -> EmployeeRef:
    """Parse an employee given as a positive numeric Personio id or an email address."""
    value = text.strip()
    if value.isdigit() and value.isascii():
        # Personio ids start at 1, so 0 is rejected here like -3 is.
        if int(value) > 0:
            return EmployeeRef(employee_id=int(value))
    elif "@" in value and " " not in value:
        return EmployeeRef(email=value)
    raise argparse.ArgumentTypeError(
        f"invalid employee {text!r}: expected an email address or a positive numeric id"
    )


def parse_email(text: str) -> str:
    """Parse an email address; only its shape is checked, never its letter case."""
    ref = parse_employee_ref(text)
    if ref.email is None:
        raise argparse.ArgumentTypeError(
            f"invalid email {text!r}: expected an address such as name@example.com"
        )
    return ref.email


def parse_employee_id(text: str) -> int:
    """Parse a positive numeric Personio employee id."""
    value = text.strip()
    if value.isdigit() and value.isascii() and int(value) > 0:
        return int(value)
    raise argparse.ArgumentTypeError(
        f"invalid employee id {text!r}: expected a positive number such as 2"
    )


def parse_date(text: str) -> dt.date:
    """Parse a date written as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {text!r}: expected YYYY-MM-DD, for example 2026-03-01"
        ) from None


def parse_month(text: str) -> DateRange:
    """Parse a month written as YYYY-MM into its first and last day."""
    match = _MONTH.fullmatch(text.strip())
    month = int(match.group(2)) if match else 0
    if match is None or not 1 <= month <= 12:
        raise argparse.ArgumentTypeError(
            f"invalid month {text!r}: expected YYYY-MM, for example 2026-03"
        )
    year = int(match.group(1))
    last_day = calendar_module.monthrange(year, month)[1]
    return DateRange(dt.date(year, month, 1), dt.date(year, month, last_day))


def _add_global_options(parser: argparse.ArgumentParser, *, nested: bool) -> None:
    # Subcommands repeat the global options so that they work on either side of the
    # subcommand; SUPPRESS keeps an unset nested option from hiding the global value.
    def default(value: object) -> object:
        return argparse.SUPPRESS if nested else value

    connection = parser.add_argument_group("connection")
    connection.add_argument(
        "--client-id",
        metavar="ID",
        default=default(None),
        help="Personio API client id (default: $PERSONIO_CLIENT_ID)",
    )
    connection.add_argument(
        "--client-secret",
        metavar="SECRET",
        default=default(None),
        help="Personio API client secret (default: $PERSONIO_CLIENT_SECRET, which is "
        "safer because other local users can read command-line arguments)",
    )
    connection.add_argument(
        "--base-url",
        metavar="URL",
        default=default(None),
        help="Personio API base URL (default: $PERSONIO_BASE_URL, else "
        "https://api.personio.de)",
    )
    connection.add_argument(
        "--sandbox",
        action="store_true",
        default=default(False),
        help="run against a demo Personio started inside this command, with its demo "
        "company and credentials; stopped when the command ends",
    )
    output = parser.add_argument_group("output").add_mutually_exclusive_group()
    output.add_argument(
        "--json",
        action="store_true",
        default=default(False),
        help="print JSON instead of a table",
    )
    output.add_argument(
        "--csv",
        action="store_true",
        default=default(False),
        help="print CSV with a header row instead of a table",
    )


def _add_range_options(
    parser: argparse.ArgumentParser, *, start_help: str, end_help: str
) -> None:
    parser.add_argument(
        "--start", type=parse_date, metavar="YYYY-MM-DD", help=start_help
    )
    parser.add_argument("--end", type=parse_date, metavar="YYYY-MM-DD", help=end_help)


def _add_subcommand(
    subparsers: argparse._SubParsersAction[_Parser],
    name: str,
    summary: str,
) -> argparse.ArgumentParser:
    description = summary[0].upper() + summary[1:] + "."
    parser = subparsers.add_parser(name, help=summary, description=description)
    _add_global_options(parser, nested=True)
    return parser


def _employee_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "employee",
        type=parse_employee_ref,
        metavar="EMAIL_OR_ID",
        help="the employee's email as in their Personio profile, or their numeric id",
    )


def build_parser(
    add_sandbox_arguments: Callable[[argparse.ArgumentParser], None] | None = None,
) -> argparse.ArgumentParser:
    """Build the parser of the `personio` command and its subcommands.

    `add_sandbox_arguments` adds the options of `sandbox serve`; the sandbox package
    defines them so that they stay next to the server they configure.
    """
    parser = _Parser(
        prog="personio",
        description="Read employees, absences, schedules and balances from Personio.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"personio-sdk {__version__}"
    )
    _add_global_options(parser, nested=False)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    connect = _add_subcommand(
        subparsers, "connect", "check the credentials and show one employee"
    )
    _employee_argument(connect)

    _add_subcommand(subparsers, "employees", "list employees")

    absences = _add_subcommand(
        subparsers, "absences", "list absences of one employee or of everyone"
    )
    who = absences.add_mutually_exclusive_group()
    who.add_argument(
        "--email", type=parse_email, help="only the employee with this email"
    )
    who.add_argument(
        "--employee-id",
        type=parse_employee_id,
        metavar="ID",
        help="only the employee with this numeric id",
    )
    _add_range_options(
        absences,
        start_help="only absences that end on or after this day",
        end_help="only absences that start on or before this day",
    )
    absences.add_argument(
        "--status",
        action="append",
        type=str.lower,
        choices=STATUSES,
        help="absence status to include; repeat for several (default: approved)",
    )

    schedule = _add_subcommand(subparsers, "schedule", "show the weekly work schedule")
    _employee_argument(schedule)

    balance = _add_subcommand(
        subparsers, "balance", "show absence balances and remaining vacation days"
    )
    _employee_argument(balance)

    calendar = _add_subcommand(
        subparsers,
        "calendar",
        "show scheduled hours, absences and target hours day by day",
    )
    calendar.epilog = (
        "CSV output has one row per date. The absence_* columns list the date's "
        'absences joined by "; ", in the same order in every column. '
        "absence_counted_fraction is the share of the scheduled day each absence "
        "counted: target_hours = scheduled_hours * (1 - their sum), up to the "
        "rounding of repeating fractions."
    )
    _employee_argument(calendar)
    calendar.add_argument(
        "--month",
        type=parse_month,
        metavar="YYYY-MM",
        help="the month to show (default: the current month)",
    )
    _add_range_options(
        calendar,
        start_help="first day to show, with --end instead of --month",
        end_help="last day to show (inclusive)",
    )
    calendar.add_argument(
        "--regional-holidays",
        action="store_true",
        help="also count public holidays of only part of a state, such as 15 August "
        "in parts of Bavaria",
    )
    calendar.add_argument(
        "--december-half-days",
        action="store_true",
        help="count 24 and 31 December as half days off",
    )

    sandbox = subparsers.add_parser(
        "sandbox",
        help="run the demo Personio server",
        description="Run the demo Personio server.",
    )
    sandbox_commands = sandbox.add_subparsers(
        dest="sandbox_command", metavar="COMMAND", required=True
    )
    serve = sandbox_commands.add_parser(
        "serve",
        help="serve the demo company on 127.0.0.1 until interrupted",
        description="Serve the demo company on 127.0.0.1 until interrupted.",
    )
    if add_sandbox_arguments is not None:
        add_sandbox_arguments(serve)
    return parser


def output_format(args: argparse.Namespace) -> OutputFormat:
    """Return the output format chosen by --json or --csv, else "table"."""
    as_json = bool(getattr(args, "json", False))
    as_csv = bool(getattr(args, "csv", False))
    if as_json and as_csv:
        raise UsageError("--json and --csv cannot be used together; choose one")
    if as_json:
        return "json"
    if as_csv:
        return "csv"
    return "table"


def check_order(start: dt.date | None, end: dt.date | None) -> None:
    """Raise UsageError when both bounds are given and the end precedes the start."""
    if start is not None and end is not None and end < start:
        raise UsageError(f"--end {end} is before --start {start}")


def calendar_range(args: argparse.Namespace, *, today: dt.date) -> DateRange:
    """Return the range of `personio calendar`: --month, --start/--end, else this month.

    Raises UsageError when --month is combined with --start/--end, when only one of
    --start and --end is given, or when the end precedes the start.
    """
    month: DateRange | None = args.month
    start: dt.date | None = args.start
    end: dt.date | None = args.end
    if month is not None and (start is not None or end is not None):
        raise UsageError("use either --month or --start/--end, not both")
    if month is not None:
        return month
    if start is None and end is None:
        return parse_month(f"{today.year}-{today.month}")
    if start is None or end is None:
        raise UsageError("give both --start and --end, or --month")
    check_order(start, end)
    return DateRange(start, end)
