"""The generated tables of docs/absence-kinds.md match the rules in the code."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest
from docs_paths import DOCS_DIR

from personio_sdk.models.kinds import CATEGORY_KINDS, NAME_RULES, NameRule


def _load_renderer() -> ModuleType:
    path = DOCS_DIR / "hooks" / "kinds_table.py"
    spec = importlib.util.spec_from_file_location("kinds_table", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


renderer = _load_renderer()
PAGE_TEXT = (DOCS_DIR / "absence-kinds.md").read_text(encoding="utf-8")


def test_kinds_page_matches_the_rules() -> None:
    # On failure run `python docs/hooks/kinds_table.py` and commit the page.
    assert renderer.generated_region(PAGE_TEXT) == renderer.render()


@pytest.mark.parametrize("category", sorted(CATEGORY_KINDS))
def test_kinds_table_lists_category(category: str) -> None:
    kind = CATEGORY_KINDS[category].value
    assert f"| `{category}` | `{kind}` |" in renderer.render_categories()


@pytest.mark.parametrize("rule", NAME_RULES, ids=[rule.name for rule in NAME_RULES])
def test_kinds_table_lists_rule_patterns(rule: NameRule) -> None:
    table = renderer.render_name_rules()
    row = next(line for line in table.splitlines() if f"| {rule.name} |" in line)
    for pattern in rule.patterns:
        assert f"`{pattern}`" in row


def test_kinds_table_rules_keep_their_order() -> None:
    rows = renderer.render_name_rules().splitlines()[2:]
    assert [row.split(" | ")[1] for row in rows] == [rule.name for rule in NAME_RULES]


def test_kinds_update_replaces_only_the_region() -> None:
    page = f"intro\n{renderer.BEGIN}\nstale\n{renderer.END}\noutro\n"
    updated = renderer.update(page)
    assert (
        updated
        == f"intro\n{renderer.BEGIN}\n\n{renderer.render()}\n\n{renderer.END}\noutro\n"
    )


def test_kinds_region_without_markers_raises() -> None:
    with pytest.raises(ValueError, match="lacks the markers"):
        renderer.generated_region("no markers here")
