"""Measure the client's peak memory while iterating 20,000 and 200,000 absences.

Lazy paging keeps one page of records in memory (a few with prefetching), so the
peak must not grow with the total. Each measurement runs in a fresh Python process,
against a sandbox in another process, and reports:

- the tracemalloc peak during the iteration (Python allocations only);
- the RSS high-water mark of the process (`resource.getrusage`, `ru_maxrss`),
  before and after the iteration.

The `list()` rows keep every absence, for contrast: that is what growing with the
total looks like.

    python benchmarks/memory.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import _common

from personio_sdk.sandbox import SandboxProcess

# Sandbox sizes by number of absences.
SIZES = {20_000: "medium", 200_000: "large"}

_CHILD = """
import json, resource, sys, tracemalloc
from personio_sdk import AbsenceStatus, PersonioClient
url, credentials, options, keep = json.loads(sys.argv[1])
with PersonioClient(**credentials, base_url=url, **options) as client:
    client.absence_types.list()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    listing = client.absences.list(statuses=list(AbsenceStatus))
    if keep:
        records = len(list(listing))
    else:
        records = sum(1 for _ in listing)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([records, peak, before, after]))
"""


def measure(
    url: str, credentials: dict[str, str], options: dict[str, object], keep: bool
) -> tuple[int, int, int, int]:
    """Run one iteration in a fresh process; return records, peak bytes, RSS KiB.

    The RSS values are the high-water marks before and after the iteration, in KiB
    as Linux reports `ru_maxrss`.
    """
    argument = json.dumps([url, credentials, options, keep])
    output = subprocess.run(
        [sys.executable, "-c", _CHILD, argument],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    records, peak, before, after = json.loads(output)
    return records, peak, before, after


def main() -> None:
    """Measure each size and mode, and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="processes per row")
    args = parser.parse_args()

    print("\n".join(_common.machine_lines()))
    print(f"Median of {args.runs} fresh processes per row.\n")
    sequential, note = _common.client_options()
    modes: list[tuple[str, dict[str, object], bool]] = [
        (f"iterate, {note}", dict(sequential), False)
    ]
    if "max_concurrency" in sequential:
        defaults = dict(sequential)
        del defaults["max_concurrency"]
        modes.append(("iterate, default max_concurrency", defaults, False))
    modes.append((f"list(), {note}", dict(sequential), True))

    rows: list[list[object]] = []
    for total, size in SIZES.items():
        with SandboxProcess(size=size) as served:
            credentials = dict(served.credentials)
            for label, options, keep in modes:
                runs = [
                    measure(served.url, credentials, options, keep)
                    for _ in range(args.runs)
                ]
                records = runs[0][0]
                peak = _common.median([run[1] for run in runs])
                before = _common.median([run[2] for run in runs])
                after = _common.median([run[3] for run in runs])
                rows.append(
                    [
                        f"{total:,}",
                        label,
                        f"{records:,}",
                        f"{peak / 2**20:.1f}",
                        f"{before / 1024:.0f}",
                        f"{after / 1024:.0f}",
                        f"{(after - before) / 1024:.0f}",
                    ]
                )
    _common.print_table(
        [
            "absences served",
            "mode",
            "records",
            "tracemalloc peak (MiB)",
            "RSS before (MiB)",
            "RSS max (MiB)",
            "RSS growth (MiB)",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
