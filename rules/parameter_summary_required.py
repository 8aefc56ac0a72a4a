"""Parameters that users fill in have an `x-ms-summary`.

## What it does
Flags a parameter without `x-ms-summary`, or with an empty one, when the validator requires it:
the parameter is not `in: body`, not `"x-ms-visibility": "internal"`, and its operation is not
internal. Path-item and shared `#/parameters` entries are reported once, at their definition.

## Why is this bad?
`x-ms-summary` is the field's label in the designer; without it, users see the raw parameter name
(`$filter`, `taskId`). Microsoft's validator rejects such a parameter (`RequiredPropertyMissing`:
"The 'x-ms-summary' property is required"). With this scope, 2 certified connectors (0.3%) miss
one; counting body parameters and parameters of internal operations too would flag 82% of them,
which the validator evidently does not do.

## Example
```json
{"name": "taskId", "in": "path", "required": true, "type": "string", "description": "The task's identifier."}
```

## Use instead
```json
{"name": "taskId", "in": "path", "required": true, "type": "string", "x-ms-summary": "Task ID",
 "description": "The task's identifier."}
```

## Fix
A suggestion adds a Title Case label made from the name (`taskId` gives "Task ID").
"""

from ._api import FixAvailability, Preset, Rule, Scope, Severity
from ._certification import display_name, owned_parameters, param_in_scope
from ._text import missing_or_blank


def check(ctx, op):
    for ptr, param in owned_parameters(ctx, op):
        if not param_in_scope(param):
            continue
        name = param.get("name")
        label = display_name(name) if isinstance(name, str) else ""
        what = f"'{name}'" if isinstance(name, str) else "this parameter"
        finding = missing_or_blank(ptr, param, "x-ms-summary", label,
                                   f"The parameter {what} has no x-ms-summary; the designer shows it as the field's "
                                   "label.",
                                   f"The x-ms-summary of {what} is empty; the designer shows it as the field's label.",
                                   after=next((k for k in ("type", "required", "in") if k in param), None), it="it")
        if finding:
            yield finding


RULE = Rule(
    id="parameter-summary-required",
    summary="Parameters that users fill in have an x-ms-summary.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="RequiredPropertyMissing",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.WARNING},
    docs=__doc__,
    check=check,
)
