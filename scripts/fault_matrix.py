"""Run the fault matrix against the sandbox and write docs/reliability.md.

    python scripts/fault_matrix.py                  # rewrite docs/reliability.md
    python scripts/fault_matrix.py --output -       # print the page instead

The cells are those of tests/reliability/test_fault_matrix.py, imported from
tests/reliability/matrix.py. The page records the machine, the date and the commit.
The script exits with status 1 when any cell differs from the documented outcome.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import httpx  # noqa: E402

from personio_sdk import __version__  # noqa: E402
from reliability.matrix import (  # noqa: E402
    LISTINGS,
    MIN_PAGES,
    POSITIONS,
    ROWS,
    SHORT_TIMEOUT,
    STALL_SECONDS,
    CellResult,
    Listing,
    baseline,
    run_cell,
)

DEFAULT_OUTPUT = ROOT / "docs" / "reliability.md"

INTRO = """\
# Reliability

<!-- Written by scripts/fault_matrix.py: edit the script, not this page. -->

This page shows how the client behaves under faults, load and bad input, and names
the tests that check it. `python scripts/fault_matrix.py` reruns the fault matrix and
rewrites this page. `pytest tests/reliability` runs the same cells, and the checks
described after the matrix, as tests.

## Fault matrix

Each cell starts a sandbox on 127.0.0.1, injects one fault on one page of one
listing, and reads the whole listing through the public API over real sockets:
`client.employees.list()`, or `client.absences.list(statuses=list(AbsenceStatus))`
for day-based and hour-based absences. The client keeps its defaults (3 retries,
`Retry-After` honoured up to 60 s), except that:

- back-off and `Retry-After` waits move a virtual clock instead of sleeping, so a
  2 s `Retry-After` costs no time, while timeouts stay real;
- the read-timeout rows use `PersonioClient(timeout={timeout:g})` against a sandbox
  that stalls for {stall:g} s;
- page sizes are lowered to {sizes}, so that the listings span at least {min_pages}
  pages. The paging code is the same as with Personio's maximum page sizes.

A fault marked "once" (or "three times") hits only the first request(s) for its
page, and one marked "every attempt" hits each request for it, retries included.
Page numbers count from 1, whatever the endpoint's offset style.

How to read a cell:

- `ok: 634/634 once, 1 retry`: every record of a clean run came exactly once, and
  the listing sent one request more than the clean run. "2 tokens" means the client
  fetched a new token, and "waited 2 s" is the longest wait it requested.
- `ServerError (documented) after 4 attempts, 300/634 read before it`: the listing
  raised the error the client documents for this fault, after 4 requests for the
  page (the first and 3 retries). The records of the earlier pages had been yielded,
  each once. The iteration ends with the error, never with a short list, so a partial
  result cannot pass for a complete one.
- `FAILED: ...`: the outcome differs from the documented one.

Requests that were in flight when a token was revoked are replayed too, so the
token rows may show more than one retry, and an error may surface on another page
than the faulted one.

The errors are described in [Errors and troubleshooting](errors.md) and the retry
rules in [Retries, rate limits and timeouts](retries.md).
"""

OTHER_CHECKS = """\
## Concurrency

`tests/reliability/test_concurrency.py` shares one client between 32 threads for
2,000 requests against a sandbox (`employees.get` and `absences.get` in turn). The
sandbox delays the first token response by a second, and every thread passes a
barrier right before its first call, so all 32 threads wait on the same token
request. The test checks that:

- the sandbox and the client's token cache each count exactly one token request;
- no thread raised, and each call sent one request;
- the httpx pool is empty after `close()`;
- the process has no more sockets open (`/proc/self/fd`) than before the client.

## Payload shapes

`tests/reliability/test_payload_properties.py` uses hypothesis strategies
(`tests/reliability/payloads.py`) written from Personio's v1 definition. They draw
time-off, absence-period, employee (with wrapped attributes), time-off type and
balance items: valid ones, and valid ones with one field wild or missing, plus
unknown keys. Every item must parse or raise `ResponseValidationError`, and that
error's message must contain none of the item's values. Free text is drawn with a
`Zq` prefix and many numbers have six digits or more, so a quoted value is found.
Unknown fields, categories and statuses must be kept. Each property draws 200
examples with `derandomize=True` and no example database, so every run draws the
same cases.

The properties found four shapes that raised other exceptions. They are fixed and
kept as regression cases:

- a work schedule day of `1e1000000` hours raised `decimal.Overflow`;
- days whose weekly sum overflows a `timedelta` raised `OverflowError`;
- a period within hours of year 1 or 9999, shifted into its time zone, raised
  `OverflowError`;
- a period ending at `0001-01-01T00:00` after a start with a larger UTC offset
  raised `OverflowError`.

## Wrong calls

`tests/reliability/test_wrong_calls.py` (dates and ranges, ids, emails, statuses)
and `tests/reliability/test_wrong_settings.py` (credentials, base URLs, plain
`http://` to hosts other than loopback, timeouts and retries) are tables of wrong
arguments. Each must raise `ValueError`, `TypeError` or `ConfigurationError` naming
the argument, keep emails and secrets out of the message, and send no request. The
sandbox's request counter proves that for calls on a client, and a respx router for
the constructor.

Cases marked `xfail(strict=True)` in those files are known bugs. Each fails the
suite once its bug is fixed, so that the mark is removed with the fix. At the time
of this run they were:

{known_bugs}
"""


def known_bugs() -> str:
    """List the wrong-call cases marked xfail, with their reasons, as Markdown."""
    from reliability import test_wrong_calls, test_wrong_settings

    lines = []
    tables = (test_wrong_calls.CLIENT_CALLS, test_wrong_settings.CONSTRUCTOR_CALLS)
    for table in tables:
        for case in table:
            lines.extend(
                f"- `{case.id}`: {mark.kwargs['reason']}"
                for mark in case.marks
                if mark.name == "xfail"
            )
    for module in (test_wrong_calls, test_wrong_settings):
        for name, function in sorted(vars(module).items()):
            marks = getattr(function, "pytestmark", [])
            lines.extend(
                f"- `{name}`: {mark.kwargs['reason']}"
                for mark in marks
                if name.startswith("test_") and mark.name == "xfail"
            )
    return "\n".join(lines) if lines else "- none."


def cpu_model() -> str:
    """Return the CPU model from /proc/cpuinfo, or platform's guess elsewhere."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def commit() -> str:
    """Return the short commit hash, marked when the tree has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    # The page itself is rewritten by every run, so its own changes do not count.
    changed = [
        line
        for line in status.splitlines()
        if line[3:].strip() != DEFAULT_OUTPUT.relative_to(ROOT).as_posix()
    ]
    return f"{head} with uncommitted changes" if changed else head


def run_info(seconds: float, cells: int) -> str:
    """Describe where, when and on what the matrix ran, as a Markdown list."""
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    lines = [
        f"- Ran on {today} (UTC): {cells} cells in {seconds:.0f} s.",
        f"- Machine: {cpu_model()}, {os.cpu_count()} logical cores, "
        f"{platform.system()} {platform.release()}.",
        f"- Software: {platform.python_implementation()} "
        f"{platform.python_version()}, httpx {httpx.__version__}, personio-sdk "
        f"{__version__} (commit {commit()}).",
    ]
    return "\n".join(lines) + "\n"


def escape(cell: str) -> str:
    """Escape a table cell: a `|` would end it."""
    return cell.replace("|", "\\|")


def listing_table(listing: Listing, results: dict[tuple[str, str], CellResult]) -> str:
    """Render the Markdown table of one listing: faults by rows, pages by columns."""
    clean = baseline(listing)
    pages = [f"{position} page ({clean.page_at(position)})" for position in POSITIONS]
    lines = [
        f"### {listing.title}",
        "",
        f"{len(clean.ids)} records on {clean.pages} pages of {listing.page_size}.",
        "",
        "| Fault | " + " | ".join(pages) + " |",
        "|---|" + "---|" * len(POSITIONS),
    ]
    for row in ROWS:
        cells = [escape(results[row.key, position].summary()) for position in POSITIONS]
        lines.append(f"| {escape(row.label)} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def run_matrix() -> dict[str, dict[tuple[str, str], CellResult]]:
    """Run every cell, reporting progress on stderr."""
    results: dict[str, dict[tuple[str, str], CellResult]] = {}
    total = len(LISTINGS) * len(ROWS) * len(POSITIONS)
    done = 0
    for listing in LISTINGS:
        results[listing.key] = {}
        for row in ROWS:
            for position in POSITIONS:
                result = run_cell(listing, row, position)
                results[listing.key][row.key, position] = result
                done += 1
                print(
                    f"[{done}/{total}] {listing.key} {row.key} {position}: "
                    f"{result.summary()}",
                    file=sys.stderr,
                )
    return results


def render(results: dict[str, dict[tuple[str, str], CellResult]], info: str) -> str:
    """Render the whole page."""
    sizes = ", ".join(f"{listing.page_size} for {listing.key}" for listing in LISTINGS)
    parts = [
        INTRO.format(
            timeout=SHORT_TIMEOUT, stall=STALL_SECONDS, sizes=sizes, min_pages=MIN_PAGES
        ),
        "The tables below come from this run:\n\n" + info,
    ]
    parts.extend(listing_table(listing, results[listing.key]) for listing in LISTINGS)
    parts.append(OTHER_CHECKS.format(known_bugs=known_bugs()))
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Run the matrix, write the page and return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--output",
        default=str(DEFAULT_OUTPUT),
        help="file to write the page to, or - for standard output "
        "(default: docs/reliability.md)",
    )
    options = parser.parse_args(argv)

    started = time.perf_counter()
    results = run_matrix()
    seconds = time.perf_counter() - started
    cells = sum(len(by_cell) for by_cell in results.values())
    page = render(results, run_info(seconds, cells))

    if options.output == "-":
        sys.stdout.write(page)
    else:
        Path(options.output).write_text(page, encoding="utf-8")
        print(f"wrote {options.output}", file=sys.stderr)

    failed = [
        result
        for by_cell in results.values()
        for result in by_cell.values()
        if result.problems()
    ]
    if failed:
        print(
            f"{len(failed)} cell(s) differ from the documented outcome", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
