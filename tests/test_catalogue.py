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
