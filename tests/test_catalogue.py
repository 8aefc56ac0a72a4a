"""The catalogue checks itself: every rule has its metadata, a documented page and a test table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from connector_lint_rules import all_rules
from connector_lint_rules._api import FixAvailability, Rule, Severity

TESTS = Path(__file__).parent / "rules"
SECTIONS = ["## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix"]
RULES = all_rules()


def test_catalogue_is_not_empty():
    assert len(RULES) >= 1


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_metadata(rule: Rule):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.id), "ids are kebab-case"
    assert rule.summary and rule.summary.endswith("."), "a one-line summary ending in a period"
    assert "\n" not in rule.summary
    assert rule.severity in Severity and rule.severity is not Severity.OFF
    assert rule.category in {"syntax", "certification", "structure", "strings", "internal", "breaking"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_docs_have_every_section_in_order(rule: Rule):
    positions = [rule.docs.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), f"missing sections: {[s for s, p in zip(SECTIONS, positions) if p < 0]}"
    assert positions == sorted(positions), "sections out of order"
    if rule.fixable is not FixAvailability.NONE:
        fix_text = rule.docs[rule.docs.find("## Fix"):]
        assert re.search(r"\b(safe|unsafe|suggestion)\b", fix_text, re.I), "the Fix section states the fix's safety"


@pytest.mark.parametrize("rule", [r for r in RULES if r.check is not None], ids=lambda r: r.id)
def test_rule_has_a_test_table(rule: Rule):
    path = TESTS / f"test_{rule.id.replace('-', '_')}.py"
    assert path.is_file(), f"{path} is missing"


def test_rules_never_import_the_server():
    """The wall: rules see JSON values and pointers; text, positions and editors are the server's."""
    offenders = []
    for path in sorted((Path(__file__).parent.parent / "rules").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(from|import)\s+(connector_lint|pygls|lsprotocol)\b(?!_rules)", source, re.M):
            offenders.append(path.name)
    assert offenders == []


def _asserted_codes(path: Path) -> set[str]:
    """Validator codes a rule's test file asserts: `err(..., code="X")` in its table, string
    literals inside `assert` statements, and the keys of a `CODE_CASES` table of one case per code."""
    import ast

    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "err":
            found.update(k.value.value for k in node.keywords if k.arg == "code" and isinstance(k.value, ast.Constant))
        elif isinstance(node, ast.Assert):
            found.update(c.value for c in ast.walk(node.test) if isinstance(c, ast.Constant) and isinstance(c.value, str))
        elif isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "CODE_CASES" for t in node.targets):
            found.update(k.value for k in node.value.keys if isinstance(k, ast.Constant))
    return found


def test_every_validator_code_a_rule_reports_has_an_invalid_case_asserting_it():
    """Each code a rule claims on docs/validator-coverage.md is asserted by an invalid case of that rule."""
    page = Path(__file__).resolve().parents[1] / "docs" / "validator-coverage.md"
    unasserted = set()
    for line in page.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.split("|")[1:-1]]
        code, rule_ids = cells[0].strip("`"), re.findall(r"\[([a-z0-9-]+)\]", cells[2])
        files = [TESTS / f"test_{r.replace('-', '_')}.py" for r in rule_ids]
        if rule_ids and not any(f.is_file() and code in _asserted_codes(f) for f in files):
            unasserted.add(code)
    assert sorted(unasserted) == []


@pytest.mark.parametrize("rule", [r for r in RULES if r.category == "strings"], ids=lambda r: r.id)
def test_string_rule_tables_assert_the_reported_range(rule: Rule):
    """A string rule underlines a word inside a value: its invalid cases say where (line, column, end)."""
    import ast

    path = TESTS / f"test_{rule.id.replace('-', '_')}.py"
    calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "err"]
    assert calls and all(any(k.arg == "range" for k in call.keywords) for call in calls)


@pytest.mark.parametrize("changelog", ["CHANGELOG.md", "vscode-extension/CHANGELOG.md"])
def test_the_changelog_counts_the_rules(changelog):
    text = (Path(__file__).parents[1] / changelog).read_text(encoding="utf-8")
    assert f"{len(RULES)} rules" in text, f"{changelog} should say {len(RULES)} rules"
