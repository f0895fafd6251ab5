"""Count the requests of `client.sync` for one employee and one year.

A cold sync is the first call of a new client (token and absence types not yet
cached); a warm sync is the next call on the same client. The floor is 6 requests
cold and 4 warm. A cold sync requests the token, the employee by email, the absence
types, time-offs, hour-based absence periods and balances. A warm one skips the
token and the types, which a client caches.
The sandbox counts the requests it serves, so nothing on the client side is
trusted for the count.

    python benchmarks/requests_per_job.py [--sizes demo large]
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date

import _common

from personio_sdk import PersonioClient
from personio_sdk.sandbox import Sandbox

START, END = date(2026, 1, 1), date(2026, 12, 31)
FLOOR = {"cold": 6, "warm": 4}
# Featured demo employees: Bavaria with day- and hour-based absences, Northern
# Ireland with half days, and one without a work schedule attribute.
EMAILS = (
    "anna.schmidt@demo.example",
    "ciara.byrne@demo.example",
    "markus.hoffmann@demo.example",
)


def count_sync(sandbox: Sandbox, client: PersonioClient, email: str) -> Counter[str]:
    """Run one sync and return the requests the sandbox served, by path."""
    sandbox.reset_stats()
    client.sync(email, start=START, end=END)
    return Counter(sandbox.stats().requests)


def measure(size: str) -> tuple[list[list[object]], dict[str, Counter[str]]]:
    """Return table rows for `size` and the per-path counts of its first employee.

    Each employee is synced with the client's default options and again with the
    sequential options, to show that concurrency adds no request.
    """
    rows: list[list[object]] = []
    first: dict[str, Counter[str]] = {}
    sequential, _ = _common.client_options()
    with Sandbox(size=size, rate_limits=False) as sandbox:
        for email in EMAILS:
            counts = []
            for options in ({}, sequential):
                with PersonioClient(
                    **sandbox.credentials, base_url=sandbox.url, **options
                ) as client:
                    cold = count_sync(sandbox, client, email)
                    warm = count_sync(sandbox, client, email)
                counts += [sum(cold.values()), sum(warm.values())]
                first = first or {"cold": cold, "warm": warm}
            rows.append(
                [
                    size,
                    email.split("@")[0],
                    *counts,
                    f"{FLOOR['cold']} / {FLOOR['warm']}",
                ]
            )
    return rows, first


def main() -> None:
    """Measure every size and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        nargs="+",
        default=["demo", "large"],
        help="sandbox company sizes to run against (demo, medium, large)",
    )
    args = parser.parse_args()

    print("\n".join(_common.machine_lines()))
    print(f"Sequential options: {_common.client_options()[1]}\n")
    rows: list[list[object]] = []
    breakdown: dict[str, Counter[str]] = {}
    for size in args.sizes:
        size_rows, counts = measure(size)
        rows += size_rows
        breakdown = breakdown or counts
    _common.print_table(
        [
            "company",
            "employee",
            "cold, defaults",
            "warm, defaults",
            "cold, sequential",
            "warm, sequential",
            "floor (cold / warm)",
        ],
        rows,
    )
    print()
    paths = sorted(set(breakdown["cold"]) | set(breakdown["warm"]))
    _common.print_table(
        ["request (first employee and size, defaults)", "cold", "warm"],
        [
            [f"`{path}`", breakdown["cold"][path], breakdown["warm"][path]]
            for path in paths
        ],
    )


if __name__ == "__main__":
    main()
