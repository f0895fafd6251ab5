"""Compare the import time of `personio_sdk` with that of `httpx`.

Each sample is a fresh interpreter that times one import statement with
`time.perf_counter`, so interpreter start-up is excluded. The samples of all
statements are interleaved, and the median of `--runs` is reported. A second table
lists, from `python -X importtime`, the modules that cost the most among those
that `import personio_sdk` loads beyond what httpx and one pydantic model load, so
a needless import is easy to spot.

    python benchmarks/import_time.py [--runs 21] [--top 15]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict

import _common

STATEMENTS = {
    "httpx": "import httpx",
    "pydantic": "import pydantic",
    "httpx + pydantic": "import httpx, pydantic",
    "personio_sdk": "import personio_sdk",
}
_TIMER = (
    "import time\n"
    "started = time.perf_counter()\n"
    "{statement}\n"
    "print(time.perf_counter() - started)\n"
)
# Modules checked by name: each is either needed at import or should load lazily.
WATCHED = (
    "personio_sdk.sandbox",
    "personio_sdk.cli",
    "holidays",
    "dateutil",
    "zoneinfo",
    "platform",
    "uuid",
    "argparse",
)
# What any pydantic user loads: pydantic imports most of its internals, and modules
# such as uuid and zoneinfo, only when the first model class is defined.
_SHARED = "import httpx, pydantic\nclass Model(pydantic.BaseModel):\n    x: int\n"
_IMPORTTIME = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def sample(statement: str) -> float:
    """Return the seconds one fresh interpreter takes to run `statement`."""
    output = subprocess.run(
        [sys.executable, "-c", _TIMER.format(statement=statement)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(output)


def loaded_modules(statement: str) -> set[str]:
    """Return the modules a fresh interpreter loads for `statement`."""
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        f"{statement}\n"
        "print('\\n'.join(sorted(set(sys.modules) - before)))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return set(output.split())


def self_times(statement: str, runs: int) -> dict[str, float]:
    """Return each module's median self time in seconds, from `-X importtime`."""
    samples: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        report = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", statement],
            check=True,
            capture_output=True,
            text=True,
        ).stderr
        for match in _IMPORTTIME.finditer(report):
            samples[match[4]].append(int(match[1]) / 1e6)
    return {name: _common.median(values) for name, values in samples.items()}


def main() -> None:
    """Time each statement and print the two tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="samples per statement")
    parser.add_argument("--top", type=int, default=15, help="modules to list")
    args = parser.parse_args()

    print("\n".join(_common.machine_lines()))
    print(f"Median of {args.runs} fresh interpreters per statement.\n")
    timings: dict[str, list[float]] = defaultdict(list)
    for _ in range(args.runs):
        for label, statement in STATEMENTS.items():
            timings[label].append(sample(statement))
    medians = {label: _common.median(values) for label, values in timings.items()}
    httpx_time = medians["httpx"]
    _common.print_table(
        ["import", "ms", "ratio to httpx"],
        [
            [
                f"`{STATEMENTS[label]}`",
                f"{seconds * 1e3:.1f}",
                f"{seconds / httpx_time:.2f}x",
            ]
            for label, seconds in medians.items()
        ],
    )

    sdk_modules = loaded_modules(STATEMENTS["personio_sdk"])
    shared = loaded_modules(_SHARED)
    print()
    _common.print_table(
        ["module", "loaded by `import personio_sdk`", "loaded by httpx + one model"],
        [
            [
                f"`{name}`",
                "yes" if name in sdk_modules else "no",
                "yes" if name in shared else "no",
            ]
            for name in WATCHED
        ],
    )

    times = self_times(STATEMENTS["personio_sdk"], max(5, args.runs // 3))
    extra = {
        name: seconds
        for name, seconds in times.items()
        if name in sdk_modules and name not in shared
    }
    own = sum(s for name, s in extra.items() if name.startswith("personio_sdk"))
    other = sum(s for name, s in extra.items() if not name.startswith("personio_sdk"))
    print(
        f"\nBeyond httpx and one model, `import personio_sdk` loads {len(extra)} "
        f"modules: {own * 1e3:.1f} ms in personio_sdk's own ({other * 1e3:.1f} ms "
        "in others), as self time under -X importtime (which inflates it).\n"
    )
    ranked = sorted(extra.items(), key=lambda pair: pair[1], reverse=True)
    _common.print_table(
        ["module (beyond httpx and one model)", "self ms"],
        [[f"`{name}`", f"{seconds * 1e3:.2f}"] for name, seconds in ranked[: args.top]],
    )


if __name__ == "__main__":
    main()
