"""Rendering of reports as table, JSON and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
from decimal import Decimal

from personio_sdk.cli._output import (
    Column,
    Report,
    encodable_text,
    format_decimal,
    render,
    to_json_value,
    write,
)


class Kind(str, enum.Enum):
    PUBLIC_HOLIDAY = "public_holiday"


COLUMNS = (
    Column("id", "ID", numeric=True),
    Column("name", "Name"),
    Column("hours", "Hours", numeric=True),
    Column("note", "Note", in_table=False),
)
RECORDS = (
    {"id": 2, "name": "Ciara Byrne", "hours": Decimal("37.50"), "note": None},
    {"id": 10, "name": "Bo", "hours": None, "note": "part-time"},
)


def test_decimal_format_drops_trailing_zeros() -> None:
    assert format_decimal(Decimal("8.00")) == "8"
    assert format_decimal(Decimal("7.50")) == "7.5"
    assert format_decimal(Decimal("0.25")) == "0.25"
    assert format_decimal(Decimal("1E+1")) == "10"


def test_table_aligns_numbers_right_and_text_left() -> None:
    lines = render(Report(COLUMNS, RECORDS), "table").splitlines()
    assert lines[0] == "ID  Name         Hours"
    assert lines[1] == "--  -----------  -----"
    assert lines[2] == " 2  Ciara Byrne   37.5"
    assert lines[3] == "10  Bo               -"


def test_table_hides_csv_only_columns() -> None:
    text = render(Report(COLUMNS, RECORDS), "table")
    assert "part-time" not in text


def test_table_prints_title_and_footer() -> None:
    report = Report(COLUMNS, RECORDS, title="Employees", footer=("2 employees",))
    lines = render(report, "table").splitlines()
    assert lines[:2] == ["Employees", ""]
    assert lines[-2:] == ["", "2 employees"]


def test_table_without_records_prints_empty_message() -> None:
    text = render(Report(COLUMNS, (), empty_message="No absences."), "table")
    assert text == "No absences.\n"


def test_table_separates_groups_with_blank_line() -> None:
    records = [
        {"id": 1, "name": "a", "week": 1},
        {"id": 2, "name": "b", "week": 1},
        {"id": 3, "name": "c", "week": 2},
    ]
    lines = render(Report(COLUMNS[:2], records, group_by="week"), "table").splitlines()
    assert lines[2:] == [" 1  a", " 2  b", "", " 3  c"]


def test_csv_has_key_header_and_every_csv_column() -> None:
    rows = list(csv.reader(io.StringIO(render(Report(COLUMNS, RECORDS), "csv"))))
    assert rows[0] == ["id", "name", "hours", "note"]
    assert rows[1] == ["2", "Ciara Byrne", "37.5", ""]
    assert rows[2] == ["10", "Bo", "", "part-time"]


def test_csv_quotes_commas_and_joins_lists() -> None:
    columns = (Column("name", "Name"), Column("tags", "Tags"))
    records = [{"name": "Byrne, Ciara", "tags": ["a", "b"]}]
    rows = list(csv.reader(io.StringIO(render(Report(columns, records), "csv"))))
    assert rows[1] == ["Byrne, Ciara", "a; b"]


def test_json_lists_records_with_plain_values() -> None:
    records = [
        {
            "day": dt.date(2026, 3, 17),
            "hours": Decimal("7.50"),
            "days": Decimal("2.0"),
            "kind": Kind.PUBLIC_HOLIDAY,
            "half": True,
            "none": None,
        }
    ]
    parsed = json.loads(render(Report((), records), "json"))
    assert parsed == [
        {
            "day": "2026-03-17",
            "hours": 7.5,
            "days": 2,
            "kind": "public_holiday",
            "half": True,
            "none": None,
        }
    ]


def test_json_prefers_report_document() -> None:
    report = Report((), RECORDS, document={"total": Decimal("37.5")})
    assert json.loads(render(report, "json")) == {"total": 37.5}


def test_json_value_converts_nested_tuples() -> None:
    assert to_json_value({"a": (Decimal("0.5"), dt.date(2026, 1, 1))}) == {
        "a": [0.5, "2026-01-01"]
    }


def test_json_value_writes_enum_keys_as_values() -> None:
    assert to_json_value({Kind.PUBLIC_HOLIDAY: Decimal(1)}) == {"public_holiday": 1}


def test_json_value_writes_date_keys_as_iso() -> None:
    assert to_json_value({dt.date(2026, 3, 17): "x"}) == {"2026-03-17": "x"}


def test_ascii_stream_gets_plain_half_mark() -> None:
    assert encodable_text("½ day · Mon", "ascii") == "1/2 day - Mon"


def test_utf8_stream_keeps_half_mark() -> None:
    assert encodable_text("½ day", "utf-8") == "½ day"


def test_write_replaces_unencodable_characters() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="latin-1")
    write(stream, "½ · ✓\n")
    stream.flush()
    assert raw.getvalue() == "½ · ?\n".encode("latin-1")
