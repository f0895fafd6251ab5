"""The block extraction of docs_runner, and rules every docs code block follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs_paths import DOCS_DIR
from docs_runner import Block, extract_blocks, normalize, pairs, run_page

# Code blocks are copied into projects formatted with ruff's default width.
MAX_LINE = 88

PAGE = """\
# Title

```python
x = 1
```

```text title="Output"
1
```

Some text.

```python
# needs a real Personio account
client = PersonioClient()
```

!!! note

    ~~~python
    print("indented")
    ~~~

```console
$ personio --sandbox balance 2
Remaining vacation days: 11
```
"""


def test_extract_finds_every_block() -> None:
    languages = [block.language for block in extract_blocks(PAGE)]
    assert languages == ["python", "text", "python", "python", "console"]


def test_extract_reads_title_attribute() -> None:
    output = extract_blocks(PAGE)[1]
    assert output.is_output


def test_extract_removes_fence_indentation() -> None:
    indented = extract_blocks(PAGE)[3]
    assert indented.code == 'print("indented")\n'


def test_extract_records_fence_line() -> None:
    assert extract_blocks(PAGE)[2].line == 13


def test_output_block_pairs_with_previous_python() -> None:
    paired = [
        (block.line, output is not None)
        for block, output in pairs(extract_blocks(PAGE))
    ]
    assert paired == [(3, True), (13, False), (20, False)]


def test_output_block_after_text_does_not_pair() -> None:
    page = '```python\nprint(1)\n```\n\nprose\n\n```text title="Output"\n1\n```\n'
    assert [output for _, output in pairs(extract_blocks(page))] == [None]


def test_real_account_marker_is_detected() -> None:
    assert extract_blocks(PAGE)[2].needs_real_account


def test_file_marker_names_target() -> None:
    block = Block(language="python", code="# file: tests/test_x.py\nx = 1\n", line=1)
    assert block.file_name == "tests/test_x.py"


def test_sandbox_command_is_split() -> None:
    command = extract_blocks(PAGE)[4]
    assert command.sandbox_command == ["personio", "--sandbox", "balance", "2"]


def test_command_without_sandbox_is_not_run() -> None:
    block = Block(
        language="console", code="$ personio connect me@example.com\n", line=1
    )
    assert block.sandbox_command is None


def test_command_output_drops_command_line() -> None:
    assert extract_blocks(PAGE)[4].command_output == "Remaining vacation days: 11"


def test_normalize_ignores_trailing_spaces() -> None:
    assert normalize("a  \nb\n\n") == "a\nb"


def test_run_page_reports_wrong_output(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('```python\nprint(2)\n```\n\n```text title="Output"\n1\n```\n')
    failures = run_page(page, tmp_path).failures
    assert len(failures) == 1
    assert "differs from the Output block" in failures[0]


def test_run_page_stops_after_an_exception(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python\nraise KeyError('x')\n```\n\n```python\nprint(1)\n```\n")
    failures = run_page(page, tmp_path).failures
    assert len(failures) == 1
    assert "KeyError" in failures[0]


def test_run_page_only_compiles_real_account_blocks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "```python\n# needs a real Personio account\nraise SystemExit(1)\n```\n"
    )
    assert run_page(page, tmp_path).failures == []


def test_real_account_block_syntax_checked(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python\n# needs a real Personio account\nif\n```\n")
    assert "invalid syntax" in run_page(page, tmp_path).failures[0]


def test_run_page_writes_file_blocks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python\n# file: pkg/helper.py\nVALUE = 1\n```\n")
    run_page(page, tmp_path)
    assert (tmp_path / "pkg" / "helper.py").read_text().endswith("VALUE = 1\n")


CODE_BLOCKS = [
    (page, block)
    for page in sorted(DOCS_DIR.rglob("*.md"))
    for block in extract_blocks(page.read_text(encoding="utf-8"))
    if block.is_python
]


@pytest.mark.parametrize(
    ("page", "block"),
    CODE_BLOCKS,
    ids=[f"{page.relative_to(DOCS_DIR)}:{block.line}" for page, block in CODE_BLOCKS],
)
def test_docs_python_fits_line_width(page: Path, block: Block) -> None:
    long_lines = [line for line in block.code.splitlines() if len(line) > MAX_LINE]
    assert long_lines == []
