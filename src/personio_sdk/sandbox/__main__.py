"""`python -m personio_sdk.sandbox`: serve the sandbox until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys

from personio_sdk.sandbox.cli import add_arguments, run


def main(argv: list[str] | None = None) -> int:
    """Parse options, serve, and return the exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m personio_sdk.sandbox",
        description="Serve a fake Personio v1 API with a demo company on 127.0.0.1.",
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    # SIGTERM (from a parent process) stops the server like Ctrl-C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
