"""Shared walks over a Swagger 2.0 document. Rules call these instead of writing their own loops.

Every helper tolerates any JSON shape (authors type broken documents) and yields JSON pointers.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any, Iterator

from ._api import DisplayString, FileKind, Operation, Part, RuleContext, escape, pointer, resolve

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
# A character an operationId may not have (the platform keeps letters, digits and underscores).
OPERATION_ID_NOT_ALLOWED = re.compile(r"[^A-Za-z0-9_]")


def operations(ctx: RuleContext) -> list[Operation]:
    """Every operation of the swagger, in document order (computed once per lint; in the language
    server a path item's are kept while it is unchanged, `RuleContext.per_value`)."""
    return ctx.cached("operations", lambda: _kept_operations(ctx))


def _kept_operations(ctx: RuleContext) -> list[Operation]:
    swagger = ctx.swagger
    paths = swagger.get("paths") if isinstance(swagger, dict) else None
    if not isinstance(paths, dict):
        return []
    out: list[Operation] = []
    for path, item in paths.items():
        if isinstance(item, dict):
            out += ctx.per_value(("operations", path), item, lambda item, path=path: _item_operations(path, item))
    return out


def operation_ids(ctx: RuleContext) -> frozenset[str]:
    """Every operationId in use. A derived value (`RuleContext.derived`): an OPERATION check that
    reads it runs again in the language server when the set changes, not whenever another
    operation does."""
    return ctx.derived("operation-ids", _operation_ids)


def _operation_ids(ctx: RuleContext) -> frozenset[str]:
    return frozenset(op.value["operationId"] for op in operations(ctx) if isinstance(op.value.get("operationId"), str))


def swagger_operations(swagger: Any) -> Iterator[Operation]:
    """Every operation of a swagger value, in document order, with no lint context: for the
    language server's features and for comparing two swaggers (`operations` is the cached one)."""
    paths = swagger.get("paths") if isinstance(swagger, dict) else None
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if isinstance(item, dict):
            yield from _item_operations(path, item)


def _item_operations(path: str, item: dict) -> tuple[Operation, ...]:
    base = pointer("paths", path) + "/"  # a method (METHODS) has nothing to escape
    return tuple(Operation(base + method, path, method, value, item)
                 for method, value in item.items() if method in METHODS and isinstance(value, dict))


COLLECTIONS = ("paths", "definitions", "parameters", "responses")


def parts(ctx: RuleContext) -> list[Part]:
    """The parts of the swagger (Scope.PART), in document order: each entry of `paths`,
    `definitions`, `parameters` and `responses`, and each other top-level value. The root object
    and the four collection objects themselves are not parts."""
    def build() -> list[Part]:
        root = ctx.swagger
        out: list[Part] = []
        if isinstance(root, dict):
            for key, value in root.items():
                if key in COLLECTIONS and isinstance(value, dict):
                    out.extend(Part((key, entry), entry_value) for entry, entry_value in value.items())
                else:
                    out.append(Part((key,), value))
        return out
    return ctx.cached("parts", build)


def is_internal(value: Any) -> bool:
    return isinstance(value, dict) and value.get("x-ms-visibility") == "internal"


def is_trigger(op: Operation) -> bool:
    return "x-ms-trigger" in op.value


def parameters(swagger: Any, op: Operation) -> Iterator[tuple[str, dict]]:
    """(pointer, parameter) for each parameter of an operation: its own, then its path item's.

    A `$ref` to `#/parameters/...` is followed; the pointer is then the shared definition's,
    since that is where the author fixes it.
    """
    for base, params in ((op.pointer, op.value.get("parameters")),
                         (op.pointer[:op.pointer.rfind("/")], op.path_item.get("parameters"))):
        if not isinstance(params, list):
            continue
        for index, param in enumerate(params):
            ptr = f"{base}/parameters/{index}"
            if isinstance(param, dict) and isinstance(param.get("$ref"), str):
                ptr, param = follow_ref(swagger, param["$ref"], ptr, param)
            if isinstance(param, dict):
                yield ptr, param


def parameter_lists(path_ptr: str, item: Any) -> Iterator[tuple[str, dict, list]]:
    """(holder's pointer, holder, its `parameters` list) for a path item (at `path_ptr`) and then
    each of its operations: the lists that every parameter object under `paths` is written in,
    `$ref`s not followed. Holders without a list are left out."""
    if not isinstance(item, dict):
        return
    for ptr, holder in [(path_ptr, item), *path_item_operations(path_ptr, item)]:
        if isinstance(holder.get("parameters"), list):
            yield ptr, holder, holder["parameters"]


def path_item_operations(path_ptr: str, item: Any) -> Iterator[tuple[str, dict]]:
    """(pointer, operation) for each operation of the path item at `path_ptr`, in document order."""
    if isinstance(item, dict):
        for method, op in item.items():
            if method in METHODS and isinstance(op, dict):
                yield f"{path_ptr}/{method}", op


def follow_ref(swagger: Any, ref: str, ptr: str, value: Any) -> tuple[str, Any]:
    """Resolve a local `#/...` reference; on failure return the referring (ptr, value)."""
    if ref.startswith("#"):
        target = resolve(swagger, ref[1:], None)
        if target is not None:
            return ref[1:], target
    return ptr, value


def info(ctx: RuleContext) -> dict | None:
    value = ctx.swagger.get("info") if isinstance(ctx.swagger, dict) else None
    return value if isinstance(value, dict) else None


def api_properties(ctx: RuleContext) -> dict | None:
    """The `properties` object of apiProperties.json, if it is one."""
    root = ctx.api_properties
    props = root.get("properties") if isinstance(root, dict) else None
    return props if isinstance(props, dict) else None


# ---------------------------------------------------------------------------------------------
# Display strings: what people read, and so what string rules (spelling, product names, casing)
# look at. Never keys, operationIds, URLs, enum values, examples or defaults.

STRING_KINDS = (
    "title",  # info.title
    "description",  # info.description
    "summary",  # operation summary
    "operation-description",
    "parameter-summary",  # x-ms-summary of a parameter
    "parameter-description",
    "property-summary",  # x-ms-summary / title of a schema property or a response
    "property-description",
    "enum-display-name",  # x-ms-enum-values[].displayName
    "ui-display-name",  # apiProperties uiDefinition.displayName
    "ui-description",  # apiProperties uiDefinition.description / tooltip
)


def display_strings(ctx: RuleContext) -> list[DisplayString]:
    """Every human-readable string of the connector, once per lint. Rules that check strings one
    by one are Scope.DISPLAY_STRING rules: the engine runs them per string."""
    return ctx.cached("display_strings", lambda: [s for _key, group in display_string_groups(ctx) for s in group])


def display_string_groups(ctx: RuleContext) -> list[tuple[Any, tuple[DisplayString, ...]]]:
    """(place, strings) for the display strings in groups, one per part walked: an operation's
    summary and description, a parameter, an operation's responses, a definition, a shared
    response, info, apiProperties. In the language server each swagger group is kept while its
    part is unchanged (`RuleContext.per_value`), so after an edit only the edited part is walked
    again, and the other groups keep their identity: the engine's DISPLAY_STRING units."""
    return ctx.cached("display_string_groups", lambda: [g for g in _display_string_groups(ctx) if g[1]])


def _display_string_groups(ctx: RuleContext):
    sw = FileKind.SWAGGER
    doc = ctx.swagger if isinstance(ctx.swagger, dict) else {}
    inf = doc.get("info") if isinstance(doc.get("info"), dict) else {}
    yield "info", tuple(DisplayString(sw, pointer("info", key), kind, inf[key]) for key, kind in
                        (("title", "title"), ("description", "description")) if isinstance(inf.get(key), str))
    seen_params: set[str] = set()
    for path, item in _dict_items(doc.get("paths")):
        if not isinstance(item, dict):
            continue
        # the groups of a path item's operations, in the order `operations` and `parameters` give
        for entry in ctx.per_value(("strings:path-item", path), item, lambda v, path=path: _item_groups(ctx, path, v)):
            if entry[0] is _REF:  # a $ref is followed now: its target is outside the path item
                ptr, param = follow_ref(ctx.swagger, entry[1], entry[2], entry[3])
                if isinstance(param, dict) and ptr not in seen_params:
                    seen_params.add(ptr)
                    yield _group(ctx, "strings:param", ptr, param, _param_strings)
            elif entry[0] is _PARAM:
                if entry[1] not in seen_params:
                    seen_params.add(entry[1])
                    yield entry[2]
            else:
                yield entry
    for name, param in _dict_items(doc.get("parameters")):
        ptr = pointer("parameters", name)
        if ptr not in seen_params and isinstance(param, dict):
            yield _group(ctx, "strings:param", ptr, param, _param_strings)
    # the groups of all definitions (of all shared responses) kept while the collection is unchanged
    definitions, responses = doc.get("definitions"), doc.get("responses")
    if isinstance(definitions, dict):
        yield from ctx.per_value(("strings:definitions",), definitions, lambda value: tuple(
            _group(ctx, "strings:schema", pointer("definitions", name), schema, _schema_strings)
            for name, schema in value.items()))
    if isinstance(responses, dict):
        yield from ctx.per_value(("strings:responses",), responses, lambda value: tuple(
            _group(ctx, "strings:response", pointer("responses", name), response, _response_strings)
            for name, response in value.items() if isinstance(response, dict)))
    yield "apiProperties", tuple(map(_display_string, _ui_strings(ctx)))


_REF, _PARAM = object(), object()


def _item_groups(ctx: RuleContext, path: str, item: dict) -> tuple:
    """The display-string groups of a path item's operations, each operation's in turn: its
    summary and description, its parameters and its path item's (`(_PARAM, pointer, group)`, or
    `(_REF, $ref, pointer, parameter)` for a reference), its responses."""
    out: list = []
    item_ptr = pointer("paths", path)
    for method, value in item.items():
        if method not in METHODS or not isinstance(value, dict):
            continue
        op_ptr = f"{item_ptr}/{method}"  # a method needs no escaping
        out.append(_group(ctx, "strings:op-head", op_ptr, value, _op_head_strings))
        for base, params in ((op_ptr, value.get("parameters")), (item_ptr, item.get("parameters"))):
            for index, param in enumerate(params) if isinstance(params, list) else ():
                ptr = f"{base}/parameters/{index}"
                if isinstance(param, dict) and isinstance(param.get("$ref"), str):
                    out.append((_REF, param["$ref"], ptr, param))
                elif isinstance(param, dict):
                    out.append((_PARAM, ptr, _group(ctx, "strings:param", ptr, param, _param_strings)))
        out.append(_group(ctx, "strings:op-responses", op_ptr, value, _op_response_strings))
    return tuple(out)


def _group(ctx: RuleContext, kind: str, ptr: str, value: Any, walk) -> tuple:
    """(place, the strings `walk(ptr, value)` yields), kept while `value` is the same object."""
    place = (kind, ptr)
    return place, ctx.per_value(place, value, lambda v: tuple(map(_display_string, walk(ptr, v))))


# (file, pointer, kind, text) -> DisplayString, in C: DisplayString(*s) runs a Python-level __new__
# per string (a quarter of a million over the corpus).
_display_string = partial(tuple.__new__, DisplayString)


def _op_head_strings(op_ptr: str, op: dict):
    for key, kind in (("summary", "summary"), ("description", "operation-description")):
        if isinstance(op.get(key), str):
            yield FileKind.SWAGGER, f"{op_ptr}/{key}", kind, op[key]


def _op_response_strings(op_ptr: str, op: dict):
    for code, response in _dict_items(op.get("responses")):
        if isinstance(response, dict):
            yield from _response_strings(f"{op_ptr}/responses/{pointer(code)[1:]}", response)


def _response_strings(ptr: str, response: dict):
    if isinstance(response.get("description"), str):
        yield FileKind.SWAGGER, f"{ptr}/description", "property-description", response["description"]
    yield from _schema_strings(f"{ptr}/schema", response.get("schema"))


def _dict_items(value: Any):
    return value.items() if isinstance(value, dict) else ()


def _param_strings(ptr: str, param: dict):
    sw = FileKind.SWAGGER
    if isinstance(param.get("x-ms-summary"), str):
        yield sw, f"{ptr}/x-ms-summary", "parameter-summary", param["x-ms-summary"]
    if isinstance(param.get("description"), str):
        yield sw, f"{ptr}/description", "parameter-description", param["description"]
    yield from _enum_strings(ptr, param)
    yield from _schema_strings(f"{ptr}/schema", param.get("schema"))
    if isinstance(param.get("items"), dict):
        yield from _enum_strings(f"{ptr}/items", param["items"])


def _enum_strings(ptr: str, node: dict):
    values = node.get("x-ms-enum-values")
    if isinstance(values, list):
        for i, item in enumerate(values):
            if isinstance(item, dict) and isinstance(item.get("displayName"), str):
                yield FileKind.SWAGGER, f"{ptr}/x-ms-enum-values/{i}/displayName", "enum-display-name", item["displayName"]


def _schema_strings(ptr: str, schema: Any) -> list:
    """Strings of a schema and its properties, items and allOf parts (not followed through $ref:
    the referenced definition is visited once on its own), in document order."""
    out: list = []
    if isinstance(schema, dict):
        _add_schema_strings(ptr, schema, 0, out)
    return out


_SCHEMA_STRING_KEYS = (("x-ms-summary", "property-summary"), ("title", "property-summary"),
                       ("description", "property-description"))


def _add_schema_strings(ptr: str, schema: dict, depth: int, out: list) -> None:
    """`_schema_strings` of an object at `depth`, appended to `out` (a list, not nested
    generators: a string deep in a schema was passed up through every level)."""
    sw = FileKind.SWAGGER
    for key, kind in _SCHEMA_STRING_KEYS:
        value = schema.get(key)
        if isinstance(value, str):
            out.append((sw, f"{ptr}/{key}", kind, value))
    if "x-ms-enum-values" in schema:
        out.extend(_enum_strings(ptr, schema))
    if depth >= 40:
        return
    depth += 1
    props = schema.get("properties")
    if isinstance(props, dict):
        for name, prop in props.items():
            if isinstance(prop, dict):
                _add_schema_strings(f"{ptr}/properties/{escape(name)}", prop, depth, out)
    for key in ("items", "additionalProperties"):
        sub = schema.get(key)
        if isinstance(sub, dict):
            _add_schema_strings(f"{ptr}/{key}", sub, depth, out)
    for key in ("allOf", "anyOf", "oneOf"):
        parts = schema.get(key)
        if isinstance(parts, list):
            for i, part in enumerate(parts):
                if isinstance(part, dict):
                    _add_schema_strings(f"{ptr}/{key}/{i}", part, depth, out)


def _ui_strings(ctx: RuleContext):
    props = api_properties(ctx) or {}
    ap = FileKind.API_PROPERTIES
    sets = [("/properties/connectionParameters", props.get("connectionParameters"))]
    param_sets = props.get("connectionParameterSets")
    if isinstance(param_sets, dict) and isinstance(param_sets.get("values"), list):
        for i, value in enumerate(param_sets["values"]):
            if isinstance(value, dict):
                base = f"/properties/connectionParameterSets/values/{i}"
                if isinstance(value.get("uiDefinition"), dict):
                    yield from _ui_definition(f"{base}/uiDefinition", value["uiDefinition"])
                sets.append((f"{base}/parameters", value.get("parameters")))
    for base, params in sets:
        for name, param in _dict_items(params):
            if isinstance(param, dict) and isinstance(param.get("uiDefinition"), dict):
                yield from _ui_definition(f"{base}/{pointer(name)[1:]}/uiDefinition", param["uiDefinition"])


def _ui_definition(ptr: str, ui: dict):
    for key, kind in (("displayName", "ui-display-name"), ("description", "ui-description"), ("tooltip", "ui-description")):
        if isinstance(ui.get(key), str):
            yield FileKind.API_PROPERTIES, f"{ptr}/{key}", kind, ui[key]
