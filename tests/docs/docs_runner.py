"""Extract the code blocks of a docs page and run its Python blocks in order.

Run as `python docs_runner.py PAGE.md` in a scratch directory, with PERSONIO_*
variables pointing at a running sandbox. Every ```python block of the page runs in
one namespace, in page order, so later blocks see the names of earlier ones. Three
first lines change what happens to a block:

- `# needs a real Personio account`: the block is only compiled, never run.
- `# file: PATH`: the block is written to PATH (relative to the scratch directory)
  and compiled. When any such file is named `test_*.py`, pytest runs the written
  files after the last block, so test examples are run as the reader would run them.
- A ```text block with `title="Output"` right after a Python block must equal what
  that block printed, so that documented output cannot go stale.

A ```console block whose first line is `$ personio ... --sandbox ...` or
`$ python examples/NAME.py ... --sandbox ...` is run as well: the command starts its
own embedded sandbox, and the rest of the block must equal what it printed (stdout,
then stderr). Console blocks without `--sandbox` are left alone, because they need
a real account or a running server. Trailing spaces at line ends are ignored in
every comparison.

Exit status 0 when every block passed, 1 with a report on stderr otherwise.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REAL_ACCOUNT_MARKER = "# needs a real Personio account"
FILE_MARKER = "# file: "
OUTPUT_TITLE = "Output"
PYTHON_LANGUAGES = frozenset({"python", "py", "python3"})
PROMPT = "$ "
PROGRAMS = frozenset({"personio", "python"})
SANDBOX_OPTION = "--sandbox"

# Seconds the pytest run of a page's test files may take. The sandbox responds in
# milliseconds, so this only stops a hung run.
PYTEST_TIMEOUT = 120
# Seconds one documented command may take, for the same reason.
COMMAND_TIMEOUT = 60

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Block:
    """One fenced code block of a Markdown page."""

    language: str
    code: str
    line: int
    """1-based line number of the opening fence."""
    attributes: dict[str, str] = field(default_factory=dict)
    follows_previous: bool = False
    """True when only blank lines separate this block from the previous block."""

    @property
    def is_python(self) -> bool:
        """True for a block in Python."""
        return self.language in PYTHON_LANGUAGES

    @property
    def first_line(self) -> str:
        """The first non-blank line, stripped."""
        for text in self.code.splitlines():
            if text.strip():
                return text.strip()
        return ""

    @property
    def needs_real_account(self) -> bool:
        """True when the block is marked to run only against a real account."""
        return self.first_line == REAL_ACCOUNT_MARKER

    @property
    def file_name(self) -> str | None:
        """The relative path a `# file:` block is written to, else None."""
        if self.first_line.startswith(FILE_MARKER):
            return self.first_line[len(FILE_MARKER) :].strip()
        return None

    @property
    def sandbox_command(self) -> list[str] | None:
        """The words of a console block's `personio` or `python` command that runs
        against an embedded sandbox, program first; else None."""
        if self.language != "console" or not self.first_line.startswith(PROMPT):
            return None
        words = shlex.split(self.first_line[len(PROMPT) :])
        if not words or words[0] not in PROGRAMS or SANDBOX_OPTION not in words:
            return None
        return words

    @property
    def command_output(self) -> str:
        """The lines of a console block after its command line."""
        lines = self.code.splitlines()
        start = next(i for i, text in enumerate(lines) if text.strip())
        return "\n".join(lines[start + 1 :])

    @property
    def is_output(self) -> bool:
        """True for a text block that shows the output of the block before it."""
        return self.language == "text" and self.attributes.get("title") == OUTPUT_TITLE


def extract_blocks(markdown: str) -> list[Block]:
    """Return the fenced code blocks of `markdown` in page order.

    Fences may be indented (inside admonitions or lists); the indentation of the
    opening fence is removed from every line of the block.
    """
    lines = markdown.splitlines()
    blocks: list[Block] = []
    index = 0
    last_end: int | None = None
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        indent = len(match["indent"])
        fence = match["fence"]
        info = match["info"].strip()
        start = index
        body: list[str] = []
        index += 1
        while index < len(lines) and not _closes(lines[index], fence):
            body.append(_dedent(lines[index], indent))
            index += 1
        language = info.split()[0].lower() if info else ""
        between = lines[last_end + 1 : start] if last_end is not None else None
        blocks.append(
            Block(
                language=language,
                code="\n".join(body) + "\n",
                line=start + 1,
                attributes=dict(_ATTRIBUTE.findall(info)),
                follows_previous=between is not None
                and all(not text.strip() for text in between),
            )
        )
        last_end = index
        index += 1
    return blocks


def _closes(text: str, fence: str) -> bool:
    """Tell whether `text` closes a block opened with `fence` (same character, at
    least as long, nothing else on the line)."""
    stripped = text.strip()
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


def _dedent(text: str, indent: int) -> str:
    removable = len(text) - len(text.lstrip(" \t"))
    return text[min(indent, removable) :]


@dataclass
class PageRun:
    """The result of running one page: failures and the files written."""

    failures: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def pairs(blocks: Sequence[Block]) -> Iterator[tuple[Block, Block | None]]:
    """Yield each Python block with the output block that directly follows it."""
    for position, block in enumerate(blocks):
        if not block.is_python:
            continue
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if following is not None and following.is_output and following.follows_previous:
            yield block, following
        else:
            yield block, None


def run_page(page: Path, workdir: Path) -> PageRun:
    """Run the Python blocks of `page` in order; files go to `workdir`."""
    result = PageRun()
    namespace: dict[str, object] = {"__name__": "__main__"}
    blocks = extract_blocks(page.read_text(encoding="utf-8"))
    for block, output in pairs(blocks):
        where = f"{page.name}:{block.line}"
        try:
            compiled = compile(block.code, where, "exec")
        except SyntaxError:
            result.failures.append(f"{where}: invalid syntax\n{traceback.format_exc()}")
            continue
        if block.needs_real_account:
            continue
        if block.file_name is not None:
            target = workdir / block.file_name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.code, encoding="utf-8")
            result.files.append(target)
            continue
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(compiled, namespace)  # noqa: S102 - running the docs is the test
        except Exception:
            result.failures.append(f"{where}: raised\n{traceback.format_exc()}")
            # Later blocks depend on this one, so their failures would only repeat it.
            break
        if output is not None:
            expected = normalize(output.code)
            actual = normalize(printed.getvalue())
            if actual != expected:
                result.failures.append(
                    f"{where}: printed output differs from the Output block at line "
                    f"{output.line}\n--- documented\n{expected}\n--- printed\n{actual}"
                )
    _close_resources(namespace)
    for block in blocks:
        if block.sandbox_command is not None and not result.failures:
            result.failures.extend(_check_command(page, block))
    tests = [path for path in result.files if path.name.startswith("test_")]
    if tests and not result.failures:
        result.failures.extend(_run_pytest(workdir, tests))
    return result


def normalize(text: str) -> str:
    """Return `text` without trailing spaces on its lines and blank lines at its end."""
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


def _command_argv(page: Path, words: Sequence[str]) -> list[str]:
    """Map a documented command to this interpreter; scripts are found from the
    repository root (the directory of mkdocs.yml)."""
    program, *arguments = words
    if program == "personio":
        return [sys.executable, "-m", "personio_sdk", *arguments]
    root = next(p for p in page.resolve().parents if (p / "mkdocs.yml").exists())
    script, *rest = arguments
    return [sys.executable, str(root / script), *rest]


def _check_command(page: Path, block: Block) -> list[str]:
    """Run a documented sandbox command and compare what it printed."""
    words = block.sandbox_command or []
    completed = subprocess.run(  # noqa: S603 - the interpreter running the tests
        _command_argv(page, words),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    actual = normalize(completed.stdout + completed.stderr)
    expected = normalize(block.command_output)
    if actual == expected:
        return []
    return [
        f"{page.name}:{block.line}: `{shlex.join(words)}` printed other "
        f"output (exit status {completed.returncode})\n--- documented\n{expected}\n"
        f"--- printed\n{actual}"
    ]


def _close_resources(namespace: dict[str, object]) -> None:
    """Close clients and stop sandboxes the page left open."""
    for value in namespace.values():
        close = getattr(value, "close", None) or getattr(value, "stop", None)
        module = type(value).__module__
        if callable(close) and module.startswith("personio_sdk"):
            with contextlib.suppress(Exception):
                close()


def _run_pytest(workdir: Path, tests: Sequence[Path]) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-W",
        "error",
        *(str(path.relative_to(workdir)) for path in tests),
    ]
    completed = subprocess.run(  # noqa: S603 - the interpreter running the tests
        command,
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=PYTEST_TIMEOUT,
        check=False,
    )
    if completed.returncode == 0:
        return []
    return [
        f"pytest on the page's test files exited {completed.returncode}\n"
        f"{completed.stdout}\n{completed.stderr}"
    ]


def main(argv: Sequence[str]) -> int:
    """Run one page given as the only argument; report failures on stderr."""
    if len(argv) != 1:
        print("usage: docs_runner.py PAGE.md", file=sys.stderr)
        return 2
    result = run_page(Path(argv[0]), Path.cwd())
    for failure in result.failures:
        print(failure, file=sys.stderr)
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
