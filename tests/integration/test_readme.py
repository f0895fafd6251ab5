"""The README's Python example runs as written against the sandbox."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), re.DOTALL)


def test_readme_has_a_python_example() -> None:
    assert len(python_blocks()) == 1


def test_readme_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(python_blocks()[0], str(README), "exec"), {})  # noqa: S102
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Ciara 37.5"
    assert "vacation 2026-03-09 2026-03-11 2.5" in lines
    assert lines[-1] == "165 125.5"
