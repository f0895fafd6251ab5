"""Load the sandbox's pytest fixtures after coverage has started.

pyproject.toml disables the installed `personio_sdk` pytest11 entry point for this
project's own runs, because pytest imports entry-point plugins (and so all of
`personio_sdk`) before pytest-cov starts measuring.
"""

pytest_plugins = ["personio_sdk.sandbox.pytest_plugin"]
