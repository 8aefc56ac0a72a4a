"""The connector's names and where each is declared and used: definitions, shared parameters and
responses (`$ref`s), operationIds (the extensions and policy templates that name one, and string
literals of script.csx), connection parameters (`@connectionParameters('…')`).

Occurrences are found per part of the swagger (each entry of paths, definitions, parameters and
responses, and each other top-level value) and kept while the part's value is the same object:
the incremental re-parse keeps every unedited subtree, so after a keystroke only the edited part
is walked again (as the engine does for the rules' PART scope). Occurrences carry JSON pointers;
`place` turns them into text offsets of the file as it is now.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from connector_lint_rules._api import FileKind, pointer, split_pointer
from connector_lint_rules._openapi import COLLECTIONS, path_item_operations

from .document import Document
from .outline import member_at

SECTION_OF = {"definition": "definitions", "parameter": "parameters", "response": "responses"}
KIND_OF = {section: kind for kind, section in SECTION_OF.items()}
WHAT = {"definition": "definition", "parameter": "shared parameter", "response": "shared response",
        "operation": "operationId", "connection": "connection parameter"}
CONNECTION_REF = re.compile(r"""@connectionParameters\(\s*(['"])([^'"\\]*)\1\s*\)""")
_CSX_STRING = re.compile(r'(?<![\\@$])"((?:[^"\\\n]|\\.)*)"')
OPERATION_LISTS = ("x-ms-apimTemplate-operationName",)


class Symbol(NamedTuple):
    kind: str  # definition | parameter | response | operation | connection
    name: str


class Occurrence(NamedTuple):
    symbol: Symbol
    file: FileKind
    pointer: str  # the JSON value (or, when `at_key`, the member) that holds the name
    declaration: bool
    span: tuple | None = None  # decoded offsets of the name inside the string value; None: all of it
    at_key: bool = False  # the name is the member's key (an entry of definitions, parameters...)
    offsets: tuple | None = None  # raw text offsets, for files that are not JSON (script.csx)


class Names:
    """The names of one connector, kept up to date per part of the swagger."""

    def __init__(self) -> None:
        self._parts: dict = {}  # place -> (value, occurrences)
        self._others: dict[FileKind, tuple] = {}  # file -> (value or text, occurrences)
        self._by_symbol: dict[Symbol, list[Occurrence]] | None = None
        self.walked = 0  # parts walked by the last update (bench and tests)

    def update(self, docs: dict[FileKind, Document]) -> None:
        """Bring the occurrences up to date with the connector's files."""
        self.walked = 0
        changed = False
        swagger = docs.get(FileKind.SWAGGER)
        root = swagger.value if swagger is not None and swagger.is_json else None
        now: dict = {}
        if isinstance(root, dict):
            for key, value in root.items():
                places = [((key, entry), v) for entry, v in value.items()] \
                    if key in COLLECTIONS and isinstance(value, dict) else [((key,), value)]
                for place, v in places:
                    old = self._parts.get(place)
                    if old is None or old[0] is not v:
                        old = (v, tuple(_swagger_part(place, v)))
                        self.walked += 1
                        changed = True
                    now[place] = old
        if now.keys() != self._parts.keys():
            changed = True
        self._parts = now
        props = docs.get(FileKind.API_PROPERTIES)
        props_value = props.value if props is not None and props.is_json else None
        if self._remember(FileKind.API_PROPERTIES, props_value, lambda: _api_properties(props_value)):
            changed = True
        script = docs.get(FileKind.SCRIPT)
        script_text = script.text if script is not None else None
        if self._remember(FileKind.SCRIPT, script_text, lambda: ()):  # literals are matched against operationIds
            changed = True
        if changed:
            self._by_symbol = None

    def _remember(self, kind: FileKind, value, walk) -> bool:
        old = self._others.get(kind)
        if old is not None and old[0] is value:
            return False
        self._others[kind] = (value, tuple(walk()) if value is not None else ())
        return True

    def by_symbol(self) -> dict[Symbol, list[Occurrence]]:
        if self._by_symbol is None:
            out: dict[Symbol, list[Occurrence]] = {}
            for _, found in self._parts.values():
                for occ in found:
                    out.setdefault(occ.symbol, []).append(occ)
            for _, found in self._others.values():
                for occ in found:
                    out.setdefault(occ.symbol, []).append(occ)
            script = self._others.get(FileKind.SCRIPT, (None, ()))[0]
            if isinstance(script, str):
                for occ in _script_literals(script, {s.name for s in out if s.kind == "operation"}):
                    out.setdefault(occ.symbol, []).append(occ)
            self._by_symbol = out
        return self._by_symbol

    def occurrences(self, symbol: Symbol) -> list[Occurrence]:
        return self.by_symbol().get(symbol, [])

    def declared(self, kind: str) -> list[str]:
        """The declared names of a kind, in document order."""
        return [s.name for s, occs in self.by_symbol().items() if s.kind == kind and any(o.declaration for o in occs)]

    def at(self, kind: FileKind, doc: Document, offset: int) -> tuple[Occurrence, tuple[int, int]] | None:
        """The occurrence whose name covers `offset` in the file, with its text range."""
        if kind is FileKind.SCRIPT:
            for occs in self.by_symbol().values():
                for occ in occs:
                    if occ.file is kind and occ.offsets[0] <= offset <= occ.offsets[1]:
                        return occ, occ.offsets
            return None
        found = member_at(doc, offset)
        if found is None:
            return None
        _, ptr, _, on_key = found
        for occs in self.by_symbol().values():
            for occ in occs:
                if occ.file is kind and occ.pointer == ptr and occ.at_key == on_key:
                    where = place(doc, occ)
                    if where is not None and where[0] <= offset <= where[1]:
                        return occ, where
        return None


def place(doc: Document, occ: Occurrence) -> tuple[int, int] | None:
    """The text offsets of the name of an occurrence in `doc`, quotes excluded."""
    if occ.offsets is not None:
        return occ.offsets
    span = doc.member_span(occ.pointer)
    if span is None:
        return None
    text = doc.text
    if occ.at_key:
        return (span[0] + 1, span[1] - 1) if span[0] >= 0 else None
    if span[2] >= len(text) or text[span[2]] != '"':
        return None
    value_end = span[3] - 1 if span[3] - span[2] >= 2 and text[span[3] - 1] == '"' else span[3]
    if occ.span is None:
        return span[2] + 1, value_end
    return doc.range_of(occ.pointer, "value", occ.span)


# ---------------------------------------------------------------------------------------------
# Walks


def _swagger_part(place: tuple, value: Any):
    base = pointer(*place)
    if len(place) == 2 and place[0] in KIND_OF:
        yield Occurrence(Symbol(KIND_OF[place[0]], place[1]), FileKind.SWAGGER, base, True, at_key=True)
    if place[0] == "paths" and isinstance(value, dict):
        for op_ptr, op in path_item_operations(base, value):
            if isinstance(op.get("operationId"), str):
                yield Occurrence(Symbol("operation", op["operationId"]), FileKind.SWAGGER, f"{op_ptr}/operationId", True)
    yield from _references(value, base, FileKind.SWAGGER, place[0].startswith("x-ms-"), 0)  # x-ms-capabilities


def _references(value: Any, ptr: str, file: FileKind, in_extension: bool, depth: int):
    """`$ref`s, operationIds named by extensions, and `@connectionParameters('…')` under `value`."""
    if depth > 64:
        return
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            parts = split_pointer(ref[1:])
            if len(parts) == 2 and parts[0] in KIND_OF:
                yield Occurrence(Symbol(KIND_OF[parts[0]], parts[1]), file, f"{ptr}/$ref", False,
                                 (len(parts[0]) + 3, len(ref)))
        oid = value.get("operationId")
        if in_extension and isinstance(oid, str) and not value.get("api"):
            yield Occurrence(Symbol("operation", oid), file, f"{ptr}/operationId", False)
        for key, sub in value.items():
            if isinstance(sub, (dict, list)):
                yield from _references(sub, ptr + pointer(key), file, in_extension or key.startswith("x-ms-"),
                                       depth + 1)
            elif isinstance(sub, str) and "@connectionParameters" in sub:
                yield from _connection_refs(sub, ptr + pointer(key), file)
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            if isinstance(sub, (dict, list)):
                yield from _references(sub, f"{ptr}/{i}", file, in_extension, depth + 1)
            elif isinstance(sub, str) and "@connectionParameters" in sub:
                yield from _connection_refs(sub, f"{ptr}/{i}", file)


def _connection_refs(text: str, ptr: str, file: FileKind):
    for m in CONNECTION_REF.finditer(text):
        yield Occurrence(Symbol("connection", m.group(2)), file, ptr, False, (m.start(2), m.end(2)))


def _api_properties(value: Any):
    props = value.get("properties") if isinstance(value, dict) else None
    if not isinstance(props, dict):
        return
    base = "/properties"
    groups = [(f"{base}/connectionParameters", props.get("connectionParameters"))]
    sets = props.get("connectionParameterSets")
    for i, item in enumerate(sets.get("values") or [] if isinstance(sets, dict) else []):
        if isinstance(item, dict):
            groups.append((f"{base}/connectionParameterSets/values/{i}/parameters", item.get("parameters")))
    for group, params in groups:
        if isinstance(params, dict):
            for name in params:
                yield Occurrence(Symbol("connection", name), FileKind.API_PROPERTIES, group + pointer(name), True,
                                 at_key=True)
    policies = props.get("policyTemplateInstances")
    for i, policy in enumerate(policies if isinstance(policies, list) else []):
        params = policy.get("parameters") if isinstance(policy, dict) else None
        if not isinstance(params, dict):
            continue
        ptr = f"{base}/policyTemplateInstances/{i}/parameters"
        for key in OPERATION_LISTS:
            names = params.get(key)
            if isinstance(names, str):
                yield Occurrence(Symbol("operation", names), FileKind.API_PROPERTIES, ptr + pointer(key), False)
            elif isinstance(names, list):
                for j, name in enumerate(names):
                    if isinstance(name, str):
                        yield Occurrence(Symbol("operation", name), FileKind.API_PROPERTIES,
                                         f"{ptr}{pointer(key)}/{j}", False)
    yield from _references(props, base, FileKind.API_PROPERTIES, False, 0)


def _script_literals(text: str, operation_ids: set):
    """String literals of script.csx that equal an operationId (`Context.OperationId == "…"`)."""
    for m in _CSX_STRING.finditer(text):
        if m.group(1) in operation_ids:
            yield Occurrence(Symbol("operation", m.group(1)), FileKind.SCRIPT, "", False,
                             offsets=(m.start(1), m.end(1)))
