"""Fixtures of the docs tests: a sandbox and an environment that points at it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from personio_sdk.sandbox import Sandbox


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    """A fresh demo sandbox, so that no page or example reuses another one's tokens."""
    with Sandbox() as running:
        yield running


@pytest.fixture
def clean_env() -> dict[str, str]:
    """The test process's environment without PERSONIO_* variables."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PERSONIO_")
    }


@pytest.fixture
def sandbox_env(sandbox: Sandbox, clean_env: dict[str, str]) -> dict[str, str]:
    """An environment whose PERSONIO_* variables point at the test's sandbox."""
    return {
        **clean_env,
        "PERSONIO_BASE_URL": sandbox.url,
        "PERSONIO_CLIENT_ID": sandbox.credentials["client_id"],
        "PERSONIO_CLIENT_SECRET": sandbox.credentials["client_secret"],
    }
