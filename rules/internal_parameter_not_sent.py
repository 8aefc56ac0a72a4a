"""An internal parameter or property with a default is required, so its default is sent.

## What it does
Reports a parameter or schema property that users cannot see (`"x-ms-visibility": "internal"`),
has a `default`, and is not required. Validator codes:
- `InternalPropertyWithDefaultOptional` (a warning): a parameter;
- `PropertyMustBeRequired`: a property of a body or response schema.

## Why is this bad?
Power Platform only sends an optional value the user entered; nobody can enter an internal
one, so its default is never sent and the service does not receive what the author intended.

## Example
```json
{"name": "api-version", "in": "query", "type": "string", "default": "2024-01-01", "x-ms-visibility": "internal"}
```

## Use instead
```json
{"name": "api-version", "in": "query", "type": "string", "default": "2024-01-01", "x-ms-visibility": "internal",
 "required": true}
```

## Fix
Marking it required is unsafe: the default is then always sent, which is the intent, but it
changes the requests.
"""

from ._api import (Applicability, Finding, Fix, FixAvailability, InsertItem, InsertKey, Rule, SetValue, Severity,
                   resolve, split_pointer)
from ._extensions import all_parameters
from ._value_nodes import nodes_with


def check(ctx):
    for ptr, param in all_parameters(ctx):
        if param.get("x-ms-visibility") == "internal" and "default" in param and param.get("required") is not True:
            edit = SetValue(f"{ptr}/required", True) if "required" in param else InsertKey(ptr, "required", True,
                                                                                              after="in")
            yield Finding(ptr, f"The internal parameter '{param.get('name')}' has a default but is not required, so "
                               "the default is never sent.", target="key",
                          fixes=(Fix("Mark it required", (edit,), Applicability.UNSAFE),), severity=Severity.WARNING,
                          validator_code="InternalPropertyWithDefaultOptional")
    for node in nodes_with(ctx, "x-ms-visibility"):
        value = node.value
        if node.parent is None or value.get("x-ms-visibility") != "internal" or "default" not in value:
            continue
        parent = resolve(ctx.swagger, node.parent)
        name = split_pointer(node.pointer)[-1]
        required = parent.get("required") if isinstance(parent, dict) else None
        if not isinstance(parent, dict) or isinstance(required, list) and name in required:
            continue
        edit = InsertItem(f"{node.parent}/required", name) if isinstance(required, list) else \
            InsertKey(node.parent, "required", [name])
        yield Finding(node.pointer, f"The internal property '{name}' has a default but is not required, so the "
                                    "default is never sent.", target="key",
                      fixes=(Fix("Add it to 'required'", (edit,), Applicability.UNSAFE),),
                      validator_code="PropertyMustBeRequired")


RULE = Rule(
    id="internal-parameter-not-sent",
    summary="An internal parameter or property with a default is required, so its default is sent.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.ALWAYS,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
