"""Pytest fixtures that start the sandbox; registered as the `personio_sdk` plugin.

- `personio_sandbox` (session scope): one sandbox for the whole run, rate limits off so
  that fast test suites are not throttled. Shared by every test: do not add faults,
  revoke tokens or advance its clock there.
- `personio_sandbox_fresh` (function scope): a new sandbox per test, rate limits off,
  for tests that change its state.
- `personio_sandbox_factory` (function scope): `make(**options)` starts a sandbox with
  any `Sandbox` options (for example `rate_limits=True` or `period_offsets="record"`)
  and stops it after the test.

The sandbox is imported inside the fixtures, so loading the plugin costs nothing for
projects that never use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from personio_sdk.sandbox import Sandbox


@pytest.fixture(scope="session")
def personio_sandbox() -> Iterator[Sandbox]:
    """A running demo sandbox shared by the whole test session (rate limits off)."""
    from personio_sdk.sandbox import Sandbox

    with Sandbox(rate_limits=False) as sandbox:
        yield sandbox


@pytest.fixture
def personio_sandbox_fresh() -> Iterator[Sandbox]:
    """A running demo sandbox of its own for one test (rate limits off)."""
    from personio_sdk.sandbox import Sandbox

    with Sandbox(rate_limits=False) as sandbox:
        yield sandbox


@pytest.fixture
def personio_sandbox_factory() -> Iterator[Callable[..., Sandbox]]:
    """A function that starts sandboxes with options; they stop after the test."""
    from personio_sdk.sandbox import Sandbox

    started: list[Sandbox] = []

    def make(**options: Any) -> Sandbox:
        sandbox = Sandbox(**options).start()
        started.append(sandbox)
        return sandbox

    yield make
    for sandbox in started:
        sandbox.stop()
