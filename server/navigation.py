"""Go to definition, references, document highlight, rename and the hover of a reference, over the
connector's names (`names.Names`): swagger, apiProperties.json and script.csx together."""

from __future__ import annotations

import json
import re

from lsprotocol import types

from connector_lint_rules._api import FileKind, Operation, escape, pointer, resolve, split_pointer
from connector_lint_rules._extensions import DYNAMIC
from connector_lint_rules._apiprops import CONNECTION_PARAMETER_NAME
from connector_lint_rules._openapi import METHODS, OPERATION_ID_NOT_ALLOWED, parameters, swagger_operations

from .authoring import Snapshot
from .lsp_diagnostics import lsp_range
from .names import SECTION_OF, WHAT, Occurrence, Symbol, place
from .outline import member_at

_ENTRY_NOT_ALLOWED = re.compile(r"[\s/~#\"'\\]")


class Refused(Exception):
    """A rename that cannot be done, with the message the author sees."""


def name_at(snap: Snapshot, uri: str, offset: int) -> tuple[Occurrence, tuple[int, int]] | None:
    kind = snap.kind_of(uri)
    doc = snap.docs.get(kind) if kind is not None else None
    if doc is None:
        return None
    return snap.names.at(kind, doc, offset)


def _location(snap: Snapshot, occ: Occurrence) -> types.Location | None:
    doc = snap.docs.get(occ.file)
    where = place(doc, occ) if doc is not None else None
    if where is None:
        return None
    return types.Location(uri=snap.uris[occ.file], range=lsp_range(doc.lines, *where))


def definition(snap: Snapshot, uri: str, offset: int) -> list[types.Location]:
    found = name_at(snap, uri, offset)
    if found is not None:
        occurrences = snap.names.occurrences(found[0].symbol)
        return [loc for occ in occurrences if occ.declaration and (loc := _location(snap, occ)) is not None]
    return _dynamic_parameter(snap, uri, offset)


def references(snap: Snapshot, uri: str, offset: int, include_declaration: bool) -> list[types.Location]:
    found = name_at(snap, uri, offset)
    if found is None:
        return []
    return [loc for occ in snap.names.occurrences(found[0].symbol)
            if (include_declaration or not occ.declaration) and (loc := _location(snap, occ)) is not None]


def highlights(snap: Snapshot, uri: str, offset: int) -> list[types.DocumentHighlight]:
    found = name_at(snap, uri, offset)
    if found is None:
        return []
    kind = snap.kind_of(uri)
    doc = snap.docs[kind]
    out = []
    for occ in snap.names.occurrences(found[0].symbol):
        where = place(doc, occ) if occ.file is kind else None
        if where is not None:
            out.append(types.DocumentHighlight(
                range=lsp_range(doc.lines, *where),
                kind=types.DocumentHighlightKind.Write if occ.declaration else types.DocumentHighlightKind.Read))
    return out


# ---------------------------------------------------------------------------------------------
# Rename


def prepare_rename(snap: Snapshot, uri: str, offset: int) -> tuple[tuple[int, int], str]:
    """The range of the name under the cursor and the name; Refused when there is none to rename."""
    found = name_at(snap, uri, offset)
    if found is None:
        raise Refused("Only definitions, shared parameters and responses, operationIds and connection parameters "
                      "can be renamed here.")
    occ, where = found
    if not any(o.declaration for o in snap.names.occurrences(occ.symbol)):
        raise Refused(f"The {WHAT[occ.symbol.kind]} '{occ.symbol.name}' is not declared in this connector.")
    return where, occ.symbol.name


def check_new_name(snap: Snapshot, symbol: Symbol, new: str) -> None:
    """Refused when `new` is not a valid name for the symbol or is taken."""
    what = WHAT[symbol.kind]
    if not new:
        raise Refused(f"A {what} needs a name.")
    if symbol.kind == "operation" and OPERATION_ID_NOT_ALLOWED.search(new):
        clean = OPERATION_ID_NOT_ALLOWED.sub("", new)
        raise Refused(f"'{new}' is not a valid operationId: Power Platform sanitizes it to '{clean}'. Use only "
                      "letters, digits and underscores.")
    if symbol.kind == "connection" and not CONNECTION_PARAMETER_NAME.fullmatch(new):
        raise Refused(f"'{new}' is not a valid connection parameter name: use only letters, digits and underscores.")
    if symbol.kind in SECTION_OF and _ENTRY_NOT_ALLOWED.search(new):
        raise Refused(f"'{new}' is not a valid name for a {what}: leave out spaces, quotes, '/', '~' and '#'.")
    if new != symbol.name and new in snap.names.declared(symbol.kind):
        raise Refused(f"There is already a {what} named '{new}'.")


def rename(snap: Snapshot, uri: str, offset: int, new: str, document_changes: bool) -> types.WorkspaceEdit:
    prepare_rename(snap, uri, offset)
    occ, _ = name_at(snap, uri, offset)
    symbol = occ.symbol
    check_new_name(snap, symbol, new)
    edits: dict[FileKind, list[types.TextEdit]] = {}
    for o in snap.names.occurrences(symbol):
        doc = snap.docs.get(o.file)
        where = place(doc, o) if doc is not None else None
        if where is None:
            continue
        text = new
        if o.span is not None and o.pointer.endswith("/$ref"):
            text = escape(new)
        if o.file is not FileKind.SCRIPT:
            text = json.dumps(text, ensure_ascii=False)[1:-1]
        edits.setdefault(o.file, []).append(types.TextEdit(range=lsp_range(doc.lines, *where), new_text=text))
    if document_changes:
        return types.WorkspaceEdit(document_changes=[
            types.TextDocumentEdit(text_document=types.OptionalVersionedTextDocumentIdentifier(
                uri=snap.uris[kind], version=snap.versions.get(kind)), edits=file_edits)
            for kind, file_edits in edits.items()])
    return types.WorkspaceEdit(changes={snap.uris[kind]: file_edits for kind, file_edits in edits.items()})


# ---------------------------------------------------------------------------------------------
# Dynamic parameters: `parameters` of an x-ms-dynamic-* extension


def _dynamic_parameter(snap: Snapshot, uri: str, offset: int) -> list[types.Location]:
    """A key of a dynamic extension's `parameters` goes to the called operation's parameter; a
    `{"parameter": …}` / `{"parameterReference": …}` value to the parameter of the operation it is in."""
    kind = snap.kind_of(uri)
    doc = snap.docs.get(kind) if kind is FileKind.SWAGGER else None
    found = member_at(doc, offset) if doc is not None else None
    if found is None or not isinstance(doc.value, dict):
        return []
    _, ptr, _, on_key = found
    parts = split_pointer(ptr)
    at = _parameters_at(parts)
    if at is None:
        return []
    swagger = doc.value
    if on_key and len(parts) == at + 1:
        extension = resolve(swagger, pointer(*parts[:at - 1]))
        oid = extension.get("operationId") if isinstance(extension, dict) else None
        op = next((["paths", o.path, o.method] for o in swagger_operations(swagger)
                   if o.value.get("operationId") == oid), None) if oid else None
        name = parts[at]
    elif not on_key and len(parts) == at + 2 and parts[-1] in ("parameter", "parameterReference"):
        op = parts[:3] if parts[0] == "paths" and len(parts) > 3 and parts[2] in METHODS else None
        name = resolve(swagger, ptr)
        name = name.split("/")[0] if isinstance(name, str) else None
    else:
        return []
    if op is None or name is None:
        return []
    out = []
    for param_ptr in _parameters_named(swagger, op, name):
        span = doc.member_span(param_ptr)
        if span is not None:
            out.append(types.Location(uri=uri, range=lsp_range(doc.lines, span[2], span[3])))
    return out


def _parameters_at(parts: list[str]) -> int | None:
    """The index just past the `parameters` of a dynamic extension in the pointer parts, or None."""
    for i, part in enumerate(parts[:-1]):
        if part in DYNAMIC and parts[i + 1] == "parameters":
            return i + 2
        if part == "x-ms-dynamic-tree" and i + 2 < len(parts) and parts[i + 2] == "parameters":
            return i + 3
    return None


def _parameters_named(swagger, op_parts: list, name: str) -> list[str]:
    """Pointers of the parameters named `name` of an operation (its own, then its path item's), `$ref`s followed."""
    op, path_item = resolve(swagger, pointer(*op_parts)), resolve(swagger, pointer(*op_parts[:2]))
    if not isinstance(op, dict) or not isinstance(path_item, dict):
        return []
    operation = Operation(pointer(*op_parts), op_parts[1], op_parts[2], op, path_item)
    return [ptr for ptr, param in parameters(swagger, operation) if param.get("name") == name][:1]


# ---------------------------------------------------------------------------------------------
# Hover


def hover_text(snap: Snapshot, uri: str, offset: int) -> tuple[str, tuple[int, int]] | None:
    """Markdown about what the reference under the cursor names, and the reference's range."""
    found = name_at(snap, uri, offset)
    if found is None or found[0].declaration:
        return None
    occ, where = found
    symbol = occ.symbol
    declarations = [o for o in snap.names.occurrences(symbol) if o.declaration]
    if not declarations:
        return f"**{WHAT[symbol.kind]}** `{symbol.name}` is not declared in this connector.", where
    target = declarations[0]
    doc = snap.docs.get(target.file)
    value = resolve(doc.value, target.pointer) if doc is not None else None
    return describe(symbol, target, value, doc.value if doc is not None else None), where


def describe(symbol: Symbol, target: Occurrence, value, root) -> str:
    lines = [f"**{WHAT[symbol.kind]}** `{symbol.name}`"]
    if symbol.kind == "operation":
        parts = split_pointer(target.pointer)
        op = resolve(root, pointer(*parts[:3]))
        lines[0] += f": {parts[2].upper()} `{parts[1]}`"
        value = op
    if not isinstance(value, dict):
        return "\n\n".join(lines)
    for key in ("summary", "x-ms-summary", "title", "description"):
        if isinstance(value.get(key), str) and value[key].strip():
            lines.append(value[key].strip())
            break
    facts = []
    for key in ("in", "type", "format", "required"):
        if key in value and not isinstance(value[key], (dict, list)):
            facts.append(f"{key}: `{json.dumps(value[key]) if not isinstance(value[key], str) else value[key]}`")
    if isinstance(value.get("properties"), dict):
        names = list(value["properties"])
        facts.append("properties: " + ", ".join(f"`{n}`" for n in names[:12]) + (" …" if len(names) > 12 else ""))
    if isinstance(value.get("schema"), dict) and isinstance(value["schema"].get("$ref"), str):
        facts.append(f"schema: `{value['schema']['$ref']}`")
    if isinstance(value.get("parameters"), list):
        names = [p.get("name") or p.get("$ref") for p in value["parameters"] if isinstance(p, dict)]
        facts.append("parameters: " + ", ".join(f"`{n}`" for n in names if isinstance(n, str)))
    ui = value.get("uiDefinition")
    if isinstance(ui, dict) and isinstance(ui.get("displayName"), str):
        facts.append(f"display name: {ui['displayName']}")
    if facts:
        lines.append("\n".join(f"- {f}" for f in facts))
    return "\n\n".join(lines)
