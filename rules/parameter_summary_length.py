"""Parameter labels (`x-ms-summary`) are at most 80 characters long.

## What it does
Flags a parameter's `x-ms-summary` longer than 80 characters (option `max`). Path-item and shared
`#/parameters` entries are reported once, at their definition.

## Why is this bad?
`x-ms-summary` is the field's label in the designer, where a long label is cut off; explanations
belong in the `description`. The certification page and the string guidelines set the limit at
80 characters. No validator code is known for it (none of the certified connectors goes over it),
so the rule warns.

## Example
```json
{"name": "due", "in": "query", "type": "string",
 "x-ms-summary": "The date by which the task must be completed, in the time zone of the project owner"}
```

## Use instead
```json
{"name": "due", "in": "query", "type": "string", "x-ms-summary": "Due date",
 "description": "The date by which the task must be completed, in the time zone of the project owner."}
```

## Fix
When only spaces around the text put it over the limit, a safe fix trims them. Otherwise none:
only the author can shorten the wording.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, Rule, Scope, SetValue, Severity
from ._certification import owned_parameters


def check(ctx, op):
    limit = ctx.options["max"]
    for ptr, param in owned_parameters(ctx, op, visible_only=False):
        label = param.get("x-ms-summary")
        if not isinstance(label, str) or len(label) <= limit:
            continue
        fixes = ()
        if len(label.strip()) <= limit:
            fixes = (Fix("Trim the spaces around the label", (SetValue(f"{ptr}/x-ms-summary", label.strip()),),
                         Applicability.SAFE),)
        yield Finding(f"{ptr}/x-ms-summary", f"The x-ms-summary is {len(label)} characters long; the limit is "
                                             f"{limit}. Move the explanation to the description.",
                      span=(limit, len(label)), fixes=fixes)


RULE = Rule(
    id="parameter-summary-length",
    summary="Parameter labels (x-ms-summary) are at most 80 characters long.",
    severity=Severity.WARNING,
    category="certification",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    options={"max": 80},
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
