"""A trigger keeps its kind (`x-ms-trigger`), and an action stays an action.

## What it does
Reports an operation (matched by operationId) whose `x-ms-trigger` differs from the base's: a
`batch` trigger made `single`, a trigger made an action or the reverse. Not a check of Microsoft's
validator (no ValuePath): an error because the flow's trigger, or its outputs, change shape.

## Why is this bad?
A batch trigger gives flows an array to loop over, a single trigger one item; existing flows
built on the old kind break, and a trigger that became an action cannot start them any more.

## Example
Base: `{"operationId": "OnNewLead", "x-ms-trigger": "batch"}`; new:
```json
{"operationId": "OnNewLead", "x-ms-trigger": "single"}
```

## Use instead
Keep the old trigger (deprecated) and add the new kind under a new operationId.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import TRIGGER_KIND_CHANGED, findings


def check(ctx):
    return findings(ctx, TRIGGER_KIND_CHANGED)


RULE = Rule(
    id="trigger-kind-changed",
    summary="A trigger keeps its kind (`x-ms-trigger`), and an action stays an action.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
