"""Breaking changes: what changed between a base connector (the released one) and this one, in the
terms of Microsoft's change validator (the PowerPlatformConnectors PR pipeline's "breaking change
detector"). Pure values and pointers, like every rule helper.

Entry points (also for scripts that compare two versions without running the lint):

    compare_swaggers(old_swagger, new_swagger) -> list[Change]
    compare(old_ctx, new_ctx) -> list[Change]   # swagger and apiProperties.json
    changes(ctx) -> list[Change]                # ctx.base against ctx, once per lint (the rules use it)

A `Change` names its rule (`rule`), where it lands in the new file (`file`, `pointer`: the changed
value, or for something deleted the nearest part that still exists), the message (its first
sentence is the validator's own, so authors recognise it) and `value_path`: the validator's
ValuePath (`operation/{operationId}/parameter/{name}/schema/{property}/.../type`), None for the
changes the validator does not report.

The validator's model, as the PR threads show it (docs/breaking-changes-report.md): operations are
matched by operationId (a renamed operationId is a deleted operation); parameters by name; `$ref`s
are resolved, so a changed shared definition is reported once per operation that reaches it;
schema paths name properties without `properties`, and `items` for array items; only the success
response (and a webhook trigger's `x-ms-notification-content`) is compared; `type` and `format`
are compared as written (absent differs from present); removing an optional input is not reported.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, NamedTuple

from ._api import (Applicability, FileKind, Finding, Fix, InsertKey, RuleContext, SetValue, pointer, resolve,
                   split_pointer)
from ._extensions import DYNAMIC
from ._openapi import operations, parameters, swagger_operations

# Rule ids, one per change kind.
OPERATION_DELETED = "operation-deleted"
PATH_CHANGED = "operation-path-changed"
OPERATION_HIDDEN = "operation-hidden"
REQUIRED_PARAMETER_ADDED = "required-parameter-added"
PARAMETER_LOCATION_CHANGED = "parameter-location-changed"
INPUT_TYPE_CHANGED = "input-type-changed"
INPUT_MADE_REQUIRED = "input-made-required"
REQUIRED_INPUT_ADDED = "required-input-added"
INPUT_ENUM_ADDED = "input-enum-added"
INPUT_ENUM_VALUE_REMOVED = "input-enum-value-removed"
OUTPUT_DELETED = "output-deleted"
OUTPUT_TYPE_CHANGED = "output-type-changed"
OUTPUT_FORMAT_CHANGED = "output-format-changed"
TRIGGER_KIND_CHANGED = "trigger-kind-changed"
DYNAMIC_SOURCE_CHANGED = "dynamic-source-changed"
HOST_CHANGED = "host-changed"
CONNECTION_PARAMETER_REMOVED = "connection-parameter-removed"
AUTH_TYPE_CHANGED = "auth-type-changed"
BASE_UNREADABLE = "base-unreadable"

# The validator's sentences (collected from PR threads of microsoft/PowerPlatformConnectors).
SENTENCES = {
    OPERATION_DELETED: "The operation has been deleted. This change breaks existing flows.",
    PATH_CHANGED: "The path template has been changed for the operation.",
    OPERATION_HIDDEN: "The operation has been hidden. This change breaks the designer for existing flows.",
    REQUIRED_PARAMETER_ADDED: "The required parameter has been added.",
    PARAMETER_LOCATION_CHANGED: "The location has been changed for the parameter. "
                                "Existing flows will continue to send the parameter in the old location.",
    INPUT_TYPE_CHANGED: "The type has been changed for the input field. "
                        "Existing flows will continue to send the field with the old type.",
    INPUT_MADE_REQUIRED: "The input field has been changed from optional to required.",
    REQUIRED_INPUT_ADDED: "The required input field has been added. Existing flows will not send this new field.",
    INPUT_ENUM_ADDED: "The list of enum values has been added to the input field. "
                      "Existing flows may use values outside of this list.",
    INPUT_ENUM_VALUE_REMOVED: "An enum value has been removed from the input field. "
                              "Existing flows may have this value chosen and will continue to send it.",
    OUTPUT_DELETED: "The output field has been deleted. Existing flows may be broken if they are using "
                    "this field and actual payload has been changed.",
    OUTPUT_TYPE_CHANGED: "The type has been changed for the output field. Existing flows may be broken if "
                         "they are using this field and actual payload has been changed.",
    OUTPUT_FORMAT_CHANGED: "The type format has been changed for the output field. Existing flows may be broken "
                           "if they are using this field and actual payload has been changed.",
}

# x-ms-dynamic-tree is not in DYNAMIC (its calls sit under "open" and "browse"), but its source can change too.
DYNAMIC_KEYS = (*DYNAMIC, "x-ms-dynamic-tree")
# What makes a dynamic extension's source: the operation it calls and what it sends and reads.
_DYNAMIC_SOURCE = ("operationId", "operation", "builtInOperation", "parameters", "value-path", "value-collection",
                   "itemValuePath", "itemsPath", "settings")
_SUCCESS = re.compile(r"2\d\d$")
_MAX_DEPTH = 40


class Change(NamedTuple):
    rule: str
    pointer: str  # in the new file
    message: str
    value_path: str | None = None
    file: FileKind = FileKind.SWAGGER
    fixes: tuple[Fix, ...] = ()

    def finding(self) -> Finding:
        return Finding(self.pointer, self.message, file=self.file, fixes=self.fixes, value_path=self.value_path)


# ---------------------------------------------------------------------------------------------
# Entry points


def compare_swaggers(old: Any, new: Any) -> list[Change]:
    """The changes from swagger `old` to swagger `new` (JSON values; any shape is tolerated)."""
    return compare(RuleContext(swagger=old), RuleContext(swagger=new))


def compare(old: RuleContext, new: RuleContext) -> list[Change]:
    """The changes from connector `old` to connector `new` (swagger and apiProperties.json)."""
    return _changes(RuleContext(**{**new.__dict__, "base": old, "memo": {}, "store": {}}))


def changes(ctx: RuleContext) -> list[Change]:
    """ctx.base against ctx, computed once per lint and shared by the breaking-change rules."""
    if ctx.base is None and ctx.base_error is None:
        return []
    return ctx.cached("breaking.changes", lambda: _changes(ctx))


def findings(ctx: RuleContext, rule_id: str) -> Iterator[Finding]:
    """A breaking-change rule's check: its changes as findings, nothing without a base."""
    for change in changes(ctx):
        if change.rule == rule_id:
            yield change.finding()


def _changes(ctx: RuleContext) -> list[Change]:
    base = ctx.base
    if ctx.base_error is not None or base is None:
        return [Change(BASE_UNREADABLE, "", f"The breaking-change comparison was skipped: {ctx.base_error}")]
    out: list[Change] = []
    if isinstance(base.swagger, dict) and isinstance(ctx.swagger, dict):
        out += _swagger_changes(ctx, base.swagger, ctx.swagger)
    if isinstance(base.api_properties, dict) and isinstance(ctx.api_properties, dict):
        out += _api_properties_changes(base.api_properties, ctx.api_properties)
    return out


# ---------------------------------------------------------------------------------------------
# Swagger


def _by_id(ctx: RuleContext) -> dict[str, Any]:
    """operationId -> its first operation, once per lint (for the base: once, as its context is kept)."""
    return ctx.cached("breaking.by_id", lambda: _first_by_id(operations(ctx)))


def _first_by_id(ops_list) -> dict[str, Any]:
    ops: dict[str, Any] = {}
    for op in ops_list:
        oid = op.value.get("operationId")
        if isinstance(oid, str) and oid and oid not in ops:
            ops[oid] = op
    return ops


def _swagger_changes(ctx: RuleContext, old: dict, new: dict) -> list[Change]:
    out: list[Change] = []
    for key in ("host", "basePath"):
        if key in old and old.get(key) != new.get(key) and not (key == "basePath" and _same_addresses(old, new)):
            where = pointer(key) if key in new else ""
            out.append(Change(HOST_CHANGED, where,
                              f"The {key} has changed from {_show(old.get(key))} to {_show(new.get(key))}: existing "
                              "connections and flows will call the new address."))
    out += _security_changes(old, new)
    old_ops, new_ops = _by_id(ctx.base), _by_id(ctx)
    # Results per operation, kept across lints (the language server) while the operation, the
    # base and every definition the comparison followed are the same objects.
    memo = ctx.per_value("breaking.operations", ctx.base, lambda _base: {})
    previous, now = memo.get("ops", {}), {}
    for oid, old_op in old_ops.items():
        new_op = new_ops.get(oid)
        if new_op is None:
            out += _deleted(oid, old_op, old, new, old_ops, new_ops)
            continue
        entry = previous.get(oid)
        if entry is None or entry[0] is not old_op.value or entry[1] is not new_op.value \
                or entry[2] is not new_op.path_item or entry[3] != new_op.pointer \
                or any(resolve(new, ptr, _GONE) is not value for ptr, value in entry[4]):
            walk = _Walk(old, new)
            result = tuple(walk.operation(oid, old_op, new_op))
            entry = (old_op.value, new_op.value, new_op.path_item, new_op.pointer, tuple(walk.followed.items()), result)
        now[oid] = entry
        out += entry[5]
    memo["ops"] = now
    return out


_GONE = object()


def _deleted(oid: str, old_op, old: dict, new: dict, old_ops: dict, new_ops: dict) -> list[Change]:
    sentence = SENTENCES[OPERATION_DELETED]
    vp = f"operation/{oid}"
    there = resolve(new, old_op.pointer)
    there_id = there.get("operationId") if isinstance(there, dict) else None
    if isinstance(there_id, str) and there_id and there_id not in old_ops:
        ptr = f"{old_op.pointer}/operationId"
        fix = Fix(f"Keep the operationId '{oid}'", (SetValue(ptr, oid),), Applicability.UNSAFE)
        return [Change(OPERATION_DELETED, ptr,
                       f"{sentence} {old_op.method.upper()} {old_op.path} was renamed from '{oid}' to '{there_id}': "
                       "flows call an operation by its operationId.", vp, fixes=(fix,))]
    paths = new.get("paths")
    item_ptr = pointer("paths", old_op.path)
    item = resolve(new, item_ptr)
    fixes: tuple[Fix, ...] = ()
    restored = _deprecated(old_op.value)
    if isinstance(item, dict) and isinstance(paths, dict):
        where = item_ptr
        if old_op.method not in item:
            edits = [InsertKey(item_ptr, old_op.method, restored)]
            fixes = (Fix(f"Restore '{oid}' from the base, marked deprecated", tuple(edits + _missing_refs(old_op.value, old, new)),
                         Applicability.UNSAFE),)
    elif isinstance(paths, dict):
        where = "/paths"
        # the path item's own parameters too: they are part of the operation
        shared = {"parameters": old_op.path_item["parameters"]} if "parameters" in old_op.path_item else {}
        item = {**shared, old_op.method: restored}
        edits = [InsertKey("/paths", old_op.path, item)]
        fixes = (Fix(f"Restore '{oid}' from the base, marked deprecated", tuple(edits + _missing_refs(item, old, new)),
                     Applicability.UNSAFE),)
    else:
        where = ""
    return [Change(OPERATION_DELETED, where, f"{sentence} ('{oid}', {old_op.method.upper()} {old_op.path}.)", vp,
                   fixes=fixes)]


def _deprecated(op: dict) -> dict:
    """The operation as it was, marked `"deprecated": true` (after its description, where reviewers look)."""
    items = [(k, v) for k, v in op.items() if k != "deprecated"]
    keys = [k for k, _ in items]
    at = next((keys.index(k) + 1 for k in ("description", "summary", "operationId") if k in keys), len(items))
    items.insert(at, ("deprecated", True))
    return dict(items)


def _missing_refs(value: Any, old: dict, new: dict) -> list:
    """InsertKey edits for the shared definitions `value` needs that the new swagger no longer has
    (a section that is gone altogether comes back with just those)."""
    missing: dict[str, dict] = {}
    seen, todo = set(), [value]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/") and ref not in seen:
                seen.add(ref)
                target = resolve(old, ref[1:])
                parts = split_pointer(ref[1:])
                if target is not None and len(parts) == 2 and parts[1] and resolve(new, ref[1:]) is None \
                        and (isinstance(new.get(parts[0]), dict) or parts[0] not in new):
                    section, name = parts
                    missing.setdefault(section, {})[name] = target
                    todo.append(target)
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    edits = []
    for section, entries in missing.items():
        if section in new:
            edits += [InsertKey(pointer(section), name, target) for name, target in entries.items()]
        else:
            edits.append(InsertKey("", section, entries))
    return edits


def _security_changes(old: dict, new: dict) -> list[Change]:
    def kinds(swagger):
        defs = swagger.get("securityDefinitions")
        if not isinstance(defs, dict):
            return set()
        return {d.get("type") for d in defs.values() if isinstance(d, dict) and isinstance(d.get("type"), str)}

    before, after = kinds(old), kinds(new)
    if not before or before == after:
        return []
    where = "/securityDefinitions" if isinstance(new.get("securityDefinitions"), dict) else ""
    return [Change(AUTH_TYPE_CHANGED, where,
                   f"The authentication type has changed from {_list(before)} to {_list(after) or 'none'}: existing "
                   "connections were made for the old one and stop working.")]


class _Walk:
    """Compares one operation of the base with the same operation (by operationId) of the new swagger."""

    def __init__(self, old: dict, new: dict):
        self.old, self.new = old, new
        self.followed: dict[str, Any] = {}  # new-side pointer of each $ref followed -> its value
        self.entered: set[tuple[str, Any, Any]] = set()  # ($ref pairs) on the path being walked

    def _once_per_path(self, kind: str, walk, old: Any, new: Any, *args) -> Iterator[Change]:
        """`walk` unless this pair of `$ref`s is already being walked further up: a definition that
        refers to itself is compared once per path, not again at every level down to _MAX_DEPTH
        (which grows as branching ** depth: CardsForPowerApps' recursive card schema never ended)."""
        key = (kind, _ref(old), _ref(new))
        if key[1] is None and key[2] is None:
            yield from walk(old, new, *args)
            return
        if key in self.entered:
            return
        self.entered.add(key)
        try:
            yield from walk(old, new, *args)
        finally:
            self.entered.discard(key)

    def operation(self, oid: str, old_op, new_op) -> Iterator[Change]:
        vp = f"operation/{oid}"
        old, new = old_op.value, new_op.value
        # a template that only absorbed the basePath calls the same address; a changed basePath alone is host-changed
        if old_op.path != new_op.path and _address(self.old, old_op.path) != _address(self.new, new_op.path):
            yield Change(PATH_CHANGED, new_op.pointer,
                         f"{SENTENCES[PATH_CHANGED]} ('{oid}': {old_op.path} → {new_op.path}.)", vp)
        if new.get("x-ms-visibility") == "internal" and old.get("x-ms-visibility") != "internal":
            yield Change(OPERATION_HIDDEN, f"{new_op.pointer}/x-ms-visibility", SENTENCES[OPERATION_HIDDEN],
                         f"{vp}/x-ms-visibility")
        if old.get("x-ms-trigger") != new.get("x-ms-trigger"):
            ptr = f"{new_op.pointer}/x-ms-trigger" if "x-ms-trigger" in new else new_op.pointer
            yield Change(TRIGGER_KIND_CHANGED, ptr,
                         f"The trigger kind of '{oid}' has changed from {_trigger(old)} to {_trigger(new)}: existing "
                         "flows were built for the old kind and its outputs.")
        yield from self.parameters(vp, old_op, new_op)
        yield from self.responses(vp, old_op, new_op)

    # -- inputs -------------------------------------------------------------------------------

    def parameters(self, vp: str, old_op, new_op) -> Iterator[Change]:
        before = {p.get("name"): (ptr, p) for ptr, p in parameters(self.old, old_op) if isinstance(p.get("name"), str)}
        after = []
        for ptr, p in parameters(self.new, new_op):
            if ptr.startswith("/parameters/"):
                self.followed[ptr] = p
            elif isinstance(p.get("$ref"), str) and p["$ref"].startswith("#/"):
                self.followed[p["$ref"][1:]] = _GONE  # not there yet: compare again when it is
            if isinstance(p.get("name"), str):
                after.append((ptr, p))
        for ptr, param in after:
            name = param["name"]
            pvp = f"{vp}/parameter/{name}"
            if name not in before:
                if param.get("required") is True and not _filled_in(param):
                    yield Change(REQUIRED_PARAMETER_ADDED, ptr, f"{SENTENCES[REQUIRED_PARAMETER_ADDED]} ('{name}'.)",
                                 pvp)
                continue
            _, old = before[name]
            if old.get("in") != param.get("in"):
                yield Change(PARAMETER_LOCATION_CHANGED, f"{ptr}/in" if "in" in param else ptr,
                             f"{SENTENCES[PARAMETER_LOCATION_CHANGED]} ('{name}': {_show(old.get('in'))} → "
                             f"{_show(param.get('in'))}.)", f"{pvp}/in")
                continue
            if param.get("required") is True and old.get("required") is not True and not _filled_in(param):
                yield Change(INPUT_MADE_REQUIRED, f"{ptr}/required", f"{SENTENCES[INPUT_MADE_REQUIRED]} ('{name}'.)",
                             f"{pvp}/required")
            yield from self.dynamic(old, param, ptr, name)
            if param.get("in") == "body":
                yield from self.input(old.get("schema"), param.get("schema"), f"{ptr}/schema", f"{pvp}/schema", name, 0)
            else:
                yield from self.input(old, param, ptr, pvp, name, 0, follow=False)

    def input(self, old: Any, new: Any, ptr: str, vp: str, name: str, depth: int, follow: bool = True) -> Iterator[Change]:
        yield from self._once_per_path("input", self._input, old, new, ptr, vp, name, depth, follow)

    def _input(self, old: Any, new: Any, ptr: str, vp: str, name: str, depth: int, follow: bool) -> Iterator[Change]:
        if follow:
            old = self._old(old)
            ptr, new = self._new(ptr, new)
        if not isinstance(old, dict) or not isinstance(new, dict) or depth > _MAX_DEPTH:
            return
        if old.get("type") != new.get("type"):
            yield Change(INPUT_TYPE_CHANGED, f"{ptr}/type" if "type" in new else ptr,
                         f"{SENTENCES[INPUT_TYPE_CHANGED]} ('{name}': {_show(old.get('type'))} → "
                         f"{_show(new.get('type'))}.)", f"{vp}/type")
            return
        old_enum, new_enum = old.get("enum"), new.get("enum")
        if isinstance(new_enum, list) and not isinstance(old_enum, list):
            yield Change(INPUT_ENUM_ADDED, f"{ptr}/enum", f"{SENTENCES[INPUT_ENUM_ADDED]} ('{name}'.)", f"{vp}/enum")
        elif isinstance(new_enum, list) and isinstance(old_enum, list):
            gone = [v for v in old_enum if v not in new_enum]
            if gone:
                yield Change(INPUT_ENUM_VALUE_REMOVED, f"{ptr}/enum",
                             f"{SENTENCES[INPUT_ENUM_VALUE_REMOVED]} ('{name}': {_list(gone)}.)", f"{vp}/enum")
        old_props, new_props = _dict(old.get("properties")), _dict(new.get("properties"))
        old_required, new_required = _names(old.get("required")), _names(new.get("required"))
        for prop, value in new_props.items():
            pptr = f"{ptr}/properties{pointer(prop)}"
            if prop not in old_props:
                if prop in new_required and not _filled_in(value):
                    yield Change(REQUIRED_INPUT_ADDED, pptr, f"{SENTENCES[REQUIRED_INPUT_ADDED]} ('{prop}'.)",
                                 f"{vp}/{prop}")
                continue
            if prop in new_required and prop not in old_required and not _filled_in(self._new(pptr, value)[1]):
                index = new["required"].index(prop)
                yield Change(INPUT_MADE_REQUIRED, f"{ptr}/required/{index}",
                             f"{SENTENCES[INPUT_MADE_REQUIRED]} ('{prop}'.)", f"{vp}/{prop}/required")
            old_value, (value_ptr, new_value) = self._old(old_props[prop]), self._new(pptr, value)
            if isinstance(old_value, dict) and isinstance(new_value, dict):
                yield from self.dynamic(old_value, new_value, value_ptr, prop)
            yield from self.input(old_props[prop], value, pptr, f"{vp}/{prop}", prop, depth + 1)
        if "items" in old and "items" in new:
            yield from self.input(old["items"], new["items"], f"{ptr}/items", f"{vp}/items", name, depth + 1)

    def dynamic(self, old: dict, new: dict, ptr: str, name: str) -> Iterator[Change]:
        for key in DYNAMIC_KEYS:
            before, after = old.get(key), new.get(key)
            if not isinstance(before, dict) or not isinstance(after, dict):
                continue
            differ = [k for k in _DYNAMIC_SOURCE if before.get(k) != after.get(k)]
            if differ:
                yield Change(DYNAMIC_SOURCE_CHANGED, f"{ptr}/{key}",
                             f"The source of '{name}' ({key}) has changed ({', '.join(differ)}): values existing flows "
                             "picked from the old list may not be valid in the new one.")

    # -- outputs ------------------------------------------------------------------------------

    def responses(self, vp: str, old_operation, new_operation) -> Iterator[Change]:
        old_op, new_op, op_ptr = old_operation.value, new_operation.value, new_operation.pointer
        old_responses, new_responses = _dict(old_op.get("responses")), _dict(new_op.get("responses"))
        codes = sorted(c for c in old_responses if _SUCCESS.match(str(c)))
        if codes:
            code = "200" if "200" in codes else codes[0]
            old = self._old(old_responses[code])
            rptr, new = self._new(f"{op_ptr}/responses{pointer(code)}", new_responses.get(code))
            if isinstance(old, dict) and old.get("schema") is not None:
                svp = f"{vp}/responses/{code}/schema"
                if not isinstance(new, dict) or new.get("schema") is None:
                    # `{}` gave flows only the whole body, which a response without a schema gives too
                    if _describes_output(self._old(old["schema"])):
                        where = rptr if isinstance(new, dict) else (f"{op_ptr}/responses" if new_responses else op_ptr)
                        yield Change(OUTPUT_DELETED, where,
                                     f"{SENTENCES[OUTPUT_DELETED]} (The {code} response's schema.)", svp)
                else:
                    yield from self.output(old["schema"], new["schema"], f"{rptr}/schema", svp, "", 0)
        if "x-ms-trigger" not in old_op or "x-ms-trigger" not in new_op:
            return
        old_ptr, old_note = _notification(old_operation)
        new_ptr, new_note = _notification(new_operation)
        if isinstance(old_note, dict) and isinstance(new_note, dict) and old_note.get("schema") is not None \
                and new_note.get("schema") is not None:
            yield from self.output(old_note["schema"], new_note["schema"], f"{new_ptr}/schema",
                                   f"{vp}/responses/x-ms-notification-content/schema", "", 0)

    def output(self, old: Any, new: Any, ptr: str, vp: str, name: str, depth: int) -> Iterator[Change]:
        yield from self._once_per_path("output", self._output, old, new, ptr, vp, name, depth)

    def _output(self, old: Any, new: Any, ptr: str, vp: str, name: str, depth: int) -> Iterator[Change]:
        old = self._old(old)
        ptr, new = self._new(ptr, new)
        if not isinstance(old, dict) or not isinstance(new, dict) or depth > _MAX_DEPTH:
            return
        what = f"'{name}'" if name else "the response body"
        if old.get("type") != new.get("type"):
            yield Change(OUTPUT_TYPE_CHANGED, f"{ptr}/type" if "type" in new else ptr,
                         f"{SENTENCES[OUTPUT_TYPE_CHANGED]} ({what}: {_show(old.get('type'))} → "
                         f"{_show(new.get('type'))}.)", f"{vp}/type")
            return
        if old.get("format") != new.get("format"):
            yield Change(OUTPUT_FORMAT_CHANGED, f"{ptr}/format" if "format" in new else ptr,
                         f"{SENTENCES[OUTPUT_FORMAT_CHANGED]} ({what}: {_show(old.get('format'))} → "
                         f"{_show(new.get('format'))}.)", f"{vp}/format")
        old_props, new_props = _dict(old.get("properties")), _dict(new.get("properties"))
        for prop, value in old_props.items():
            pptr = f"{ptr}/properties{pointer(prop)}"
            if prop not in new_props:
                where = f"{ptr}/properties" if isinstance(new.get("properties"), dict) else ptr
                yield Change(OUTPUT_DELETED, where, f"{SENTENCES[OUTPUT_DELETED]} ('{prop}'.)", f"{vp}/{prop}")
                continue
            yield from self.output(value, new_props[prop], pptr, f"{vp}/{prop}", prop, depth + 1)
        if "items" in old and "items" in new:
            yield from self.output(old["items"], new["items"], f"{ptr}/items", f"{vp}/items", name, depth + 1)

    # -- references ---------------------------------------------------------------------------

    def _old(self, value: Any) -> Any:
        for _ in range(_MAX_DEPTH):
            ref = value.get("$ref") if isinstance(value, dict) else None
            if not isinstance(ref, str) or not ref.startswith("#/"):
                return value
            value = resolve(self.old, ref[1:])
        return None

    def _new(self, ptr: str, value: Any) -> tuple[str, Any]:
        """(pointer, value) after following `$ref`s in the new swagger, noting what was followed."""
        for _ in range(_MAX_DEPTH):
            ref = value.get("$ref") if isinstance(value, dict) else None
            if not isinstance(ref, str) or not ref.startswith("#/"):
                return ptr, value
            target = resolve(self.new, ref[1:], _GONE)
            self.followed[ref[1:]] = target
            if target is _GONE:
                return ptr, None
            ptr, value = ref[1:], target
        return ptr, None


def _notification(op) -> tuple[str, Any]:
    """A webhook trigger's `x-ms-notification-content`: on its path item (where certified
    connectors put it), else on the operation."""
    if "x-ms-notification-content" in op.path_item:
        return f"{op.pointer[:op.pointer.rfind('/')]}/x-ms-notification-content", op.path_item["x-ms-notification-content"]
    return f"{op.pointer}/x-ms-notification-content", op.value.get("x-ms-notification-content")


def _base_path(swagger: dict) -> str:
    """basePath as a prefix: absent means "/" (OpenAPI 2.0), and a trailing "/" adds nothing."""
    base = swagger.get("basePath")
    return base.rstrip("/") if isinstance(base, str) else ""


def _address(swagger: dict, path: Any) -> Any:
    """What an operation calls below the host: basePath and path template together, so that moving a
    basePath into the paths (or writing "/" for no basePath) is no change."""
    return f"{_base_path(swagger)}/{path.lstrip('/')}" if isinstance(path, str) else path


def _same_addresses(old: dict, new: dict) -> bool:
    """The basePath changed only as written ("/" for none) or moved into the paths: every operation
    of both versions still calls the same address."""
    if _base_path(old) == _base_path(new):
        return True
    before = {_oid(op): _address(old, op.path) for op in swagger_operations(old) if _oid(op)}
    common = [(before[_oid(op)], _address(new, op.path)) for op in swagger_operations(new) if _oid(op) in before]
    return bool(common) and all(a == b for a, b in common)


def _describes_output(schema: Any) -> bool:
    """A schema that gives flows something: a type, fields or items (`{}` or a description gives nothing)."""
    return isinstance(schema, dict) and any(k in schema for k in ("type", "properties", "items", "additionalProperties",
                                                                   "allOf", "x-ms-dynamic-schema", "$ref"))


def _oid(op) -> str | None:
    oid = op.value.get("operationId")
    return oid if isinstance(oid, str) and oid else None


def _ref(value: Any) -> Any:
    ref = value.get("$ref") if isinstance(value, dict) else None
    return ref if isinstance(ref, str) else None


def _filled_in(value: Any) -> bool:
    """An input the connector fills in itself: internal with a default, so no flow ever sends it."""
    return isinstance(value, dict) and value.get("x-ms-visibility") == "internal" and "default" in value


def _trigger(op: dict) -> str:
    kind = op.get("x-ms-trigger")
    return f"'{kind}'" if isinstance(kind, str) else ("an action" if kind is None else _show(kind))


# ---------------------------------------------------------------------------------------------
# apiProperties.json


def _connection_parameters(props: dict) -> dict[str, tuple[str, Any]]:
    """name -> (pointer, value) of `connectionParameters` and of every parameter set."""
    root = _dict(props.get("properties"))
    out: dict[str, tuple[str, Any]] = {}
    for name, value in _dict(root.get("connectionParameters")).items():
        out.setdefault(name, (pointer("properties", "connectionParameters", name), value))
    sets = _dict(root.get("connectionParameterSets")).get("values")
    for i, item in enumerate(sets if isinstance(sets, list) else []):
        for name, value in _dict(_dict(item).get("parameters")).items():
            out.setdefault(name, (pointer("properties", "connectionParameterSets", "values", i, "parameters", name), value))
    return out


def _api_properties_changes(old: dict, new: dict) -> list[Change]:
    out: list[Change] = []
    before, after = _connection_parameters(old), _connection_parameters(new)
    added = [n for n in after if n not in before]
    for name, (old_ptr, old_value) in before.items():
        if name not in after:
            parent = old_ptr[: old_ptr.rfind("/")]
            where = parent if resolve(new, parent) is not None else ("/properties" if "properties" in new else "")
            alike = [n for n in added if _kind(after[n][1]) == _kind(old_value)]
            renamed = f" (renamed to '{alike[0]}'?)" if len(alike) == 1 else ""
            out.append(Change(CONNECTION_PARAMETER_REMOVED, where,
                              f"The connection parameter '{name}' has been removed{renamed}: existing connections "
                              "hold a value for it and must be recreated.", file=FileKind.API_PROPERTIES))
            continue
        new_ptr, new_value = after[name]
        if _kind(old_value) != _kind(new_value) and _kind(old_value) is not None:
            out.append(Change(AUTH_TYPE_CHANGED, f"{new_ptr}/type" if "type" in _dict(new_value) else new_ptr,
                              f"The connection parameter '{name}' has changed type from {_show(_kind(old_value))} to "
                              f"{_show(_kind(new_value))}: existing connections must be recreated.",
                              file=FileKind.API_PROPERTIES))
            continue
        old_idp = _dict(_dict(old_value).get("oAuthSettings")).get("identityProvider")
        new_idp = _dict(_dict(new_value).get("oAuthSettings")).get("identityProvider")
        if old_idp is not None and old_idp != new_idp:
            where = f"{new_ptr}/oAuthSettings/identityProvider" if new_idp is not None else new_ptr
            out.append(Change(AUTH_TYPE_CHANGED, where,
                              f"The identity provider of '{name}' has changed from {_show(old_idp)} to {_show(new_idp)}: "
                              "existing connections were signed in with the old one and must be recreated.",
                              file=FileKind.API_PROPERTIES))
    return out


def _kind(value: Any) -> Any:
    return value.get("type") if isinstance(value, dict) else None


# ---------------------------------------------------------------------------------------------
# Small helpers


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _names(value: Any) -> set:
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


def _show(value: Any) -> str:
    if value is None:
        return "none"
    return f"'{value}'" if isinstance(value, str) else repr(value)


def _list(values) -> str:
    return ", ".join(_show(v) for v in (sorted(values, key=str) if isinstance(values, set) else values))

