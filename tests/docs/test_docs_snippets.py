"""Every Python block and `personio --sandbox` command of the docs runs and passes.

Each page runs in its own interpreter (`docs_runner.py`), in a scratch directory,
with PERSONIO_* variables pointing at a fresh sandbox, so that a page that sets up
logging or environment variables cannot change another page's results.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from docs_paths import DOCS_DIR
from docs_runner import extract_blocks

RUNNER = Path(__file__).with_name("docs_runner.py")
# Seconds one page may take; pages run in well under ten, so this only stops a hang.
PAGE_TIMEOUT = 180


def _runnable(page: Path) -> bool:
    blocks = extract_blocks(page.read_text("utf-8"))
    return any(block.is_python or block.sandbox_command for block in blocks)


PAGES = [page for page in sorted(DOCS_DIR.rglob("*.md")) if _runnable(page)]


def test_docs_have_runnable_pages() -> None:
    # Guards the extraction itself: the guides hold code on most pages.
    assert len(PAGES) >= 12


@pytest.mark.parametrize(
    "page", PAGES, ids=[str(page.relative_to(DOCS_DIR)) for page in PAGES]
)
def test_docs_page_runs(
    page: Path, tmp_path: Path, sandbox_env: dict[str, str]
) -> None:
    completed = subprocess.run(  # noqa: S603 - the interpreter running the tests
        [sys.executable, "-W", "error", str(RUNNER), str(page)],
        cwd=tmp_path,
        env=sandbox_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=PAGE_TIMEOUT,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
