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

from ._api import FixAvailability, Preset, Rule, Scope, Severity
from ._certification import owned_parameters
from ._text import too_long


def check(ctx, op):
    limit = ctx.options["max"]
    for ptr, param in owned_parameters(ctx, op, visible_only=False):
        finding = too_long(f"{ptr}/x-ms-summary", param.get("x-ms-summary"), limit, "x-ms-summary",
                           " Move the explanation to the description.", short_name="label")
        if finding:
            yield finding


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
