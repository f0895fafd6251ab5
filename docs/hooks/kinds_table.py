"""Render the absence-kind tables of docs/absence-kinds.md from the SDK's own rules.

The tables between the BEGIN and END markers of the page are generated from
`personio_sdk.models.kinds`: the category table, the name rules in the order they are
tried, and a set of example type names classified by `classify`. Run

    python docs/hooks/kinds_table.py

after changing the rules to rewrite the page. As an MkDocs hook (see mkdocs.yml), the
module checks the page on every build. A stale page logs a warning, so that
`mkdocs build --strict` fails, and tests/docs checks the same.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from personio_sdk.models.kinds import (
    CATEGORY_KINDS,
    NAME_RULES,
    classify,
    counts_as_work,
    is_paid_vacation,
)

PAGE = Path(__file__).resolve().parents[1] / "absence-kinds.md"
PAGE_URI = "absence-kinds.md"
BEGIN = "<!-- BEGIN GENERATED: python docs/hooks/kinds_table.py -->"
END = "<!-- END GENERATED -->"

# Type names as companies write them, with the category Personio sends (None for
# none), classified by the SDK when the page is rendered.
EXAMPLES: tuple[tuple[str, str | None], ...] = (
    ("Urlaub", "paid_vacation"),
    ("Jahresurlaub", None),
    ("Vacation", "offsite_work"),
    ("Unbezahlter Urlaub", None),
    ("Sonderurlaub", "other"),
    ("Bildungsurlaub", "undefined"),
    ("Elternzeit", None),
    ("Kind krank", None),
    ("Krankheit", None),
    ("Sick leave", "sick_leave"),
    ("Feiertag", None),
    ("Bank holiday", "other"),
    ("Home Office", "offsite_work"),
    ("Dienstreise", None),
    ("Außentermin", "offsite_work"),
    ("Arzttermin", "other"),
    ("Streik", "lawful_strike"),
    ("Team event", "custom_absence"),
)

log = logging.getLogger("mkdocs.hooks.kinds_table")


def _code(text: str) -> str:
    return f"`{text}`"


def render_categories() -> str:
    """Render the table of specific categories and their kinds."""
    rows = ["| Personio category | Kind |", "|---|---|"]
    rows += [
        f"| {_code(category)} | {_code(kind.value)} |"
        for category, kind in CATEGORY_KINDS.items()
    ]
    return "\n".join(rows)


def render_name_rules() -> str:
    """Render the word rules over type names, in the order they are tried."""
    rows = [
        "| Order | Rule | Kind | Counts as work | Patterns |",
        "|---|---|---|---|---|",
    ]
    for order, rule in enumerate(NAME_RULES, start=1):
        patterns = ", ".join(_code(pattern) for pattern in rule.patterns)
        kind = _code(rule.kind.value)
        work = _yes(rule.counts_as_work)
        rows.append(f"| {order} | {rule.name} | {kind} | {work} | {patterns} |")
    return "\n".join(rows)


def render_examples() -> str:
    """Render example type names with the kind the SDK gives them."""
    rows = [
        "| Type name | Category | Kind | Counts as work | Paid vacation |",
        "|---|---|---|---|---|",
    ]
    for name, category in EXAMPLES:
        kind = classify(type_id=None, name=name, category=category)
        work = counts_as_work(type_id=None, name=name, category=category)
        paid = is_paid_vacation(name=name, category=category)
        shown = _code(category) if category is not None else "none"
        rows.append(
            f"| {name} | {shown} | {_code(kind.value)} | {_yes(work)} | {_yes(paid)} |"
        )
    return "\n".join(rows)


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def render() -> str:
    """Render everything between the markers, markers excluded."""
    return "\n\n".join(
        [
            "### Categories",
            render_categories(),
            "### Name rules",
            render_name_rules(),
            "### Examples",
            render_examples(),
        ]
    )


def generated_region(markdown: str) -> str:
    """Return the text between the markers of `markdown`, stripped.

    Raises ValueError when the markers are missing.
    """
    try:
        _head, rest = markdown.split(BEGIN, 1)
        body, _tail = rest.split(END, 1)
    except ValueError:
        raise ValueError(
            f"{PAGE_URI} lacks the markers {BEGIN!r} and {END!r}"
        ) from None
    return body.strip()


def update(markdown: str) -> str:
    """Return `markdown` with the region between the markers rendered afresh."""
    generated_region(markdown)
    head, rest = markdown.split(BEGIN, 1)
    _body, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n\n{render()}\n\n{END}{tail}"


def on_page_markdown(markdown: str, *, page: Any, **_: Any) -> str:
    """MkDocs hook: warn when the page's generated tables differ from the code."""
    if page.file.src_uri == PAGE_URI and generated_region(markdown) != render():
        log.warning(
            "The generated tables of %s differ from personio_sdk.models.kinds; "
            "run `python docs/hooks/kinds_table.py` to update them.",
            PAGE_URI,
        )
    return markdown


def main() -> int:
    """Rewrite the tables of the page in place."""
    text = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(update(text), encoding="utf-8")
    print(f"updated {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
