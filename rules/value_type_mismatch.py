"""Enum values and defaults have the declared type.

## What it does
For schemas, non-body parameters, `items` and headers with a `type`, reports:
- `InvalidEnumValue`: an `enum` item of another JSON type (`"1"` in an integer enum);
- `DefaultValueMustMatchType`: a `default` of another JSON type.

`null` is accepted (nullable values). A warning: 4% of certified connectors ship a default such as
`"false"` for a boolean, which the platform converts. Numbers are accepted for `number`, whole numbers for
`integer`, and a list for `array`.

## Why is this bad?
The designer offers the enum values in its drop-down and pre-fills the default; the service then
receives a value of the wrong type. Microsoft's validator rejects the connector.

## Example
```json
{"name": "top", "in": "query", "type": "integer", "default": "10", "enum": ["10", "50"]}
```

## Use instead
```json
{"name": "top", "in": "query", "type": "integer", "default": 10, "enum": [10, 50]}
```

## Fix
Converting the value is safe when nothing is lost: `"10"` -> `10`, `"true"` -> `true`, `10` ->
`"10"`. Otherwise there is none.
"""

import json

from ._api import Finding, Fix, FixAvailability, Rule, Scope, SetValue, Severity

WORDS = {"string": "a string", "integer": "a whole number", "number": "a number", "boolean": "true or false",
         "array": "a list", "object": "an object"}


def check(ctx, node):
    wanted = node.value.get("type")
    if isinstance(wanted, str) and wanted in WORDS and node.value.get("in") != "body":
        enum = node.value.get("enum")
        for i, item in enumerate(enum) if isinstance(enum, list) else ():
            if not _fits(item, wanted):
                yield _finding(f"{node.pointer}/enum/{i}", item, wanted, "This enum value", "InvalidEnumValue")
        if "default" in node.value and not _fits(node.value["default"], wanted):
            yield _finding(f"{node.pointer}/default", node.value["default"], wanted, "The default",
                           "DefaultValueMustMatchType")


def _fits(value, wanted: str) -> bool:
    if value is None:
        return True
    if wanted == "integer":
        return isinstance(value, int) and not isinstance(value, bool) or isinstance(value, float) and value.is_integer()
    if wanted == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, {"string": str, "boolean": bool, "array": list, "object": dict}[wanted])


def _converted(value, wanted: str):
    """The value in the wanted type when that loses nothing, else a sentinel."""
    if wanted == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return json.dumps(value)
    if wanted == "string" and isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        if wanted == "boolean" and value in ("true", "false"):
            return value == "true"
        if wanted in ("integer", "number"):
            try:
                number = json.loads(value)
            except ValueError:
                return _NO
            if _fits(number, wanted) and json.dumps(number) == value.strip():
                return number
    return _NO


_NO = object()


def _finding(ptr, value, wanted, what, code):
    new = _converted(value, wanted)
    fixes = (Fix(f"Change to {json.dumps(new)}", (SetValue(ptr, new),)),) if new is not _NO else ()
    return Finding(ptr, f"{what} {json.dumps(value)} is not {WORDS[wanted]}, the declared type.", fixes=fixes,
                   validator_code=code)


RULE = Rule(
    id="value-type-mismatch",
    summary="Enum values and defaults have the declared type.",
    severity=Severity.WARNING,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    scope=Scope.VALUE_NODE,
    node_keys=("enum", "default"),
    check=check,
)
