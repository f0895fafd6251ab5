"""Rendering of command results as an aligned table, JSON or CSV.

A command builds one `Report`: machine-readable records (snake_case keys, typed
values) plus the columns shown to a person. The table shows the columns with human
formatting, CSV writes the same columns under their keys, and JSON writes the records
or the report's own document.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, TextIO

OutputFormat = Literal["table", "json", "csv"]

#: Decimal places of numbers in tables; JSON and CSV keep every digit.
TABLE_DECIMAL_PLACES = 2

#: Characters that some terminals cannot encode (half, middle dot, en and em dash,
#: ellipsis), with plain ASCII replacements.
_ASCII_FALLBACKS = {
    "\u00bd": "1/2",
    "\u00b7": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
}


@dataclass(frozen=True)
class Column:
    """One column of a report.

    `key` names the record field and is the CSV header; `header` is the table heading.
    `display` builds the table cell from the whole record, so a cell can combine
    fields; by default the cell is `format_cell(record[key])`. `numeric` columns are
    right-aligned. `in_table` and `in_csv` choose where the column appears.
    """

    key: str
    header: str
    numeric: bool = False
    display: Callable[[Mapping[str, Any]], str] | None = None
    in_table: bool = True
    in_csv: bool = True


@dataclass(frozen=True)
class Report:
    """The result of one command, ready to render in any output format.

    `document` replaces the list of records as the JSON output when a command has more
    to say than rows (totals, notes). `title` and `footer` lines appear only around the
    table; `empty_message` replaces the table when there are no records. `group_by`
    names a record field: the table inserts a blank line whenever its value changes.
    """

    columns: Sequence[Column]
    records: Sequence[Mapping[str, Any]]
    title: str | None = None
    footer: Sequence[str] = ()
    document: Any = None
    empty_message: str = "No records."
    group_by: str | None = None


def format_decimal(value: Decimal, *, places: int | None = None) -> str:
    """Format a Decimal without exponent or trailing zeros: `8`, `7.5`, `0.25`.

    With `places`, round half-even to that many decimal places first, so that a
    share such as 2/7.5 prints as `0.27`.
    """
    if places is not None:
        value = round(value, places)
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def format_cell(value: Any) -> str:
    """Format a value for the table: `-` for None, ISO dates, decimals rounded to 2."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return format_decimal(value, places=TABLE_DECIMAL_PLACES)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def to_json_value(value: Any) -> Any:
    """Convert a record value to what `json` can encode.

    Decimals become integers when whole and floats otherwise, because scripts compare
    numbers. Python prints the shortest float that reads back as the same decimal.
    """
    if isinstance(value, Mapping):
        return {_json_key(key): to_json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json_value(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    if isinstance(value, enum.Enum):
        return to_json_value(value.value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (int, float, str)):
        return value
    return str(value)


def _json_key(key: Any) -> str:
    # JSON keys are strings. An enum key becomes its value, as enum values do, because
    # str() of a str-based enum is "AbsenceKind.VACATION" on Python 3.11 and later.
    if isinstance(key, enum.Enum):
        return _json_key(key.value)
    if isinstance(key, (dt.date, dt.datetime)):
        return key.isoformat()
    return str(key)


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "; ".join(_csv_value(item) for item in value)
    return str(value)


def render_json(report: Report) -> str:
    """Render the report's document, or its records as a list, as indented JSON."""
    document = report.document
    if document is None:
        document = list(report.records)
    return json.dumps(to_json_value(document), indent=2, ensure_ascii=False) + "\n"


def render_csv(report: Report) -> str:
    """Render the CSV columns of every record, with the column keys as the header."""
    columns = [column for column in report.columns if column.in_csv]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.key for column in columns])
    for record in report.records:
        writer.writerow([_csv_value(record.get(column.key)) for column in columns])
    return buffer.getvalue()


def render_table(report: Report) -> str:
    """Render the title, an aligned table of the table columns, and the footer."""
    lines: list[str] = []
    if report.title:
        lines.extend([report.title, ""])
    if report.records:
        lines.extend(_table_lines(report))
    else:
        lines.append(report.empty_message)
    if report.footer:
        lines.append("")
        lines.extend(report.footer)
    return "\n".join(lines) + "\n"


def _table_cell(column: Column, record: Mapping[str, Any]) -> str:
    if column.display is not None:
        return column.display(record)
    return format_cell(record.get(column.key))


def _table_lines(report: Report) -> list[str]:
    columns = [column for column in report.columns if column.in_table]
    cells = [
        [_table_cell(column, record) for column in columns] for record in report.records
    ]
    widths = [
        max([len(column.header), *(len(row[index]) for row in cells)])
        for index, column in enumerate(columns)
    ]

    def join(values: Sequence[str]) -> str:
        padded = [
            value.rjust(width) if column.numeric else value.ljust(width)
            for value, width, column in zip(values, widths, columns, strict=True)
        ]
        return "  ".join(padded).rstrip()

    lines = [
        join([column.header for column in columns]),
        join(["-" * width for width in widths]),
    ]
    previous_group: Any = None
    for index, (record, row) in enumerate(zip(report.records, cells, strict=True)):
        if report.group_by is not None:
            group = record.get(report.group_by)
            if index > 0 and group != previous_group:
                lines.append("")
            previous_group = group
        lines.append(join(row))
    return lines


def render(report: Report, output_format: OutputFormat) -> str:
    """Render the report in the requested output format."""
    if output_format == "json":
        return render_json(report)
    if output_format == "csv":
        return render_csv(report)
    return render_table(report)


def encodable_text(text: str, encoding: str | None) -> str:
    """Return `text` with each character the encoding lacks replaced by ASCII.

    A terminal with an ASCII locale gets `1/2` for `½`; any other character that
    cannot be encoded becomes `?` instead of raising UnicodeEncodeError.
    """
    codec = encoding or "utf-8"
    try:
        text.encode(codec)
    except LookupError:
        codec = "ascii"
    except UnicodeEncodeError:
        pass
    else:
        return text
    characters = []
    for character in text:
        try:
            character.encode(codec)
        except UnicodeEncodeError:
            character = _ASCII_FALLBACKS.get(character, "?")
        characters.append(character)
    return "".join(characters)


def write(stream: TextIO, text: str) -> None:
    """Write text to a stream, replacing what its encoding cannot represent."""
    stream.write(encodable_text(text, getattr(stream, "encoding", None)))
