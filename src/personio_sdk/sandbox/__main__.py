"""`python -m personio_sdk.sandbox`: serve the sandbox until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from personio_sdk.sandbox.cli import ServeError, add_arguments, run


def main(argv: list[str] | None = None, *, stop: threading.Event | None = None) -> int:
    """Parse options, serve until interrupted or `stop` is set, return the exit code.

    The code is 0 after an interrupt or `stop`, and 2 for invalid options or an
    address that cannot be bound.
    """
    parser = argparse.ArgumentParser(
        prog="python -m personio_sdk.sandbox",
        description="Serve a fake Personio v1 API with a demo company on 127.0.0.1.",
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    if stop is None:
        # SIGTERM (from a parent process) stops the server like Ctrl-C does.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        return run(args, stop=stop)
    except ServeError as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
