"""`python -m personio_sdk.sandbox`: serve the sandbox until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from personio_sdk.sandbox.cli import add_arguments, run


def main(argv: list[str] | None = None, *, stop: threading.Event | None = None) -> int:
    """Parse options, serve until interrupted or `stop` is set, return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m personio_sdk.sandbox",
        description="Serve a fake Personio v1 API with a demo company on 127.0.0.1.",
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    if stop is None:
        # SIGTERM (from a parent process) stops the server like Ctrl-C does.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
    return run(args, stop=stop)


if __name__ == "__main__":
    sys.exit(main())
