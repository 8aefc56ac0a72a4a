"""Generated documentation stays in step with the rules, and the scaffold produces a working rule."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

from connector_lint.docs import REPO_DOCS, index_page, page, page_path, rule_url
from connector_lint_rules import all_rules

ROOT = Path(__file__).resolve().parents[2]


def test_every_rule_page_is_generated_and_current():
    stale = [rule.id for rule in all_rules()
             if not (REPO_DOCS / f"{rule.id}.md").is_file()
             or (REPO_DOCS / f"{rule.id}.md").read_text(encoding="utf-8") != page(rule)]
    assert not stale, f"regenerate with `python -m connector_lint.docs`: {stale}"
    assert (REPO_DOCS / "README.md").read_text(encoding="utf-8") == index_page()


def test_rule_links_point_at_a_real_page():
    url = rule_url("title-length")
    assert url.startswith("file://") and page_path("title-length").is_file()


def test_scaffold_creates_a_rule_the_registry_and_tester_accept(tmp_path):
    rules_dir, tests_dir = tmp_path / "rules", tmp_path / "tests" / "rules"
    rules_dir.mkdir(parents=True)
    tests_dir.mkdir(parents=True)
    scaffold = importlib.import_module("connector_lint_rules._scaffold")
    old_root = scaffold.ROOT
    scaffold.ROOT = tmp_path
    try:
        created = scaffold.scaffold("demo-rule")
    finally:
        scaffold.ROOT = old_root
    rule_src = created[0].read_text()
    assert 'id="demo-rule"' in rule_src and "## What it does" in rule_src
    compile(rule_src, "demo_rule.py", "exec")
    assert 'rule_table(\n    "demo-rule"' in created[1].read_text()
