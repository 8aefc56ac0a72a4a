"""Engine diagnostics and fixes as LSP objects: diagnostics, quick fixes, fix-all, configuration edits.

Every edit offered leaves valid JSON: a quick fix is checked by parsing the fixed text again
(incrementally) and dropped when it would add a syntax problem; fix-all goes through
`fixer.apply_fixes`, which rejects the fixes that would break the file.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from lsprotocol import types
from pygls.protocol import default_converter

from connector_lint_rules import rules_by_id
from connector_lint_rules._api import Fix, FileKind, InsertItem, InsertKey, Severity, resolve, split_pointer

from .document import Document
from .edits import EditError, apply, text_edits
from .engine import Diagnostic
from .fixer import apply_fixes
from .positions import LineIndex
from .reparse import changed_range, reparse

log = logging.getLogger(__name__)
SOURCE = "connector-lint"
_CONVERTER = default_converter()
FIX_ALL_KIND = "source.fixAll.connector-lint"
SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
            Severity.INFORMATION: types.DiagnosticSeverity.Information, Severity.HINT: types.DiagnosticSeverity.Hint}


@dataclass
class ClientFeatures:
    """What the client said it supports, as plain flags."""

    related_information: bool = True
    code_description: bool = True
    data: bool = True
    document_changes: bool = False
    create_files: bool = False
    is_preferred: bool = True
    resolve_edit: bool = False
    markdown: bool = True
    hierarchical_symbols: bool = True
    snippets: bool = False  # completion items may be snippets

    @classmethod
    def of(cls, caps: types.ClientCapabilities | None) -> "ClientFeatures":
        td = caps.text_document if caps else None
        ws = caps.workspace if caps else None
        pub = td.publish_diagnostics if td else None
        action = td.code_action if td else None
        resolve_props = action.resolve_support.properties if action and action.resolve_support else []
        hover = td.hover if td else None
        symbols = td.document_symbol if td else None
        return cls(
            related_information=bool(pub.related_information) if pub else True,
            code_description=bool(pub.code_description_support) if pub else True,
            data=bool(pub.data_support) if pub else True,
            document_changes=bool(ws and ws.workspace_edit and ws.workspace_edit.document_changes),
            create_files=bool(ws and ws.workspace_edit and ws.workspace_edit.document_changes
                              and types.ResourceOperationKind.Create in (ws.workspace_edit.resource_operations or [])),
            is_preferred=bool(action.is_preferred_support) if action else True,
            resolve_edit="edit" in (resolve_props or []),
            markdown=not (hover and hover.content_format) or types.MarkupKind.Markdown in hover.content_format,
            hierarchical_symbols=bool(symbols.hierarchical_document_symbol_support) if symbols else True,
            snippets=bool(td and td.completion and td.completion.completion_item
                          and td.completion.completion_item.snippet_support),
        )


@dataclass
class FileView:
    """One file of a lint result, as the client sees it."""

    uri: str
    version: int | None
    doc: Document
    diagnostics: list[Diagnostic]  # the engine's, in order
    wire: list[dict] = field(default_factory=list)  # the LSP diagnostics as JSON (see `to_lsp`)
    generation: int = 0

    @cached_property
    def lsp(self) -> list[types.Diagnostic]:
        """The LSP diagnostics as lsprotocol objects, made when a request needs them (code actions,
        pull diagnostics); publishing sends `wire` as it is."""
        return lsp_objects(self.wire)

    @cached_property
    def by_id(self) -> dict[str, Diagnostic]:
        return dict(zip(diagnostic_ids(self.diagnostics), self.diagnostics))

    def at(self, offset: int) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.start <= offset <= d.end]


def position(lines: LineIndex, offset: int) -> types.Position:
    line, character = lines.position(offset)
    return types.Position(line=line, character=character)


def lsp_range(lines: LineIndex, start: int, end: int) -> types.Range:
    return types.Range(start=position(lines, start), end=position(lines, end))


@lru_cache(maxsize=None)
def rule_href(rule_id: str) -> str | None:
    from .docs import rule_url

    try:
        return rule_url(rule_id)
    except OSError:
        return None


def to_lsp(view: FileView, features: ClientFeatures, uri_of: Callable[[str], str],
           lines_of: Callable[[str], LineIndex | None], cache: dict | None = None) -> tuple[list[dict], dict]:
    """The LSP diagnostics of one file as JSON, and the cache for the next call: a diagnostic that
    looks the same as last time (same rule, message, place, ...) is the same dict, not built again.
    (JSON, not lsprotocol objects: building and serialising ~800 of those for the largest swagger
    takes over 100 ms.)"""
    lines = view.doc.lines
    cache = cache or {}
    out, kept = [], {}
    for d, ident in zip(view.diagnostics, diagnostic_ids(view.diagnostics)):
        (l1, c1), (l2, c2) = lines.position(d.start), lines.position(d.end)
        related = ()
        if features.related_information and d.related:
            related = tuple((uri_of(path), other.position(start), other.position(end), message)
                            for path, start, end, message in d.related if (other := lines_of(path)) is not None)
        key = (d.rule, d.severity, d.message, l1, c1, l2, c2, d.pointer, d.validator_code, d.fixable, related, ident,
               d.value_path, d.policy_code)
        item = cache.get(key) or kept.get(key)
        if item is None:
            # A breaking change shows its ValuePath, as the PR pipeline prints it (one change of a
            # shared definition is reported once per operation, at one place).
            message = f"{d.message} ValuePath: {d.value_path}" if d.value_path else d.message
            item = {"range": _range_json(l1, c1, l2, c2), "message": message,
                    "severity": SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning).value,
                    "code": d.rule, "source": SOURCE}
            if features.code_description:
                href = rule_href(d.rule)
                if href:
                    item["codeDescription"] = {"href": href}
            if features.data:
                item["data"] = {"id": ident, "pointer": d.pointer, "validatorCode": d.validator_code,
                                "fixable": d.fixable}
                if d.value_path:
                    item["data"]["valuePath"] = d.value_path
                if d.policy_code:
                    item["data"]["policyCode"] = d.policy_code
            if related:
                item["relatedInformation"] = [{"location": {"uri": uri, "range": _range_json(*a, *b)}, "message": message}
                                              for uri, a, b, message in related]
        kept[key] = item
        out.append(item)
    return out, kept


def lsp_objects(wire: list[dict]) -> list[types.Diagnostic]:
    """Diagnostics given as JSON, as lsprotocol objects."""
    return [_CONVERTER.structure(item, types.Diagnostic) for item in wire]


def signature(wire: list[dict]) -> list:
    """What the user sees of diagnostics (not the data that ties them to one lint)."""
    return [(d["code"], d["range"], d["severity"], d["message"], d.get("relatedInformation")) for d in wire]


def _range_json(l1: int, c1: int, l2: int, c2: int) -> dict:
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


def _range(l1: int, c1: int, l2: int, c2: int) -> types.Range:
    return types.Range(start=types.Position(line=l1, character=c1), end=types.Position(line=l2, character=c2))


def find(view: FileView, client: types.Diagnostic) -> Diagnostic | None:
    """The engine diagnostic behind a diagnostic the client sends back, by the id in its `data`
    (see `diagnostic_ids`); None when it is not ours or that problem is gone."""
    if client.source != SOURCE or not isinstance(client.data, dict):
        return None
    return view.by_id.get(client.data.get("id"))


def diagnostic_ids(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """An id per diagnostic of a file that stays the same from one lint to the next while the
    problem does: its rule, its JSON pointer and which of that rule's findings at that pointer it
    is (a diagnostic without a pointer, a syntax problem, counts among its rule's)."""
    seen: dict[tuple, int] = {}
    ids = []
    for d in diagnostics:
        key = (d.rule, d.pointer)
        n = seen[key] = seen.get(key, -1) + 1
        ids.append(hashlib.blake2b(f"{d.rule}\0{d.pointer}\0{n}".encode("utf-8", "surrogatepass"),
                                   digest_size=8).hexdigest())
    return ids


# ---------------------------------------------------------------------------------------------
# Fixes


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


# ---------------------------------------------------------------------------------------------
# Configuration edits: disable a rule here, add a word, ignore a word in a file


def glob_escape(text: str) -> str:
    """A pointer as a literal pattern for the config's fnmatch-style globs."""
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def config_change_text(path: Path, text: str | None, change: dict) -> str | list[tuple] | None:
    """The change to the configuration file: a whole new text when there is no file, else minimal
    text edits in the file's own style; None when the file is not an object we can edit.

    change: {"ignore": {...entry...}} or {"word": "..."}."""
    if text is None:
        value: dict = {}
        if "ignore" in change:
            value["ignore"] = [change["ignore"]]
        if "word" in change:
            value["words"] = [change["word"]]
        return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    doc = Document(str(path), FileKind.SETTINGS, text)
    root = doc.value
    if not isinstance(root, dict) or doc.parsed.problems:
        return None
    if "ignore" in change:
        key, item = "ignore", change["ignore"]
    else:
        key, item = "words", change["word"]
        if isinstance(root.get("words"), list) and item in root["words"]:
            return []
    if key not in root:
        fix = Fix("config", (InsertKey("", key, [item]),))
    elif isinstance(root[key], list):
        fix = Fix("config", (InsertItem(f"/{key}", item),))
    else:
        return None
    return checked_edits(doc, fix) or None


# ---------------------------------------------------------------------------------------------
# What a rule offers on request


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
