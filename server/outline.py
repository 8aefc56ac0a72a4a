"""What is where in a connector file: the outline (document symbols), the key under the cursor,
and the hover text there (the rule pages of the diagnostics, what an x-ms-* key does)."""

from __future__ import annotations

from lsprotocol import types

from connector_lint_rules._api import pointer
from connector_lint_rules._openapi import METHODS

from .document import Document
from .lsp_diagnostics import FileView, lsp_range

_KINDS = {"paths": types.SymbolKind.Namespace, "definitions": types.SymbolKind.Struct,
          "parameters": types.SymbolKind.Variable, "responses": types.SymbolKind.Interface,
          "securityDefinitions": types.SymbolKind.Key, "info": types.SymbolKind.Module}


def key_at(doc: Document, offset: int) -> tuple[str, str, tuple[int, int]] | None:
    """(key, pointer, (key start, key end)) of the object member whose key is at `offset`."""
    found = member_at(doc, offset)
    if found is None or not found[3]:
        return None
    key, ptr, member, _ = found
    return key, ptr, (member[0], member[1])


def member_at(doc: Document, offset: int) -> tuple[str, str, tuple, bool] | None:
    """(key, pointer, span, on the key) of the innermost member whose key or scalar value is at
    `offset` (an array item has no key)."""
    if not doc.is_json:
        return None
    index = doc.parsed.index
    span, ptr = index.root, ""
    while True:
        members = index.children(span)
        if members is None:
            return None
        items = members.items() if isinstance(members, dict) else enumerate(members)
        for key, member in items:
            if member[0] <= offset <= member[1] and member[0] >= 0:
                return str(key), ptr + pointer(key), member, True
            if member[2] <= offset <= member[3]:
                if member[2] < offset < member[3] and doc.text[member[2]] in "{[":
                    span, ptr = member, ptr + pointer(key)
                    break
                if offset < member[3] or doc.text[member[2]] not in "{[":
                    return str(key), ptr + pointer(key), member, False
        else:
            return None


def symbols(doc: Document, hierarchical: bool, uri: str) -> list:
    """The outline of a swagger: its top-level sections, each path with its operations, each definition."""
    if not doc.is_json or not isinstance(doc.value, dict):
        return []
    index, lines, value = doc.parsed.index, doc.lines, doc.value
    root = index.children(index.root)
    if not isinstance(root, dict):
        return []
    out = []
    for key, span in root.items():
        children = []
        section = value.get(key)
        members = index.children(span) if isinstance(section, dict) else None
        if key == "paths" and isinstance(members, dict):
            for path, path_span in members.items():
                ops = index.children(path_span)
                item = section.get(path)
                methods = []
                if isinstance(ops, dict) and isinstance(item, dict):
                    for method, op_span in ops.items():
                        op = item.get(method)
                        if method in METHODS and isinstance(op, dict):
                            detail = op.get("summary") or op.get("operationId")
                            methods.append(_symbol(method.upper(), types.SymbolKind.Method, op_span, lines,
                                                   detail if isinstance(detail, str) else None))
                children.append(_symbol(path, types.SymbolKind.Namespace, path_span, lines, None, methods))
        elif key in ("definitions", "parameters", "responses", "securityDefinitions") and isinstance(members, dict):
            kind = {"definitions": types.SymbolKind.Class}.get(key, types.SymbolKind.Field)
            children = [_symbol(name, kind, s, lines, None) for name, s in members.items()]
        out.append(_symbol(key, _KINDS.get(key, types.SymbolKind.Property), span, lines, None, children))
    return out if hierarchical else _flatten(out, uri)


def _symbol(name: str, kind, span, lines, detail, children=None) -> types.DocumentSymbol:
    key_start = span[0] if span[0] >= 0 else span[2]
    selection = (key_start, span[1]) if span[0] >= 0 else (span[2], span[2] + 1)
    return types.DocumentSymbol(name=name or "(empty)", kind=kind, range=lsp_range(lines, key_start, span[3]),
                                selection_range=lsp_range(lines, *selection), detail=detail,
                                children=children or None)


def _flatten(symbols: list, uri: str, container: str | None = None) -> list[types.SymbolInformation]:
    out = []
    for s in symbols:
        out.append(types.SymbolInformation(name=s.name, kind=s.kind, location=types.Location(uri=uri, range=s.range),
                                           container_name=container))
        out += _flatten(s.children or [], uri, s.name)
    return out


def hover_at(view: FileView, offset: int, markdown: bool = True) -> types.Hover | None:
    """The pages of the rules whose diagnostics cover `offset`, and the help of an x-ms-* key there."""
    from connector_lint_rules import rules_by_id

    from .docs import page
    from .extensions_help import hover_markdown

    from .incremental import too_large

    parts, start, end = [], None, None
    rules = rules_by_id()
    for d in view.at(offset):
        if any(p.startswith(f"**{d.rule}**") for p in parts):
            continue
        start = d.start if start is None else min(start, d.start)
        end = d.end if end is None else max(end, d.end)
        rule = rules.get(d.rule)
        parts.append(f"**{d.rule}**: {d.message}\n\n" + (page(rule) if rule is not None else ""))
    found = key_at(view.doc, offset) if not too_large(view.doc.text) else None
    text = hover_markdown(found[0]) if found is not None else None
    if text:
        parts.insert(0, text)
        start, end = found[2]
    if not parts:
        return None
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(contents=types.MarkupContent(kind=kind, value="\n\n---\n\n".join(parts)),
                       range=lsp_range(view.doc.lines, start, end))
