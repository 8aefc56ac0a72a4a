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

from ._api import Applicability, Finding, Fix, FixAvailability, InsertKey, Preset, Rule, Scope, SetValue, Severity
from ._certification import display_name, owned_parameters, param_in_scope


def check(ctx, op):
    for ptr, param in owned_parameters(ctx, op):
        if not param_in_scope(param):
            continue
        name = param.get("name")
        label = display_name(name) if isinstance(name, str) else ""
        what = f"'{name}'" if isinstance(name, str) else "this parameter"
        if "x-ms-summary" not in param:
            after = next((k for k in ("type", "required", "in") if k in param), None)
            fixes = (Fix(f"Add \"x-ms-summary\": \"{label}\"", (InsertKey(ptr, "x-ms-summary", label, after=after),),
                         Applicability.SUGGESTION),) if label else ()
            yield Finding(ptr, f"The parameter {what} has no x-ms-summary; the designer shows it as the field's "
                               "label.", fixes=fixes)
        elif isinstance(param["x-ms-summary"], str) and not param["x-ms-summary"].strip():
            fixes = (Fix(f"Set it to \"{label}\"", (SetValue(f"{ptr}/x-ms-summary", label),),
                         Applicability.SUGGESTION),) if label else ()
            yield Finding(f"{ptr}/x-ms-summary", f"The x-ms-summary of {what} is empty; the designer shows it as "
                                                 "the field's label.", fixes=fixes, validator_code="RequiredValueEmpty")


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
