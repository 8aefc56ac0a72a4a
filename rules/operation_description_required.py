"""Every visible operation has a description.

## What it does
Flags an operation without a `description`, or with an empty one, unless the operation is hidden
(`"x-ms-visibility": "internal"`).

## Why is this bad?
The description is the operation's tooltip in the designer and its paragraph on the connector's
documentation page. The certification checklist requires one, and Microsoft's validator rejects a
visible operation without it (`RequiredPropertyMissing`). Certified connectors show exactly this
scope: 72 operations have no description, all of them internal.

## Example
```json
{"get": {"summary": "Get a task", "operationId": "GetTask"}}
```

## Use instead
```json
{"get": {"summary": "Get a task", "description": "Gets one task by its identifier.", "operationId": "GetTask"}}
```

## Fix
When the summary starts with a common verb, a suggestion writes a first sentence from it ("Get a
task" gives "Gets a task."); the author should say more.
"""

from ._api import FixAvailability, Preset, Rule, Scope, Severity
from ._certification import sentence
from ._openapi import is_internal
from ._text import missing_or_blank


def check(ctx, op):
    if is_internal(op.value):
        return
    summary = op.value.get("summary")
    finding = missing_or_blank(op.pointer, op.value, "description", sentence(summary) if isinstance(summary, str) else None,
                               f"{op.method.upper()} {op.path} has no description; describe what the operation does "
                               "in a sentence.",
                               "The description is empty; describe what the operation does in a sentence.",
                               after="summary" if "summary" in op.value else None)
    if finding:
        yield finding


RULE = Rule(
    id="operation-description-required",
    summary="Every visible operation has a description.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="RequiredPropertyMissing",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.INFORMATION},
    docs=__doc__,
    check=check,
)
