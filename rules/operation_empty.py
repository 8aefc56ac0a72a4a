"""The connector has operations, and no path or operation is empty.

## What it does
Flags `"paths": {}` (a connector with no operations) and an operation object with none of
`operationId`, `parameters` and `responses` (a stub such as `"get": {}`). A path with no
operation under it (`{}`, or only `parameters`) is a warning: 29 certified connectors (4.7%) have
one, often left by the custom connector wizard. A path that holds only a webhook's
`x-ms-notification-content` is the documented webhook pattern and is not flagged.

## Why is this bad?
The certification page asks for no empty operations: a stub is a leftover of editing that the
designer cannot show or call, and a path without operations does nothing. A connector without
operations has nothing to certify.

## Example
```json
{"paths": {"/tasks": {"get": {}}, "/projects": {"parameters": []}}}
```

## Use instead
```json
{"paths": {"/tasks": {"get": {"operationId": "ListTasks", "summary": "List tasks",
                              "responses": {"200": {"description": "The tasks."}}}}}}
```

## Fix
Removing a path that has no operation is safe: nothing can call it. Removing an empty operation
is unsafe, in case the author meant to fill it in.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, RemoveKey, Rule, Severity, pointer
from ._openapi import METHODS, operations

_CONTENT = ("operationId", "parameters", "responses")


def check(ctx):
    paths = ctx.swagger.get("paths") if isinstance(ctx.swagger, dict) else None
    if not isinstance(paths, dict):
        return
    if not paths:
        yield Finding("/paths", "The connector has no operations.", target="key")
        return
    for path, item in paths.items():
        if isinstance(item, dict) and not any(m in item for m in METHODS) and set(item) <= {"parameters"}:
            ptr = pointer("paths", path)
            yield Finding(ptr, f"The path {path} has no operation.", target="key", severity=Severity.WARNING,
                          fixes=(Fix(f"Remove the path {path}", (RemoveKey(ptr),), Applicability.SAFE),))
    for op in operations(ctx):
        if not any(k in op.value for k in _CONTENT):
            yield Finding(op.pointer, f"{op.method.upper()} {op.path} is empty: it has no operationId, parameters "
                                      "or responses.", target="key",
                          fixes=(Fix("Remove the empty operation", (RemoveKey(op.pointer),), Applicability.UNSAFE),))


RULE = Rule(
    id="operation-empty",
    summary="The connector has operations, and no path or operation is empty.",
    severity=Severity.ERROR,
    category="certification",
    policy_code="5000.2.4.5",
    fixable=FixAvailability.SOMETIMES,
    preset_severity={Preset.CUSTOM: Severity.WARNING},
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
