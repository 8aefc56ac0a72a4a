"""The whole shared corpus of certified connectors, as CI would check it (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_report(corpus: Path) -> tuple[int, dict]:
    result = subprocess.run([sys.executable, "-m", "connector_lint", "check", str(corpus), "--format", "json",
                             "--jobs", "2", "--no-progress"], capture_output=True, text=True, timeout=900)
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


def test_every_connector_is_checked(corpus, corpus_report):
    _, report = corpus_report
    folders = [p for p in corpus.iterdir() if p.is_dir()]
    assert report["summary"]["connectors"] == len(folders) == 619
    checked = {Path(f["path"]).parent.name for f in report["files"]}
    assert checked == {p.name for p in folders}


def test_no_rule_crashes_on_any_real_connector(corpus_report):
    _, report = corpus_report
    crashes = [(f["path"], d["message"]) for f in report["files"] for d in f["diagnostics"] if d["rule"] == "internal-error"]
    assert crashes == []


def test_json_syntax_is_reported_at_the_right_line_for_every_broken_file(corpus_report):
    _, report = corpus_report
    broken = 0
    for f in report["files"]:
        path = Path(f["path"])
        if path.suffix != ".json":
            continue
        try:
            json.loads(path.read_text(encoding="utf-8-sig"))
            continue
        except json.JSONDecodeError as exc:
            error = exc
        broken += 1
        syntax = sorted(d["line"] for d in f["diagnostics"]
                        if d["rule"] in ("json-syntax", "control-character", "invalid-whitespace"))
        assert syntax, f"{path}: json.loads fails at line {error.lineno} but nothing was reported"
        first = syntax[0]
        # json.loads stops where it notices; we point at the fault itself: the same line, or the
        # line before for a trailing or missing comma, or an earlier extra bracket for "Extra data".
        assert error.lineno - 1 <= first <= error.lineno or (error.msg == "Extra data" and first <= error.lineno), \
            f"{path}: json.loads line {error.lineno} ({error.msg}), ours {syntax[:5]}"
    assert broken == 14  # 11 swaggers + 3 apiProperties (corpus-census §3)


def test_a_rule_that_informs_on_most_certified_connectors_says_why_it_is_on(corpus_report):
    """Information on most certified connectors buries what matters, unless the page gives the reason
    (a certification or style-guide requirement) in a paragraph that starts "On by default"."""
    from connector_lint_rules import rules_by_id

    _, report = corpus_report
    informed: dict[str, set] = {}
    for f in report["files"]:
        for d in f["diagnostics"]:
            if d["severity"] == "information":
                informed.setdefault(d["rule"], set()).add(Path(f["path"]).parent.name)
    most = {rule for rule, hit in informed.items() if len(hit) > report["summary"]["connectors"] / 2}
    assert most, "expected the style rules to inform on most certified connectors"
    unexplained = [rule for rule in sorted(most) if "\nOn by default" not in rules_by_id()[rule].docs]
    assert unexplained == []
