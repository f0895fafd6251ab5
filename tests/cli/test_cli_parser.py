"""Argument parsing of the `personio` command."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

from personio_sdk.cli._parser import (
    DateRange,
    EmployeeRef,
    UsageError,
    build_parser,
    calendar_range,
    output_format,
    parse_employee_ref,
    parse_month,
)

TODAY = dt.date(2026, 5, 20)


def parse(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))


def test_employee_ref_digits_are_an_id() -> None:
    assert parse_employee_ref("2") == EmployeeRef(employee_id=2)


def test_employee_ref_keeps_email_case() -> None:
    assert parse_employee_ref(" Ciara.Byrne@demo.example ") == EmployeeRef(
        email="Ciara.Byrne@demo.example"
    )


@pytest.mark.parametrize("text", ["ciara", "-1", "2.5", "", "a b@c", "٣", "0", "00"])
def test_employee_ref_rejects_other_text(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_employee_ref(text)


@pytest.mark.parametrize("text", ["0", "-3"])
def test_employee_ref_zero_and_negative_read_alike(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as raised:
        parse_employee_ref(text)
    assert str(raised.value) == (
        f"invalid employee '{text}': expected an email address or a positive numeric id"
    )


@pytest.mark.parametrize("text", ["0", "-3"])
def test_absences_id_must_be_positive(text: str) -> None:
    with pytest.raises(UsageError, match="expected a positive number"):
        parse("absences", f"--employee-id={text}")


def test_month_covers_whole_february() -> None:
    assert parse_month("2026-02") == DateRange(
        dt.date(2026, 2, 1), dt.date(2026, 2, 28)
    )


def test_month_covers_leap_day() -> None:
    assert parse_month("2028-2").end == dt.date(2028, 2, 29)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "03-2026", "2026/03", "march"])
def test_month_rejects_other_text(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_month(text)


def test_invalid_month_is_usage_error_naming_option() -> None:
    with pytest.raises(UsageError, match=r"argument --month: invalid month '2026-13'"):
        parse("calendar", "2", "--month", "2026-13")


def test_invalid_date_is_usage_error_naming_format() -> None:
    with pytest.raises(UsageError, match="expected YYYY-MM-DD"):
        parse("absences", "--start", "1.3.2026")


def test_invalid_employee_is_usage_error() -> None:
    with pytest.raises(UsageError, match="expected an email address or a positive"):
        parse("schedule", "ciara")


def test_missing_subcommand_is_usage_error() -> None:
    with pytest.raises(UsageError, match="required"):
        parse("--sandbox")


def test_usage_error_points_to_help() -> None:
    with pytest.raises(UsageError, match=r"run 'personio calendar --help'"):
        parse("calendar")


def test_global_options_before_subcommand() -> None:
    args = parse("--sandbox", "--json", "employees")
    assert args.sandbox
    assert args.json


def test_global_options_after_subcommand() -> None:
    args = parse("employees", "--sandbox", "--csv", "--base-url", "http://127.0.0.1:1")
    assert args.sandbox
    assert args.csv
    assert args.base_url == "http://127.0.0.1:1"


def test_global_option_before_survives_subcommand_defaults() -> None:
    args = parse("--client-id", "abc", "employees")
    assert args.client_id == "abc"


def test_json_and_csv_together_are_rejected() -> None:
    with pytest.raises(UsageError, match="not allowed with argument"):
        parse("employees", "--json", "--csv")


def test_json_and_csv_on_both_sides_are_rejected() -> None:
    with pytest.raises(UsageError, match="cannot be used together"):
        output_format(parse("--json", "employees", "--csv"))


def test_output_format_defaults_to_table() -> None:
    assert output_format(parse("employees")) == "table"


def test_status_repeats() -> None:
    args = parse("absences", "--status", "approved", "--status", "pending")
    assert args.status == ["approved", "pending"]


def test_status_ignores_letter_case() -> None:
    # The library reads APPROVED (v2 spelling) as approved, and so does the CLI.
    assert parse("absences", "--status", "APPROVED").status == ["approved"]


def test_status_rejects_unknown_value() -> None:
    with pytest.raises(UsageError, match="invalid choice: 'open'"):
        parse("absences", "--status", "open")


def test_absences_email_and_id_exclude_each_other() -> None:
    with pytest.raises(UsageError, match="not allowed with argument"):
        parse("absences", "--email", "a@b.example", "--employee-id", "2")


def test_absences_id_must_be_numeric() -> None:
    with pytest.raises(UsageError, match="invalid employee id"):
        parse("absences", "--employee-id", "a@b.example")


def test_absences_email_must_be_email() -> None:
    with pytest.raises(UsageError, match="invalid email"):
        parse("absences", "--email", "2")


def test_calendar_defaults_to_current_month() -> None:
    assert calendar_range(parse("calendar", "2"), today=TODAY) == DateRange(
        dt.date(2026, 5, 1), dt.date(2026, 5, 31)
    )


def test_calendar_takes_start_and_end() -> None:
    args = parse("calendar", "2", "--start", "2026-03-16", "--end", "2026-03-20")
    assert calendar_range(args, today=TODAY) == DateRange(
        dt.date(2026, 3, 16), dt.date(2026, 3, 20)
    )


def test_calendar_rejects_month_with_start() -> None:
    args = parse("calendar", "2", "--month", "2026-03", "--start", "2026-03-02")
    with pytest.raises(UsageError, match="either --month or --start/--end"):
        calendar_range(args, today=TODAY)


def test_calendar_rejects_start_without_end() -> None:
    args = parse("calendar", "2", "--start", "2026-03-02")
    with pytest.raises(UsageError, match="both --start and --end"):
        calendar_range(args, today=TODAY)


def test_calendar_rejects_end_before_start() -> None:
    args = parse("calendar", "2", "--start", "2026-03-02", "--end", "2026-03-01")
    with pytest.raises(UsageError, match="--end 2026-03-01 is before --start"):
        calendar_range(args, today=TODAY)


def test_help_never_shows_secret_from_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PERSONIO_CLIENT_SECRET", "papi-env-secret-canary")
    with pytest.raises(SystemExit):
        parse("calendar", "--help")
    assert "papi-env-secret-canary" not in capsys.readouterr().out
