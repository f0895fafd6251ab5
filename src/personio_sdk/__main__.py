"""Run the `personio` command as `python -m personio_sdk`."""

import sys

from personio_sdk.cli import main

if __name__ == "__main__":
    sys.exit(main())
