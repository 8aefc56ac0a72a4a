"""The walks the structural rules share over the x-ms-* extensions: operations by operationId,
effective parameters, the extensions that call other operations, and property paths into response
schemas. (The known keys and "did you mean" are in _known_keys.)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ._api import escape, resolve
from ._openapi import follow_ref, operations, parameter_lists, parameters
from ._value_nodes import nodes_with


# ---------------------------------------------------------------------------------------------
# Operations, their parameters and the extensions that call other operations


class Call(NamedTuple):
    """An extension that calls an operation of this connector by operationId."""

    pointer: str  # the object that holds "operationId"
    kind: str  # x-ms-dynamic-values | -list | -schema | -properties | x-ms-dynamic-tree/open | .../browse |
    #            x-ms-notification | testConnection | file-picker/open | file-picker/browse | simulate |
    #            replacement | x-ms-openai-data
    value: dict  # the extension object (for x-ms-dynamic-tree: its open/browse part)
    node: str | None  # pointer of the parameter or schema property the extension belongs to


DYNAMIC = ("x-ms-dynamic-values", "x-ms-dynamic-list", "x-ms-dynamic-schema", "x-ms-dynamic-properties")


def operation_index(ctx) -> dict:
    """operationId -> the first operation that declares it."""
    def build():
        index = {}
        for op in operations(ctx):
            oid = op.value.get("operationId")
            if isinstance(oid, str) and oid not in index:
                index[oid] = op
        return index
    return ctx.cached("structure.operation_index", build)


def calls(ctx) -> list[Call]:
    """Every extension that names an operation by operationId, computed once per lint."""
    return ctx.cached("structure.calls", lambda: list(_calls(ctx)))


def _calls(ctx):
    swagger = ctx.swagger if isinstance(ctx.swagger, dict) else {}
    for node in nodes_with(ctx, *DYNAMIC, "x-ms-dynamic-tree"):
        holder = node.value
        for key in DYNAMIC:
            if isinstance(holder.get(key), dict):
                yield Call(f"{node.pointer}/{key}", key, holder[key], node.pointer)
        tree = holder.get("x-ms-dynamic-tree")
        if isinstance(tree, dict):
            for part in ("open", "browse"):
                if isinstance(tree.get(part), dict):
                    yield Call(f"{node.pointer}/x-ms-dynamic-tree/{part}", f"x-ms-dynamic-tree/{part}", tree[part],
                               node.pointer)
    for ptr, param in all_parameters(ctx):  # dynamic extensions misplaced on a body parameter itself
        for key in DYNAMIC:
            if param.get("in") == "body" and isinstance(param.get(key), dict):
                yield Call(f"{ptr}/{key}", key, param[key], ptr)
    for op in operations(ctx):
        value = op.value
        for key, kind, sub in (("x-ms-notification", "x-ms-notification", None),
                               ("x-ms-operation-context", "simulate", "simulate"),
                               ("x-ms-api-annotation", "replacement", "replacement")):
            part = value.get(key)
            if isinstance(part, dict) and sub is not None:
                part = part.get(sub)
            if isinstance(part, dict):
                yield Call(f"{op.pointer}/{key}" + (f"/{sub}" if sub else ""), kind, part, None)
        openai = value.get("x-ms-openai-data")
        if isinstance(openai, dict) and isinstance(openai.get("operations"), list):
            for i, item in enumerate(openai["operations"]):
                if isinstance(item, dict):
                    yield Call(f"{op.pointer}/x-ms-openai-data/operations/{i}", "x-ms-openai-data", item, None)
    capabilities = swagger.get("x-ms-capabilities")
    if isinstance(capabilities, dict):
        if isinstance(capabilities.get("testConnection"), dict):
            yield Call("/x-ms-capabilities/testConnection", "testConnection", capabilities["testConnection"], None)
        picker = capabilities.get("file-picker")
        if isinstance(picker, dict):
            for part in ("open", "browse"):
                if isinstance(picker.get(part), dict):
                    yield Call(f"/x-ms-capabilities/file-picker/{part}", f"file-picker/{part}", picker[part], None)


def hosts(ctx, ptr: str | None) -> list:
    """The operations whose request contains the parameter or schema at `ptr`: the operation it
    is written in, every operation of its path item, or the operations that reference its
    shared parameter or definition."""
    if ptr is None:
        return []
    return ctx.cached(("structure.hosts", ptr), lambda: _hosts(ctx, ptr))


def _hosts(ctx, ptr: str) -> list:
    ops = operations(ctx)
    parts = ptr.split("/")
    if len(parts) > 4 and parts[1] == "paths":  # /paths/{path}/{method}/...: written in that operation
        own = _by_pointer(ctx).get("/".join(parts[:4]))
        if own is not None:
            return [own]
    if len(parts) > 3 and parts[1] == "paths" and parts[3] == "parameters":
        return [op for op in ops if op.pointer.rsplit("/", 1)[0] == "/".join(parts[:3])]
    if len(parts) > 2 and parts[1] in ("parameters", "definitions"):
        users = _users(ctx)
        return users.get("/".join(parts[:3]), [])
    return []


def _by_pointer(ctx) -> dict:
    """Operation pointer -> operation."""
    return ctx.cached("structure.operations_by_pointer", lambda: {op.pointer: op for op in operations(ctx)})


def _users(ctx) -> dict:
    """Pointer of a shared parameter or definition -> operations whose request uses it."""
    def build():
        graph: dict[str, set] = {}
        for node in nodes_with(ctx, "$ref"):  # definition -> the definitions and parameters it refers to
            ref = node.value.get("$ref") if node.kind == "schema" else None
            if isinstance(ref, str) and ref.startswith("#/") and node.pointer.startswith("/definitions/"):
                owner = "/".join(node.pointer.split("/", 3)[:3])
                graph.setdefault(owner, set()).add(ref[1:])
        users: dict[str, list] = {}
        for op in operations(ctx):
            start: set = set()
            for ptr, param in effective_parameters(ctx, op).values():
                if ptr.startswith("/parameters/"):
                    start.add("/".join(ptr.split("/")[:3]))
                if param.get("in") == "body":
                    _refs(param.get("schema"), start)
            seen: set = set()
            while start:
                target = start.pop()
                if target in seen:
                    continue
                seen.add(target)
                users.setdefault(target, []).append(op)
                start |= graph.get(target, set())
        return users
    return ctx.cached("structure.users", build)


def _refs(value, found: set, depth: int = 0) -> None:
    if depth > 64:
        return
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            found.add(ref[1:])
        for key, sub in value.items():
            if key not in ("example", "default", "enum", "x-ms-test-value"):
                _refs(sub, found, depth + 1)
    elif isinstance(value, list):
        for sub in value:
            _refs(sub, found, depth + 1)


def effective_parameters(ctx, op) -> dict:
    """(name, in) -> (pointer, parameter) for an operation: its path item's parameters overridden
    by its own, `$ref`s to #/parameters followed."""
    def build():
        out = {}
        for ptr, param in parameters(ctx.swagger, op):  # the operation's own come first
            name, where = param.get("name"), param.get("in")
            if isinstance(name, str) and isinstance(where, str):
                out.setdefault((name, where), (ptr, param))
        return out
    return ctx.cached(("structure.parameters", op.pointer), build)


def success_schema(ctx, op):
    """(pointer, schema) of the operation's success response schema, `$ref`s followed: the 200
    response, else the first 2xx with a schema; (None, None) when there is none."""
    responses = op.value.get("responses")
    if not isinstance(responses, dict):
        return None, None
    codes = sorted((c for c in responses if isinstance(c, str) and c.startswith("2")), key=lambda c: c != "200")
    for code in codes:
        response = responses[code]
        ptr = f"{op.pointer}/responses/{code}"
        if isinstance(response, dict) and isinstance(response.get("$ref"), str):
            ptr, response = follow_ref(ctx.swagger, response["$ref"], ptr, response)
        if isinstance(response, dict) and isinstance(response.get("schema"), dict):
            return _follow(ctx.swagger, ptr + "/schema", response["schema"])
    return None, None


def _follow(swagger, ptr: str, schema, depth: int = 0):
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and depth < 32:
        ptr, target = follow_ref(swagger, schema["$ref"], ptr, None)
        if target is None:
            return None, None
        schema, depth = target, depth + 1
    return (ptr, schema) if isinstance(schema, dict) else (None, None)


OPEN = object()  # a schema that says nothing about its members: any path may exist


def schema_at(swagger, ptr: str, schema, path: str):
    """Walk a slash-separated property path (as used by value-path, itemsPath...) into a schema.
    Returns (pointer, schema), OPEN when the schema does not constrain it (dynamic, free-form or
    combined schemas), or None when the schema declares its properties and the path is not one."""
    for segment in [s for s in str(path).split("/") if s]:
        found = _property(swagger, ptr, schema, segment, 0)
        if found is None or found is OPEN:
            return found
        ptr, schema = found
    return ptr, schema


def _property(swagger, ptr, schema, name, depth):
    ptr, schema = _follow(swagger, ptr, schema)
    if schema is None or depth > 8:
        return OPEN
    if any(k in schema for k in ("x-ms-dynamic-schema", "x-ms-dynamic-properties", "anyOf", "oneOf")):
        return OPEN
    props = schema.get("properties")
    if isinstance(props, dict) and name in props:
        return _follow(swagger, f"{ptr}/properties/{escape(name)}", props[name])
    for i, part in enumerate(schema.get("allOf") or []):
        found = _property(swagger, f"{ptr}/allOf/{i}", part, name, depth + 1)
        if found is not None:
            return found
    if not isinstance(props, dict) or schema.get("additionalProperties") not in (None, False):
        return OPEN
    return None


def is_array(swagger, ptr, schema) -> bool | None:
    """Whether a schema is an array; None when it cannot be told."""
    ptr, schema = _follow(swagger, ptr, schema)
    if schema is None or "type" not in schema:
        return None
    return schema.get("type") == "array"


def all_parameters(ctx) -> list:
    """(pointer, parameter) for every parameter object written in the swagger: in operations,
    path items and #/parameters (`$ref`s are not followed, so each is seen once)."""
    def build():
        swagger = ctx.swagger if isinstance(ctx.swagger, dict) else {}
        out = []
        paths = swagger.get("paths") if isinstance(swagger.get("paths"), dict) else {}
        for path, item in paths.items():
            for base, _holder, params in parameter_lists(f"/paths/{escape(path)}", item):
                out += [(f"{base}/parameters/{i}", p) for i, p in enumerate(params) if isinstance(p, dict) and "$ref" not in p]
        if isinstance(swagger.get("parameters"), dict):
            out += [(f"/parameters/{escape(n)}", p) for n, p in swagger["parameters"].items()
                    if isinstance(p, dict) and "$ref" not in p]
        return out
    return ctx.cached("structure.all_parameters", build)


def template_variables(path: str) -> list[str]:
    return re.findall(r"\{([^{}]+)\}", path)


def body_properties(ctx, op) -> set:
    """Top-level property names of the operation's body schema (`$ref`s and allOf followed)."""
    def build():
        for _, param in effective_parameters(ctx, op).values():
            if param.get("in") == "body":
                return _property_names(ctx.swagger, param.get("schema"), 0)
        return set()
    return ctx.cached(("structure.body_properties", op.pointer), build)


def _property_names(swagger, schema, depth) -> set:
    _, schema = _follow(swagger, "", schema)
    if schema is None or depth > 8:
        return set()
    names = set(schema["properties"]) if isinstance(schema.get("properties"), dict) else set()
    for part in schema.get("allOf") or []:
        names |= _property_names(swagger, part, depth + 1)
    return names


def holder(ctx, call: Call):
    """The parameter or schema object an x-ms-dynamic-* call is written in."""
    return resolve(ctx.swagger, call.node) if call.node is not None else None


def webhook_operations(ctx) -> dict:
    """Operation pointer -> pointer of the x-ms-notification-url property in its request, for
    every operation that registers a webhook."""
    def build():
        out = {}
        for node in nodes_with(ctx, "x-ms-notification-url"):
            if node.kind == "schema" and node.value.get("x-ms-notification-url") is True and node.role != "output":
                for op in hosts(ctx, node.pointer):
                    out.setdefault(op.pointer, node.pointer)
        return out
    return ctx.cached("structure.webhooks", build)
