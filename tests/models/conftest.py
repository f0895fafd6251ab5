"""Payload fixtures: shapes of real Personio responses, copied into the test suite."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

PAYLOADS = Path(__file__).parent / "payloads"


@pytest.fixture
def payload() -> Callable[[str], Any]:
    """Return a loader of `payloads/<name>.json`, a fresh copy on each call."""

    def load(name: str) -> Any:
        return json.loads((PAYLOADS / f"{name}.json").read_text(encoding="utf-8"))

    return load
