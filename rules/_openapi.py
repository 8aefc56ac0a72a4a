"""Shared walks over a Swagger 2.0 document. Rules call these instead of writing their own loops.

Every helper tolerates any JSON shape (authors type broken documents) and yields JSON pointers.
"""

from __future__ import annotations

from typing import Any, Iterator

from ._api import Operation, RuleContext, pointer

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


def operations(ctx: RuleContext) -> list[Operation]:
    """Every operation of the swagger, in document order (computed once per lint)."""
    return ctx.cached("operations", lambda: list(_operations(ctx.swagger)))


def _operations(swagger: Any) -> Iterator[Operation]:
    paths = swagger.get("paths") if isinstance(swagger, dict) else None
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method, value in item.items():
            if method in METHODS and isinstance(value, dict):
                yield Operation(pointer("paths", path, method), path, method, value, item)


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
                         (pointer("paths", op.path), op.path_item.get("parameters"))):
        if not isinstance(params, list):
            continue
        for index, param in enumerate(params):
            ptr = f"{base}/parameters/{index}"
            if isinstance(param, dict) and isinstance(param.get("$ref"), str):
                ptr, param = follow_ref(swagger, param["$ref"], ptr, param)
            if isinstance(param, dict):
                yield ptr, param


def follow_ref(swagger: Any, ref: str, ptr: str, value: Any) -> tuple[str, Any]:
    """Resolve a local `#/...` reference; on failure return the referring (ptr, value)."""
    from ._api import resolve

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


def display_strings(ctx: RuleContext) -> list[tuple["FileKind", str, str, str]]:
    """(file, pointer, kind, text) for every human-readable string of the connector, once per lint."""
    return ctx.cached("display_strings", lambda: list(_display_strings(ctx)))


def _display_strings(ctx: RuleContext):
    from ._api import FileKind

    sw = FileKind.SWAGGER
    doc = ctx.swagger if isinstance(ctx.swagger, dict) else {}
    inf = doc.get("info") if isinstance(doc.get("info"), dict) else {}
    for key, kind in (("title", "title"), ("description", "description")):
        if isinstance(inf.get(key), str):
            yield sw, pointer("info", key), kind, inf[key]
    seen_params: set[str] = set()
    for op in operations(ctx):
        for key, kind in (("summary", "summary"), ("description", "operation-description")):
            if isinstance(op.value.get(key), str):
                yield sw, f"{op.pointer}/{key}", kind, op.value[key]
        for ptr, param in parameters(ctx.swagger, op):
            if ptr in seen_params:
                continue
            seen_params.add(ptr)
            yield from _param_strings(ptr, param)
        responses = op.value.get("responses")
        if isinstance(responses, dict):
            for code, response in responses.items():
                if isinstance(response, dict):
                    rptr = f"{op.pointer}/responses/{pointer(code)[1:]}"
                    if isinstance(response.get("description"), str):
                        yield sw, f"{rptr}/description", "property-description", response["description"]
                    yield from _schema_strings(f"{rptr}/schema", response.get("schema"))
    for name, param in _dict_items(doc.get("parameters")):
        ptr = pointer("parameters", name)
        if ptr not in seen_params and isinstance(param, dict):
            yield from _param_strings(ptr, param)
    for name, schema in _dict_items(doc.get("definitions")):
        yield from _schema_strings(pointer("definitions", name), schema)
    for name, response in _dict_items(doc.get("responses")):
        if isinstance(response, dict):
            if isinstance(response.get("description"), str):
                yield sw, pointer("responses", name, "description"), "property-description", response["description"]
            yield from _schema_strings(pointer("responses", name, "schema"), response.get("schema"))
    yield from _ui_strings(ctx)


def _dict_items(value: Any):
    return value.items() if isinstance(value, dict) else ()


def _param_strings(ptr: str, param: dict):
    from ._api import FileKind

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
    from ._api import FileKind

    values = node.get("x-ms-enum-values")
    if isinstance(values, list):
        for i, item in enumerate(values):
            if isinstance(item, dict) and isinstance(item.get("displayName"), str):
                yield FileKind.SWAGGER, f"{ptr}/x-ms-enum-values/{i}/displayName", "enum-display-name", item["displayName"]


def _schema_strings(ptr: str, schema: Any, depth: int = 0):
    """Strings of a schema and its properties, items and allOf parts (not followed through $ref:
    the referenced definition is visited once on its own)."""
    from ._api import FileKind

    if not isinstance(schema, dict) or depth > 40:
        return
    sw = FileKind.SWAGGER
    for key, kind in (("x-ms-summary", "property-summary"), ("title", "property-summary"),
                      ("description", "property-description")):
        if isinstance(schema.get(key), str):
            yield sw, f"{ptr}/{key}", kind, schema[key]
    yield from _enum_strings(ptr, schema)
    for name, prop in _dict_items(schema.get("properties")):
        yield from _schema_strings(f"{ptr}/properties/{pointer(name)[1:]}", prop, depth + 1)
    if isinstance(schema.get("items"), dict):
        yield from _schema_strings(f"{ptr}/items", schema["items"], depth + 1)
    if isinstance(schema.get("additionalProperties"), dict):
        yield from _schema_strings(f"{ptr}/additionalProperties", schema["additionalProperties"], depth + 1)
    for key in ("allOf", "anyOf", "oneOf"):
        if isinstance(schema.get(key), list):
            for i, part in enumerate(schema[key]):
                yield from _schema_strings(f"{ptr}/{key}/{i}", part, depth + 1)


def _ui_strings(ctx: RuleContext):
    from ._api import FileKind

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
    from ._api import FileKind

    for key, kind in (("displayName", "ui-display-name"), ("description", "ui-description"), ("tooltip", "ui-description")):
        if isinstance(ui.get(key), str):
            yield FileKind.API_PROPERTIES, f"{ptr}/{key}", kind, ui[key]
