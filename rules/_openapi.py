"""Shared walks over a Swagger 2.0 document. Rules call these instead of writing their own loops.

Every helper tolerates any JSON shape (authors type broken documents) and yields JSON pointers.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from ._api import FileKind, Operation, RuleContext, pointer

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


COLLECTIONS = ("paths", "definitions", "parameters", "responses")


def per_part(ctx: RuleContext, name: str, walk: Callable[[Any, tuple], Iterable], depends: tuple = ()) -> list:
    """The results of `walk(value, parts)` for every part of the swagger, in document order: each
    entry of `paths`, `definitions`, `parameters` and `responses`, and each other top-level value
    (`parts` are the part's unescaped pointer parts, e.g. ("paths", "/tasks")). The root object
    and the four collection objects themselves are not given to `walk`: check their own members
    directly.

    Each part's results are kept while its value and `depends` are unchanged (see `kept`), so
    after an edit only the edited part is walked again. `depends` lists every other value `walk`
    uses that can change; `walk` must read nothing else of the connector."""
    root = ctx.swagger
    out: list = []
    if not isinstance(root, dict):
        return out
    reuse = _Reuse(kept(ctx, ("per-part", name), depends))
    for key, value in root.items():
        if key in COLLECTIONS and isinstance(value, dict):
            for entry, entry_value in value.items():
                parts = (key, entry)
                out.extend(reuse(parts, entry_value, lambda v, p=parts: walk(v, p)))
        else:
            out.extend(reuse((key,), value, lambda v, p=(key,): walk(v, p)))
    reuse.done()
    return out


class _Reuse:
    """Results kept per place in a `kept` dict from one lint to the next: `reuse(place, value,
    compute)` gives the last lint's results for `place` while its value is the same object, and
    `done()` keeps only the places this lint used."""

    def __init__(self, memo: dict):
        self.memo, self.previous, self.now = memo, memo.get("places", {}), {}

    def __call__(self, place, value, compute: Callable[[Any], Iterable]) -> tuple:
        entry = self.previous.get(place)
        if entry is None or entry[0] is not value:
            entry = (value, tuple(compute(value)))
        self.now[place] = entry
        return entry[1]

    def done(self) -> None:
        self.memo["places"] = self.now


def kept(ctx: RuleContext, name: Any, depends: tuple) -> dict:
    """A dict kept across lints while `depends` are unchanged (each compared by identity or ==),
    and replaced by an empty one when they change: for results computed from those values and
    from unchanged JSON values."""
    return ctx.per_value(name, ctx.stable((name, "depends"), depends), lambda _depends: {})


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


def display_strings(ctx: RuleContext) -> list[tuple[FileKind, str, str, str]]:
    """(file, pointer, kind, text) for every human-readable string of the connector, once per lint.
    Rules that check strings one by one use `per_display_string`, which re-checks only what changed."""
    return ctx.cached("display_strings", lambda: [s for group in display_string_groups(ctx) for s in group])


def display_string_groups(ctx: RuleContext) -> list[tuple]:
    """`display_strings` in groups, one per part walked: an operation's summary and description,
    a parameter, an operation's responses, a definition, a shared response, info, apiProperties.
    Each swagger group is kept while its part is unchanged (`RuleContext.per_value`), so after an
    edit only the edited part is walked again, and the other groups keep their identity."""
    return ctx.cached("display_string_groups", lambda: [g for g in _display_string_groups(ctx) if g])


def per_display_string(ctx: RuleContext, name: str, check: Callable[[FileKind, str, str, str], Iterable],
                       depends: tuple = ()) -> list:
    """The results of `check(file, pointer, kind, text)` for every display string, in order.

    They are kept per group of strings (`display_string_groups`) while the group and `depends`
    are unchanged, so after an edit only the edited part's strings are checked again. `depends`
    lists every other value `check` uses that can change (options, the connector's words); each
    is compared by identity or ==."""
    return per_item(ctx, ("per-display-string", name), display_string_groups(ctx),
                    lambda group: [result for s in group for result in check(*s)], depends)


def per_item(ctx: RuleContext, name: Any, items: Iterable, compute: Callable[[Any], Iterable],
             depends: tuple = ()) -> list:
    """The results of `compute(item)` for each item, concatenated in order. Each item's results
    are kept while the item is the same object and `depends` are unchanged (see `kept`): for
    items that keep their identity while unchanged (groups of display strings, value nodes), so
    that after an edit only new items are computed. `compute` must depend on nothing but the
    item and `depends`."""
    reuse = _Reuse(kept(ctx, ("per-item", name), depends))
    out: list = []
    for item in items:
        out.extend(reuse(id(item), item, compute))
    reuse.done()
    return out


def _display_string_groups(ctx: RuleContext):
    sw = FileKind.SWAGGER
    doc = ctx.swagger if isinstance(ctx.swagger, dict) else {}
    inf = doc.get("info") if isinstance(doc.get("info"), dict) else {}
    yield tuple((sw, pointer("info", key), kind, inf[key])
                for key, kind in (("title", "title"), ("description", "description")) if isinstance(inf.get(key), str))
    seen_params: set[str] = set()
    for op in operations(ctx):
        yield ctx.per_value(("strings:op-head", op.pointer), op.value, _part(_op_head_strings, op.pointer))
        for ptr, param in parameters(ctx.swagger, op):
            if ptr in seen_params:
                continue
            seen_params.add(ptr)
            yield ctx.per_value(("strings:param", ptr), param, _part(_param_strings, ptr))
        yield ctx.per_value(("strings:op-responses", op.pointer), op.value, _part(_op_response_strings, op.pointer))
    for name, param in _dict_items(doc.get("parameters")):
        ptr = pointer("parameters", name)
        if ptr not in seen_params and isinstance(param, dict):
            yield ctx.per_value(("strings:param", ptr), param, _part(_param_strings, ptr))
    for name, schema in _dict_items(doc.get("definitions")):
        ptr = pointer("definitions", name)
        yield ctx.per_value(("strings:schema", ptr), schema, _part(_schema_strings, ptr))
    for name, response in _dict_items(doc.get("responses")):
        if isinstance(response, dict):
            ptr = pointer("responses", name)
            yield ctx.per_value(("strings:response", ptr), response, _part(_response_strings, ptr))
    yield tuple(_ui_strings(ctx))


def _part(walk, ptr: str):
    """A per_value computation: the strings `walk(ptr, value)` yields, as a tuple."""
    return lambda value: tuple(walk(ptr, value))


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


def _schema_strings(ptr: str, schema: Any, depth: int = 0):
    """Strings of a schema and its properties, items and allOf parts (not followed through $ref:
    the referenced definition is visited once on its own)."""
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
