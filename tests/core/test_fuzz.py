"""Property test: whatever an author does to a real connector's text, parsing and linting never
raise, never hang, and every fix keeps the JSON valid."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connector_lint.config import Config
from connector_lint.document import Document
from connector_lint.engine import lint, safe_fixes
from connector_lint.fixer import apply_fixes
from connector_lint.jsonparse import parse
from connector_lint_rules._api import FileKind

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "certified-connectors"


def _seeds() -> list[str]:
    seeds = [(ROOT / "examples" / "contoso-tasks" / "apiDefinition.swagger.json").read_text(encoding="utf-8")]
    # A few small real connectors when the shared corpus is present (the example alone otherwise).
    for name in ("Azure Key Vault", "Bitly", "DocuMotor", "ZohoSign"):
        path = CORPUS / name / "apiDefinition.swagger.json"
        if path.is_file() and path.stat().st_size < 120_000:
            seeds.append(path.read_text(encoding="utf-8", errors="replace"))
    return seeds


SEEDS = _seeds()
PIECES = ['"', "{", "}", "[", "]", ",", ":", "\\", "\t", "\u2003", "\ufeff", "😀", "\n", "null", '"x-ms-summary"', "\\u"]


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        n = len(text)
        a = draw(st.integers(0, n))
        b = min(n, a + draw(st.integers(0, 200)))
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "char"]))
        if op == "delete":
            text = text[:a] + text[b:]
        elif op == "insert":
            text = text[:a] + draw(st.sampled_from(PIECES)) + text[a:]
        elif op == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif op == "swap":
            c = draw(st.integers(0, n))
            text = text[:a] + text[c:c + (b - a)] + text[b:]
        else:
            text = text[:a] + draw(st.characters()) + text[a + 1:]
    return text


@settings(max_examples=80, deadline=3000, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_mutated_connectors_never_break_the_linter(text):
    parsed = parse(text)
    try:
        expected = json.loads(text.lstrip("\ufeff"))
    except (ValueError, RecursionError):
        expected = None
    if expected is not None and not parsed.problems:
        assert parsed.value == expected
    docs = {FileKind.SWAGGER: Document("c/apiDefinition.swagger.json", FileKind.SWAGGER, text)}
    diagnostics = lint(docs, Config())
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text)
        assert d.rule != "internal-error", d.message
    # Applying every safe fix never leaves the JSON worse than it was.
    doc = docs[FileKind.SWAGGER]
    fixed = apply_fixes(doc, [fix for _, fix in safe_fixes(diagnostics)])
    assert len(parse(fixed).problems) <= len(parsed.problems)
