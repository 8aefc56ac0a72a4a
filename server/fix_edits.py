"""Fixes as LSP text edits: quick fixes, fix-all, and the fixes a rule makes on request.

Every edit offered leaves valid JSON: a quick fix is checked by parsing the fixed text again
(incrementally) and dropped when it would add a syntax problem; fix-all goes through
`fixer.apply_fixes`, which rejects the fixes that would break the file.
"""

from __future__ import annotations

import logging
from typing import Any, Iterable

from lsprotocol import types

from connector_lint_rules import rules_by_id
from connector_lint_rules._api import Fix, resolve, split_pointer

from .document import Document
from .edits import EditError, apply, text_edits
from .engine import Diagnostic
from .fixer import apply_fixes
from .lsp_diagnostics import ClientFeatures, lsp_range
from .reparse import changed_range, reparse

log = logging.getLogger(__name__)
FIX_ALL_KIND = "source.fixAll.connector-lint"



def applicability(fix: Any) -> str:
    value = fix.applicability
    return value.value if hasattr(value, "value") else str(value)


def fix_title(fix: Any) -> str:
    kind = applicability(fix)
    return fix.title + {"suggestion": " (suggestion)", "unsafe": " (unsafe)"}.get(kind, "")


def _well_formed(doc: Document, fix: Any) -> list[tuple] | None:
    """The text edits of a fix when they are proper ranges of the text that do not overlap."""
    try:
        edits = text_edits(doc, fix)
    except (EditError, ValueError, KeyError, IndexError, TypeError):
        return None
    last = 0
    for start, end, _ in sorted(edits):
        if not last <= start <= end <= len(doc.text):
            return None
        last = end
    return edits


def checked_edits(doc: Document, fix: Any) -> list[tuple] | None:
    """The text edits of one fix, or None when it does not fit the text or would break the JSON."""
    edits = _well_formed(doc, fix)
    if not edits:
        return None
    text = apply(doc.text, edits)
    if text == doc.text:
        return None
    if doc.is_json and len(reparse(doc.parsed, text).problems) > len(doc.parsed.problems):
        return None
    return edits


def text_edits_lsp(doc: Document, edits: Iterable[tuple]) -> list[types.TextEdit]:
    lines = doc.lines
    return [types.TextEdit(range=lsp_range(lines, s, e), new_text=t) for s, e, t in edits]


def workspace_edit(changes: dict[str, tuple[int | None, list[types.TextEdit]]], features: ClientFeatures) -> types.WorkspaceEdit:
    """{uri: (version, edits)} as a WorkspaceEdit, versioned when the client takes document changes."""
    if features.document_changes:
        return types.WorkspaceEdit(document_changes=[
            types.TextDocumentEdit(text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                                   edits=edits) for uri, (version, edits) in changes.items()])
    return types.WorkspaceEdit(changes={uri: edits for uri, (_version, edits) in changes.items()})


def fix_all_edits(doc: Document, fixes: list) -> list[tuple]:
    """Minimal text edits that apply the given fixes in one pass through `fixer.apply_fixes`
    (non-overlapping fixes; any fix that would break the JSON is left out)."""
    rendered = [(fix, edits) for fix in fixes if (edits := _well_formed(doc, fix))]
    try:
        new_text = apply_fixes(doc, [fix for fix, _ in rendered])
    except EditError:  # fixes whose edits touch at a point apply_fixes does not check
        return []
    if new_text == doc.text:
        return []
    chosen, taken = [], []
    for _, edits in rendered:  # the choice apply_fixes makes: whole fixes, first come, no overlap
        if not any(_overlaps(e, t) for e in edits for t in taken):
            chosen += edits
            taken += [(e[0], e[1]) for e in edits]
    try:
        if apply(doc.text, chosen) == new_text:
            return sorted(chosen)
    except EditError:
        pass
    return diff_edits(doc.text, new_text)


def _overlaps(edit: tuple, span: tuple[int, int]) -> bool:
    start, end = edit[0], edit[1]
    return start < span[1] and span[0] < end or (start == end and span[0] <= start <= span[1]) or \
        (span[0] == span[1] and start <= span[0] <= end)


def diff_edits(old: str, new: str) -> list[tuple]:
    """Text edits turning `old` into `new`: the changed lines, found by a line diff."""
    change = changed_range(old, new)
    if change is None:
        return []
    start, old_end, new_end = change
    start = old.rfind("\n", 0, start) + 1  # whole lines from here on
    import difflib

    a = old[start:old_end].splitlines(keepends=True)
    b = new[start:new_end].splitlines(keepends=True)
    if len(a) * len(b) > 4_000_000 and len(a) > 2000:
        return [(start, old_end, new[start:new_end])]
    edits, offset_a = [], [start]
    for line in a:
        offset_a.append(offset_a[-1] + len(line))
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            edits.append((offset_a[i1], offset_a[i2], "".join(b[j1:j2])))
    return edits


def safe_fixes(diagnostics: Iterable[Diagnostic], rule: str | None = None) -> list:
    """The safe fixes of a file's diagnostics that edit that file (fix all works file by file; a
    fix of another file of the connector is offered as its diagnostic's quick fix)."""
    return [fix for d in diagnostics if rule is None or d.rule == rule
            for fix in d.fixes[:1] if applicability(fix) == "safe" and getattr(fix, "file", None) is None]



def finding_word(doc: Document, d: Diagnostic) -> str | None:
    """The word a diagnostic of a `dictionary_words` rule is about: its finding's span of the string."""
    finding = d.finding
    rule = rules_by_id().get(d.rule)
    if rule is None or not rule.dictionary_words or finding is None or finding.span is None or finding.pointer is None or not doc.is_json:
        return None
    value = resolve(doc.value, finding.pointer)
    start, end = finding.span
    if not isinstance(value, str) or not 0 <= start < end <= len(value):
        return None
    return value[start:end]


def suggested_fixes(doc: Document, d: Diagnostic) -> list[Fix]:
    """The fixes a rule makes only on request (its `suggest` hook) for one of its diagnostics."""
    rule = rules_by_id().get(d.rule)
    finding = d.finding
    if rule is None or rule.suggest is None or finding is None or d.fixes or not doc.is_json:
        return []
    value = resolve(doc.value, finding.pointer)
    try:
        return list(rule.suggest(finding, value))
    except Exception:  # noqa: BLE001 - a failing suggester costs its suggestions, not the code actions
        log.exception("%s: suggest failed", d.rule)
        return []


def pointer_in(pointer: str, parts: list[str]) -> bool:
    try:
        return split_pointer(pointer)[: len(parts)] == parts
    except ValueError:
        return False
