"""Parameters that users fill in have a description.

## What it does
Flags a parameter without `description`, or with an empty one, when the validator requires it:
the parameter is not `in: body`, not `"x-ms-visibility": "internal"`, and its operation is not
internal. Path-item and shared `#/parameters` entries are reported once, at their definition.

## Why is this bad?
The description is the field's tooltip and placeholder in the designer, where users learn what
to enter. Microsoft's validator rejects such a parameter (`RequiredPropertyMissing`: "The
'description' property is required"). With this scope, 2 certified connectors (0.3%) miss one.

## Example
```json
{"name": "taskId", "in": "path", "required": true, "type": "string", "x-ms-summary": "Task ID"}
```

## Use instead
```json
{"name": "taskId", "in": "path", "required": true, "type": "string", "x-ms-summary": "Task ID",
 "description": "The identifier of the task."}
```

## Fix
A suggestion adds a first description made from the label ("Task ID" gives "The task ID."; none
for yes/no labels such as "Is Active"); the author should say more.
"""

from ._api import FixAvailability, Preset, Rule, Scope, Severity
from ._certification import display_name, owned_parameters, param_in_scope
from ._text import acronyms, missing_or_blank


def check(ctx, op):
    for ptr, param in owned_parameters(ctx, op):
        if not param_in_scope(param):
            continue
        name = param.get("name")
        what = f"'{name}'" if isinstance(name, str) else "this parameter"
        finding = missing_or_blank(ptr, param, "description", _guess(param),
                                   f"The parameter {what} has no description; tell users what to enter.",
                                   f"The description of {what} is empty; tell users what to enter.",
                                   after="x-ms-summary" if "x-ms-summary" in param else None, it="it")
        if finding:
            yield finding


_FLAG_WORDS = {"is", "has", "include", "includes", "enable", "allow", "use", "should", "can", "show"}


def _guess(param) -> str | None:
    label = param.get("x-ms-summary")
    if not isinstance(label, str) or not label.strip():
        label = display_name(param["name"]) if isinstance(param.get("name"), str) else ""
    words = [acronyms().get(w.lower()) or (w.lower() if w.isalpha() else w) for w in label.split()]
    if not words or words[0] in _FLAG_WORDS:
        return None  # "Is Query All" is a yes/no flag: "The is query all." would be nonsense
    return f"The {' '.join(words)}."


RULE = Rule(
    id="parameter-description-required",
    summary="Parameters that users fill in have a description.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="RequiredPropertyMissing",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.INFORMATION},
    docs=__doc__,
    check=check,
)
