"""The values a swagger describes, as value nodes: every schema object, non-body parameter,
`items` object and response header, each with its pointer, kind and role (request, response or
both), walked once per top-level entry (a path item, or an entry of `parameters`, `responses` or
`definitions`), and the definitions each entry refers to.

In the language server (`ctx.store` is set) an entry's walk is kept between lints (a path item's
while it is the same object, another entry's by content), so an edit re-walks only the entries it
changed and an unchanged entry's nodes are the same objects; the CLI keeps nothing between lints.
Each entry is walked once per lint: the PART-scoped checks take their nodes from the same walks
(`part_nodes`).
"""

from __future__ import annotations

from collections import OrderedDict
from itertools import accumulate, compress
from operator import is_not
from typing import Any, Iterator, NamedTuple

from ._api import escape, keep_recent, pointer, split_pointer
from ._openapi import METHODS, parameter_lists

_CACHE_SIZE = 8192


class Node(NamedTuple):
    """A schema object, a non-body parameter, an `items` object or a response header."""

    pointer: str
    value: dict
    kind: str  # "schema" | "parameter" | "items" | "header"
    role: str | None  # "input" (request), "output" (response or notification), "both", None (unused)
    parent: str | None = None  # pointer of the schema whose `properties` holds this one


def value_nodes(ctx) -> list[Node]:
    """Every value-describing object of the swagger, in document order (paths, #/parameters,
    #/responses, #/definitions). `$ref`s are not followed: a definition is visited once, under
    /definitions, with the role of the operations that use it. A node of an unchanged entry is
    the same object from lint to lint (the walks are kept by content, see `_build_index`)."""
    return ctx.cached("structure.value_nodes", lambda: [node for own, _, _ in _index(ctx) for node in own])


def nodes_with(ctx, *keys: str) -> list[Node]:
    """The value nodes that have one of `keys` (`"kind:header"` selects by kind), in document
    order. Much cheaper than filtering value_nodes for rules that look at a few keys."""
    def select(walk):
        own, _, by_key = walk
        if len(keys) == 1:
            return [own[i] for i in by_key.get(keys[0], ())]
        return [own[i] for i in sorted({i for key in keys for i in by_key.get(key, ())})]

    def build():
        walks = _index(ctx)
        if ctx.store is None:
            return [node for walk in walks for node in select(walk)]
        return _reselect(ctx.per_value(("structure.nodes_with", keys), None, lambda _none: {}), walks, select)

    return ctx.cached(("structure.nodes_with", keys), build)


def _reselect(kept: dict, walks: list, select) -> list:
    """`select(walk)` for each walk, concatenated, remembering the last lint's in `kept`: after an
    edit (an unchanged entry's walk is the same object) only the walks that changed are selected
    from again, and the others' nodes are copied from the last list in runs, at C speed."""
    last = kept.get("last")
    if last is not None and len(last[0]) == len(walks):
        old_walks, old_nodes, old_counts = last
        changed = list(compress(range(len(walks)), map(is_not, walks, old_walks)))
        if len(changed) <= 16:
            starts = list(accumulate(old_counts, initial=0))
            counts = list(old_counts)
            nodes: list = []
            at = 0
            for i in changed:
                nodes += old_nodes[starts[at]:starts[i]]
                found = select(walks[i])
                counts[i] = len(found)
                nodes += found
                at = i + 1
            nodes += old_nodes[starts[at]:]
            kept["last"] = (walks, tuple(nodes), counts)
            return nodes
    selected = [select(walk) for walk in walks]
    nodes = [node for found in selected for node in found]
    kept["last"] = (walks, tuple(nodes), list(map(len, selected)))
    return nodes


def entries(ctx) -> list[tuple[str, str, Any, str]]:
    """(section, name, value, repr) of each top-level entry that holds value nodes: every path
    item, #/parameters, #/responses and #/definitions entry. The repr is the content key the
    caches kept between lints use, computed once per lint; it is None where nothing is kept
    between lints (`ctx.store` is None: the CLI), which then keep nothing, and for a path item
    (its walk is kept while it is the same object: an edit makes a new path item, whose repr
    would be computed only to miss)."""
    def build():
        swagger = ctx.swagger if isinstance(ctx.swagger, dict) else {}
        out = []
        for section in ("paths", "parameters", "responses", "definitions"):
            for name, value in _entries(swagger.get(section)):
                if section != "paths" or not name.startswith("x-"):
                    text = _entry_text(ctx, section, name, value)
                    out.append((section, name, value, text))
        return out
    return ctx.cached("structure.entries", build)


def part_nodes(ctx, section: str, name: str, entry) -> list[Node]:
    """The value nodes of one top-level entry (a path item, or an entry of parameters, responses
    or definitions), for a check per part (the PART scope, `_openapi.parts`), from the walks this
    lint's value-node index makes (or will make): an entry is walked once per lint, not per user.
    Reads nothing but `entry` (the walk is found as the index finds it, `_entry_walk`). A
    definition's nodes have no role here."""
    if section == "paths" and name.startswith("x-"):
        return []
    return _entry_walk(ctx, section, name, _entry_text(ctx, section, name, entry), entry)[0]


def _entry_walk(ctx, section: str, name: str, text, value, role=None):
    """The walk of one entry: kept between lints in the language server (a path item while it
    is the same object, another entry by its content), in this lint's memo in the CLI."""
    if ctx.store is None:
        return _cached_walk(ctx.cached("structure.walks", dict), (section, name, None, role), value)
    if section == "paths":
        return ctx.per_value(("structure.walk", name), value, lambda v: _walk_entry(section, name, v))
    return _cached_walk(_walks, (section, name, text, role), value)


def _entry_text(ctx, section: str, name: str, value):
    """An entry's content key (see `entries`)."""
    if ctx.store is None or section == "paths":
        return None
    return ctx.per_value(("structure.repr", section, name), value, repr)


def entry_responses(section: str, name: str, entry) -> Iterator[tuple[str, Any]]:
    """(pointer, response) of each response object written in one top-level entry: the responses
    of a path item's operations, or a shared response itself. `$ref`s are not followed; a
    response may be any JSON value."""
    base = pointer(section, name)
    if section == "paths" and isinstance(entry, dict) and not name.startswith("x-"):
        for method, op in entry.items():
            if method in METHODS and isinstance(op, dict):
                for code, resp in _entries(op.get("responses")):
                    yield f"{base}/{method}/responses/{escape(code)}", resp
    elif section == "responses":
        yield base, entry


_walks: OrderedDict = OrderedDict()


def _index(ctx):
    return ctx.cached("structure.value_index", lambda: _build_index(ctx))


def _build_index(ctx):
    """The per-entry walks, (nodes, definitions referred to, positions of the nodes by key) for
    each entry, in document order. Walks are cached by content, so an edit re-walks only what
    changed and an unchanged entry's walk is the same object. A definition is walked with the
    role of the operations that reach it, found from the entries' `$ref`s before walking it."""
    roots: dict[str, set] = {"input": set(), "output": set()}
    refs: dict[str, set] = {}
    all_entries = entries(ctx)
    for section, name, value, text in all_entries:
        if section == "definitions":
            refs[name] = _cached_refs(text, value)
            continue
        walk = _entry_walk(ctx, section, name, text, value)
        roots["input"] |= walk[1]["input"]
        roots["output"] |= walk[1]["output"]
    roles = _definition_roles(refs, roots, refs)
    return [_entry_walk(ctx, section, name, text, value, roles.get(name) if section == "definitions" else None)
            for section, name, value, text in all_entries]


_refs: OrderedDict = OrderedDict()


def _cached_refs(text: str, value) -> frozenset:
    """`definition_refs(value)`, remembered by the entry's content (`text`, its repr; None:
    not remembered)."""
    if text is None:
        return definition_refs(value)
    found = _refs.get(text)
    if found is None:
        found = _refs[text] = definition_refs(value)
    keep_recent(_refs, text, _CACHE_SIZE)
    return found


def definition_refs(value) -> frozenset:
    """The names of the definitions that `$ref`s anywhere in `value` point to."""
    names = set()
    stack = [value]
    push, pop = stack.append, stack.pop
    while stack:
        node = pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref is not None:
                name = definition_name(ref)
                if name is not None:
                    names.add(name)
            for member in node.values():
                if isinstance(member, (dict, list)):
                    push(member)
        elif isinstance(node, list):
            for member in node:
                if isinstance(member, (dict, list)):
                    push(member)
    return frozenset(names)


def _cached_walk(walks: dict, key, value):
    """The walk of one entry, key (section, name, content key, role), kept in `walks`. A
    definition with a role is its walk without one, its nodes copied with the role."""
    walk = walks.get(key)
    if walk is None:
        section, name, text, role = key
        if role is None:
            walk = _walk_entry(section, name, value)
        else:
            nodes, roots, keys = _cached_walk(walks, (section, name, text, None), value)
            walk = ([_new(Node, (n[0], n[1], n[2], role, n[4])) for n in nodes], roots, keys)
        walks[key] = walk
    if walks is _walks:
        keep_recent(_walks, key, _CACHE_SIZE)
    return walk


_new = tuple.__new__  # a Node without NamedTuple's Python-level __new__
_SCHEMA_MEMBERS = ("items", "additionalProperties")
_KIND_KEYS = {kind: "kind:" + kind for kind in ("schema", "parameter", "items", "header")}


def _walk_entry(section: str, name: str, entry):
    """(value nodes of one top-level entry, the definitions its requests ("input") and responses
    ("output") refer to, an index of the nodes by key). A definition's nodes have no role (see
    `_cached_walk`). The walkers are module-level functions given the output list: local
    closures that call themselves would make reference cycles, left to the garbage collector."""
    out: list[Node] = []
    roots: dict[str, set] = {"input": set(), "output": set()}
    base = pointer(section, name)
    if section == "paths" and isinstance(entry, dict):
        lists = {holder: params for holder, _, params in parameter_lists(base, entry)}
        _walk_parameters(out, roots, base, lists.get(base, ()))
        content = entry.get("x-ms-notification-content")
        if isinstance(content, dict) and isinstance(content.get("schema"), dict):
            _walk_schema(out, roots, f"{base}/x-ms-notification-content/schema", content["schema"], "output")
        for method, op in entry.items():
            if method in METHODS and isinstance(op, dict):
                holder = f"{base}/{method}"
                _walk_parameters(out, roots, holder, lists.get(holder, ()))
                for code, resp in _entries(op.get("responses")):
                    _walk_response(out, roots, f"{base}/{method}/responses/{escape(code)}", resp)
    elif section == "parameters":
        _walk_parameter(out, roots, base, entry)
    elif section == "responses":
        _walk_response(out, roots, base, entry)
    elif section == "definitions" and isinstance(entry, dict):
        _walk_schema(out, roots, base, entry, None)
    keys: dict[str, list[int]] = {}
    for i, node in enumerate(out):
        for key in (_KIND_KEYS[node[2]], *node[1]):
            positions = keys.get(key)
            if positions is None:
                keys[key] = [i]
            else:
                positions.append(i)
    return out, roots, keys


def _walk_schema(out: list, roots: dict, ptr: str, value: dict, role, parent=None, depth=0):
    """A schema object's node and its members' (walked to depth 64), appended to `out`; the
    definitions it refers to added to `roots[role]`."""
    out.append(_new(Node, (ptr, value, "schema", role, parent)))
    if role is not None and "$ref" in value:
        ref = definition_name(value["$ref"])
        if ref is not None:
            roots[role].add(ref)
    if depth >= 64:
        return
    depth += 1
    sub = value.get("properties")
    if isinstance(sub, dict):
        for prop, member in sub.items():
            if isinstance(member, dict):
                _walk_schema(out, roots, f"{ptr}/properties/{escape(prop)}", member, role, ptr, depth)
    for key in _SCHEMA_MEMBERS:
        sub = value.get(key)
        if isinstance(sub, dict):
            _walk_schema(out, roots, f"{ptr}/{key}", sub, role, None, depth)
    sub = value.get("allOf")
    if isinstance(sub, list):
        for i, member in enumerate(sub):
            if isinstance(member, dict):
                _walk_schema(out, roots, f"{ptr}/allOf/{i}", member, role, None, depth)


def _walk_items(out: list, ptr: str, value, role):
    for _ in range(16):
        if not isinstance(value, dict):
            return
        out.append(_new(Node, (ptr, value, "items", role, None)))
        ptr += "/items"
        value = value.get("items")


def _walk_parameters(out: list, roots: dict, holder: str, params):
    for i, param in enumerate(params):
        _walk_parameter(out, roots, f"{holder}/parameters/{i}", param)


def _walk_parameter(out: list, roots: dict, ptr: str, value, role="input"):
    if not isinstance(value, dict) or "$ref" in value:
        return
    if value.get("in") == "body":
        if isinstance(value.get("schema"), dict):
            _walk_schema(out, roots, ptr + "/schema", value["schema"], role)
    else:
        out.append(_new(Node, (ptr, value, "parameter", role, None)))
        _walk_items(out, ptr + "/items", value.get("items"), role)


def _walk_response(out: list, roots: dict, ptr: str, value):
    if not isinstance(value, dict) or "$ref" in value:
        return
    if isinstance(value.get("schema"), dict):
        _walk_schema(out, roots, ptr + "/schema", value["schema"], "output")
    for header_name, header in _entries(value.get("headers")):
        if isinstance(header, dict):
            hptr = f"{ptr}/headers/{escape(header_name)}"
            out.append(_new(Node, (hptr, header, "header", "output", None)))
            _walk_items(out, hptr + "/items", header.get("items"), "output")


def _definition_roles(definitions, roots: dict[str, set], refs: dict[str, set]) -> dict[str, str]:
    roles: dict[str, str] = {}
    for role in ("input", "output"):
        todo, seen = list(roots[role]), set()
        while todo:
            name = todo.pop()
            if name in seen or name not in definitions:
                continue
            seen.add(name)
            roles[name] = role if roles.get(name) in (None, role) else "both"
            todo.extend(refs.get(name, ()))
    return roles


def definition_name(ref) -> str | None:
    """The name of the definition a `$ref` points to (`#/definitions/NAME`, unescaped), or None
    for any other value."""
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        name = ref[14:]
        if "/" in name:
            return None  # a pointer into a definition
        return split_pointer("/" + name)[0] if "~" in name else name
    return None


def _entries(value):
    return value.items() if isinstance(value, dict) else ()
