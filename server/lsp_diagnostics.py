"""Engine diagnostics as LSP diagnostics: what the client supports, a file's view of a lint, and
the stable ids that tie a diagnostic the client sends back to the engine's."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Iterable

from lsprotocol import types
from pygls.protocol import default_converter

from connector_lint_rules._api import Severity

from .document import Document
from .engine import Diagnostic
from .positions import LineIndex

SOURCE = "connector-lint"
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
    takes over 100 ms.)

    After an edit inside one line (`textsync.edited_lines`) a diagnostic that is where it was (the
    same object, before the edit) or moved with the text (`engine.moved`, after the edit and on
    another line) keeps its dict without its positions being looked up again."""
    lines = view.doc.lines
    cache = cache or {}
    out, kept = [], {}
    last = cache.get(_LAST)
    reuse = _reuse(last[0], lines) if last is not None and last[1] == features else None
    before = last[2] if reuse is not None else {}
    entries = {}  # id of a diagnostic's finding -> (diagnostic, id, LSP dict, its lines): for the next call
    if reuse is not None:
        edit_start, edit_end, shift, edited_line = reuse
    for d, ident in zip(view.diagnostics, diagnostic_ids(view.diagnostics)):
        finding = d.finding
        if reuse is not None and finding is not None and not d.related:
            entry = before.get(id(finding))
            if entry is not None and entry[1] == ident:
                old = entry[0]
                if old is d:
                    if d.end <= edit_start:  # where it was
                        out.append(entry[2])
                        entries[id(finding)] = entry
                        continue
                elif old.finding is finding and old.start >= edit_end and d.start - old.start == shift \
                        and d.end - old.end == shift and edited_line not in entry[3] and d.rule == old.rule \
                        and d.severity is old.severity and d.message == old.message and d.pointer == old.pointer \
                        and len(d.fixes) == len(old.fixes):  # moved with the text, on a line the edit left alone
                    out.append(entry[2])
                    entries[id(finding)] = (d, ident, entry[2], entry[3])
                    continue
        (l1, c1), (l2, c2) = lines.position(d.start), lines.position(d.end)
        related = ()
        if features.related_information and d.related:
            related = tuple((uri_of(path), other.position(start), other.position(end), message)
                            for path, start, end, message in d.related if (other := lines_of(path)) is not None)
        fixable = bool(d.fixes) and d.fixable  # (most have no fixes: skip the property)
        key = (d.rule, d.severity, d.message, l1, c1, l2, c2, d.pointer, d.validator_code, fixable, related, ident,
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
                                "fixable": fixable}
                if d.value_path:
                    item["data"]["valuePath"] = d.value_path
                if d.policy_code:
                    item["data"]["policyCode"] = d.policy_code
            if related:
                item["relatedInformation"] = [{"location": {"uri": uri, "range": _range_json(*a, *b)}, "message": message}
                                              for uri, a, b, message in related]
        kept[key] = item
        out.append(item)
        if finding is not None and not d.related:
            entries[id(finding)] = (d, ident, item, (l1, l2))
    kept[_LAST] = (lines, features, entries)
    return out, kept


_LAST = object()  # key of the last call's lines and diagnostics in the cache `to_lsp` returns


def _reuse(last: LineIndex, lines: LineIndex) -> tuple[int, int, int, int] | None:
    """(offset up to which positions are unchanged, the old text's end of the edit, how far the text
    after it moved, the edited line) when `lines` is `last` after one edit that neither added nor
    removed a line break; None when positions must all be looked up again."""
    if lines is last:
        return len(lines.text), len(lines.text), 0, -1
    edit = getattr(lines, "edited_from", None)
    if edit is None or edit[0]() is not last:
        return None
    _, start, end, size = edit
    if any(c in last.text[start:end] for c in "\r\n") or any(c in lines.text[start:start + size] for c in "\r\n"):
        return None
    return start, end, size - (end - start), last.line_col(start)[0]


@lru_cache(maxsize=None)
def _converter():
    """Made when first needed (code actions), not at start: making one takes ~20 ms."""
    return default_converter()


def lsp_objects(wire: list[dict]) -> list[types.Diagnostic]:
    """Diagnostics given as JSON, as lsprotocol objects."""
    converter = _converter()
    return [converter.structure(item, types.Diagnostic) for item in wire]


def signature(wire: list[dict]) -> list:
    """What the user sees of diagnostics (not the data that ties them to one lint)."""
    return [(d["code"], d["range"], d["severity"], d["message"], d.get("relatedInformation")) for d in wire]


def _range_json(l1: int, c1: int, l2: int, c2: int) -> dict:
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


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
    known = _IDS
    if len(known) > 200_000:  # places come and go as the author edits
        known.clear()
    for d in diagnostics:
        key = (d.rule, d.pointer)
        n = seen[key] = seen.get(key, -1) + 1
        ident = known.get((d.rule, d.pointer, n))
        if ident is None:
            ident = known[(d.rule, d.pointer, n)] = hashlib.blake2b(
                f"{d.rule}\0{d.pointer}\0{n}".encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
        ids.append(ident)
    return ids


_IDS: dict[tuple, str] = {}  # (rule, pointer, n) -> its id: the same few hundred are asked for on every keystroke
