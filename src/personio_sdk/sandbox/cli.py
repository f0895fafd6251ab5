"""`personio sandbox serve`: run the sandbox in the foreground until Ctrl-C.

The `personio` command mounts `add_arguments` and `run`; `python -m
personio_sdk.sandbox` uses them directly.
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import TextIO

from personio_sdk.sandbox._address import LOOPBACK_HELP, check_loopback_host, url_for
from personio_sdk.sandbox._faults import FAULT_KINDS, Fault
from personio_sdk.sandbox._generate import SIZES
from personio_sdk.sandbox._server import DEFAULT_SEED, PERIOD_OFFSET_STYLES, Sandbox


class ServeError(Exception):
    """The sandbox cannot listen on the requested address, such as a port in use."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the serve options to `parser`."""
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        type=_host,
        help=f"address to listen on, {LOOPBACK_HELP} (default: 127.0.0.1)",
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=0,
        help="port to listen on, 0 to 65535; 0 picks a free one (default: 0)",
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="seed of the generated employees"
    )
    parser.add_argument(
        "--size",
        choices=sorted(SIZES),
        default="demo",
        help="company size: demo (64 employees), medium, large (10,000 employees)",
    )
    parser.add_argument(
        "--no-rate-limits",
        action="store_true",
        help="turn off Personio's rate limits (on by default, 429 when exceeded)",
    )
    parser.add_argument(
        "--period-offsets",
        choices=PERIOD_OFFSET_STYLES,
        default="page",
        help="how /v1/company/absence-periods reads offset: page number or record",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="SPEC",
        type=_fault,
        help=(
            "inject a fault, repeatable: KIND[=VALUE][,key=value...], for example "
            "status=503,path=/v1/company/time-offs,page=2,times=1,retry_after=2; "
            "kinds: " + ", ".join(FAULT_KINDS)
        ),
    )
    parser.add_argument(
        "--print-url",
        action="store_true",
        help="print only the base URL on the first line (for scripts)",
    )


def _host(text: str) -> str:
    try:
        return check_loopback_host(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _port(text: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or int(value) > 65535:
        raise argparse.ArgumentTypeError(
            f"invalid port {text!r}: expected 0 to 65535, where 0 picks a free port"
        )
    return int(value)


def _fault(spec: str) -> Fault:
    try:
        return Fault.parse(spec)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def sandbox_from_arguments(args: argparse.Namespace) -> Sandbox:
    """Build (not start) the sandbox the parsed options describe."""
    return Sandbox(
        seed=args.seed,
        size=args.size,
        faults=args.fault,
        rate_limits=not args.no_rate_limits,
        period_offsets=args.period_offsets,
        host=args.host,
        port=args.port,
    )


def run(
    args: argparse.Namespace,
    *,
    out: TextIO | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Serve until interrupted (Ctrl-C or SIGTERM); print URL and credentials first.

    `out` replaces standard output and setting `stop` ends serving, for callers that
    embed the command. Returns 0 after an interrupt or `stop`. Raises ServeError
    when the address cannot be bound, such as a port in use, so that each command
    prints it in its own format.
    """
    stream = out or sys.stdout
    sandbox = sandbox_from_arguments(args)
    try:
        sandbox.start()
    except OSError as exc:
        address = url_for(args.host, args.port).removeprefix("http://")
        reason = exc.strerror or type(exc).__name__
        raise ServeError(
            f"cannot listen on {address} ({reason}): pick another --port, or "
            "--port 0 for a free one"
        ) from None
    try:
        _announce(sandbox, stream, url_only=args.print_url)
        (stop or threading.Event()).wait()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return 0


def _announce(sandbox: Sandbox, stream: TextIO, *, url_only: bool) -> None:
    if url_only:
        print(sandbox.url, file=stream, flush=True)
        return
    full = sandbox.credentials
    employees = len(sandbox.company.employees)
    lines = [
        f"Personio sandbox on {sandbox.url} ({employees} employees)",
        "",
        f"export PERSONIO_BASE_URL={sandbox.url}",
        f"export PERSONIO_CLIENT_ID={full['client_id']}",
        f"export PERSONIO_CLIENT_SECRET={full['client_secret']}",
        "",
        "Other credentials:",
    ]
    for name in ("narrow", "no_absences"):
        pair = sandbox.credentials_for(name)
        lines.append(f"  {name}: {pair['client_id']} / {pair['client_secret']}")
    lines += ["", "Press Ctrl-C to stop."]
    print("\n".join(lines), file=stream, flush=True)
