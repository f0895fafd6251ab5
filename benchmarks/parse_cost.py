"""Measure the CPU cost of turning sandbox payloads into models, without a network.

The pages are fetched once from an in-process sandbox and kept as bytes. Each row
times `json.loads` of the pages alone, the SDK's own decoding (`decode_body`, which
uses pydantic-core's parser) alone, and the SDK's decoding followed by the model
constructor for every record (`Absence.from_time_off`, `Absence.from_absence_period`,
`Employee.from_api`). The difference of the last two is the model cost per record.
The best of `--runs` passes is reported, because the cost is pure CPU and slower
passes only add noise from other processes.

To compare two versions of the models, run the script with each on the path:

    python benchmarks/parse_cost.py [--runs 9]
    PYTHONPATH=/path/to/other/checkout/src python benchmarks/parse_cost.py
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Mapping
from typing import Any

import _common
import httpx

import personio_sdk
from personio_sdk._json import decode_body
from personio_sdk.models import Absence, AbsenceType, Employee, KindResolver
from personio_sdk.sandbox import Sandbox

PAGES = 10


def fetch(sandbox: Sandbox, path: str, pages: int, *, by_records: bool) -> list[bytes]:
    """Return the raw bodies of the first `pages` pages of `path`."""
    limit = 100 if by_records else 200
    bodies = []
    with httpx.Client(base_url=sandbox.url) as http:
        token = http.post("/v1/auth", json=dict(sandbox.credentials)).json()
        headers = {"Authorization": f"Bearer {token['data']['token']}"}
        for page in range(pages):
            offset = page * limit if by_records else page + 1
            response = http.get(
                path, params={"limit": limit, "offset": offset}, headers=headers
            )
            response.raise_for_status()
            bodies.append(response.content)
    return bodies


def sdk_decode(body: bytes) -> Any:
    return decode_body(body, path="(benchmark)")


def best_pass(
    bodies: list[bytes],
    decode: Callable[[bytes], Any],
    parse: Callable[[Mapping[str, Any]], object] | None,
    runs: int,
) -> tuple[float, int]:
    """Return the fastest pass in seconds and the number of records per pass."""
    best, records = float("inf"), 0
    for _ in range(runs):
        records = 0
        started = time.process_time()
        for body in bodies:
            items = decode(body)["data"]
            records += len(items)
            if parse is not None:
                for item in items:
                    parse(item)
        best = min(best, time.process_time() - started)
    return best, records


def main() -> None:
    """Fetch the pages, time each parser and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="passes per row")
    args = parser.parse_args()

    print("\n".join(_common.machine_lines()))
    print(f"personio_sdk from {personio_sdk.__file__}")
    print(f"Best of {args.runs} passes, CPU time.\n")
    with Sandbox(size="medium", rate_limits=False) as sandbox:
        time_offs = fetch(sandbox, "/v1/company/time-offs", PAGES, by_records=False)
        periods = fetch(
            sandbox, "/v1/company/absence-periods", PAGES // 2, by_records=False
        )
        employees = fetch(sandbox, "/v1/company/employees", PAGES, by_records=True)
        types_body = fetch(sandbox, "/v1/company/time-off-types", 1, by_records=False)
    types = [AbsenceType.from_api(item) for item in json.loads(types_body[0])["data"]]
    resolver = KindResolver(types)

    rows: list[list[object]] = []
    for label, bodies, parse in (
        (
            "time-off (day-based absence)",
            time_offs,
            lambda item: Absence.from_time_off(item, resolver),
        ),
        (
            "absence period (hour-based)",
            periods,
            lambda item: Absence.from_absence_period(item, resolver),
        ),
        ("employee", employees, Employee.from_api),
    ):
        plain, records = best_pass(bodies, json.loads, None, args.runs)
        decode, _ = best_pass(bodies, sdk_decode, None, args.runs)
        total, _ = best_pass(bodies, sdk_decode, parse, args.runs)
        rows.append(
            [
                label,
                f"{records:,}",
                f"{plain / records * 1e6:.1f}",
                f"{decode / records * 1e6:.1f}",
                f"{(total - decode) / records * 1e6:.1f}",
                f"{total / plain:.2f}x",
            ]
        )
    _common.print_table(
        [
            "record",
            "records",
            "json.loads µs per record",
            "SDK decode µs per record",
            "model µs per record",
            "SDK decode + model vs json.loads",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
