"""Dynamic extensions that need their newer companion have it, and the two agree.

## What it does
Validator codes:
- `DynamicListExtensionRequiredForNonParameterReferences`: `x-ms-dynamic-values` refers to a body
  property (`{"parameter": "body/field"}` or a top-level property name), which only
  `x-ms-dynamic-list` can express, and there is no `x-ms-dynamic-list` beside it;
- `DynamicListExtensionRequiredForAmbiguousReferences`: it refers to a name that is both a
  parameter and a body property, without `x-ms-dynamic-list`;
- `DynamicPropertiesExtensionRequiredForNonParameterReferences`,
  `DynamicPropertiesExtensionRequiredForAmbiguousReferences`: the same for `x-ms-dynamic-schema`
  without `x-ms-dynamic-properties`;
- `DynamicPropertiesExtensionRequiredForPropertiesValuePath`: `x-ms-dynamic-schema.value-path`
  ends in `properties`, without `x-ms-dynamic-properties`;
- `DynamicPropertiesItemValuePathMismatch`: `x-ms-dynamic-properties.itemValuePath` is not the
  `value-path` of `x-ms-dynamic-schema` without its trailing `/properties`;
- `DynamicTreeExtensionMissing`: `x-ms-dynamic-values` with `"capability": "file-picker"` and no
  `x-ms-dynamic-tree`.

## Why is this bad?
The designer uses the newer extension when it is present; for references to body properties it
is required, and Microsoft's validator rejects the connector without it.

## Example
```json
{"x-ms-dynamic-values": {"operationId": "GetFields", "parameters": {"table": {"parameter": "body/table"}},
                         "value-path": "name"}}
```

## Use instead
```json
{"x-ms-dynamic-values": {"operationId": "GetFields", "parameters": {"table": {"parameter": "body/table"}},
                         "value-path": "name"},
 "x-ms-dynamic-list": {"operationId": "GetFields", "parameters": {"table": {"parameterReference": "body/table"}},
                       "itemValuePath": "name"}}
```

## Fix
Generating the companion extension from the old one is unsafe (valid, but the designer then
uses it): `value-collection` -> `itemsPath`, `value-path` -> `itemValuePath`, `value-title` ->
`itemTitlePath`, `{"parameter": x}` -> `{"parameterReference": x}`, a literal `v` ->
`{"value": v}`. Setting an `itemValuePath` that disagrees with `value-path` to the expected
path is safe.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, InsertKey, Rule, SetValue, Severity
from ._extensions import hosts, body_properties, calls, effective_parameters, holder

COMPANION = {"x-ms-dynamic-values": ("x-ms-dynamic-list", "DynamicList"),
             "x-ms-dynamic-schema": ("x-ms-dynamic-properties", "DynamicProperties")}


def check(ctx):
    for call in calls(ctx):
        owner = holder(ctx, call)
        if call.kind not in COMPANION or not isinstance(owner, dict):
            continue
        companion, prefix = COMPANION[call.kind]
        if call.kind == "x-ms-dynamic-values" and call.value.get("capability") == "file-picker" \
                and "x-ms-dynamic-tree" not in owner:
            yield Finding(call.pointer, "A file-picker needs 'x-ms-dynamic-tree' beside 'x-ms-dynamic-values'.",
                          target="key", validator_code="DynamicTreeExtensionMissing")
        if companion in owner:
            if call.kind == "x-ms-dynamic-schema":
                yield from _item_value_path(call, owner)
            continue
        problem = _reference_problem(ctx, call)
        value_path = call.value.get("value-path")
        if problem is None and call.kind == "x-ms-dynamic-schema" and isinstance(value_path, str) \
                and value_path.rstrip("/").split("/")[-1] == "properties":
            problem = ("RequiredForPropertiesValuePath", f"its value-path '{value_path}' points at 'properties'")
        if problem is None:
            continue
        code, why = problem
        fix = Fix(f"Add {companion}", (InsertKey(call.node, companion, _generate(call)),), Applicability.UNSAFE)
        yield Finding(call.pointer, f"'{call.kind}' needs '{companion}' beside it: {why}.", target="key",
                      fixes=(fix,), validator_code=f"{prefix}Extension{code}")


def _reference_problem(ctx, call):
    params = call.value.get("parameters")
    for value in params.values() if isinstance(params, dict) else ():
        source = value.get("parameter") if isinstance(value, dict) else None
        if not isinstance(source, str):
            continue
        if "/" in source:
            return "RequiredForNonParameterReferences", f"'{source}' refers to a property, not a parameter"
        for host in hosts(ctx, call.node):
            is_param = any(name == source for name, _ in effective_parameters(ctx, host))
            in_body = source in body_properties(ctx, host)
            if is_param and in_body:
                return "RequiredForAmbiguousReferences", f"'{source}' is both a parameter and a body property"
            if in_body:
                return "RequiredForNonParameterReferences", f"'{source}' is a body property, not a parameter"
    return None


def _generate(call) -> dict:
    old = call.value
    out = {"operationId": old.get("operationId")}
    if isinstance(old.get("parameters"), dict):
        out["parameters"] = {k: {"parameterReference": v["parameter"]} if isinstance(v, dict) and "parameter" in v
                             else {"value": v} for k, v in old["parameters"].items()}
    if call.kind == "x-ms-dynamic-values":
        for new, key in (("itemsPath", "value-collection"), ("itemValuePath", "value-path"),
                         ("itemTitlePath", "value-title")):
            if key in old:
                out[new] = old[key]
    elif isinstance(old.get("value-path"), str):
        out["itemValuePath"] = _expected(old["value-path"])
    return out


def _expected(value_path: str) -> str:
    parts = [p for p in value_path.split("/") if p]
    return "/".join(parts[:-1] if parts and parts[-1] == "properties" else parts)


def _item_value_path(call, owner):
    value_path, props = call.value.get("value-path"), owner.get("x-ms-dynamic-properties")
    if not isinstance(value_path, str) or not isinstance(props, dict):
        return
    expected, actual = _expected(value_path), props.get("itemValuePath", "")
    if actual != expected:
        ptr = f"{call.node}/x-ms-dynamic-properties"
        edit = SetValue(f"{ptr}/itemValuePath", expected) if "itemValuePath" in props else \
            InsertKey(ptr, "itemValuePath", expected)
        yield Finding(f"{ptr}/itemValuePath" if "itemValuePath" in props else ptr,
                      f"'itemValuePath' should be '{expected}', the value-path of x-ms-dynamic-schema without "
                      "'/properties'.", fixes=(Fix(f"Set it to '{expected}'", (edit,)),),
                      validator_code="DynamicPropertiesItemValuePathMismatch")


RULE = Rule(
    id="incomplete-dynamic-extension",
    summary="Dynamic extensions that need their newer companion have it, and the two agree.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
