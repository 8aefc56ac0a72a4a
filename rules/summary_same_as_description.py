"""A description says more than the summary next to it.

## What it does
Flags a visible operation whose `description` is its `summary` again, and a parameter whose
`description` is its `x-ms-summary` again, ignoring case, spaces and punctuation ("Get a task." for
"Get a task"). Parameters of internal operations and internal parameters are not checked.

## Why is this bad?
The summary is the name and the description its explanation, shown as a tooltip beside it: a copy
tells the user nothing more. The string guidelines and the coding standards ask for different
texts. It is not enforced: 27% of certified connectors have an operation whose description
repeats its summary, so this is information; a parameter whose description repeats its label is
only a hint (another 27% have one).

## Example
```json
{"summary": "Get a task", "description": "Get a task"}
```

## Use instead
```json
{"summary": "Get a task", "description": "Gets one task by its identifier, with its assignee and due date."}
```

## Fix
None: only the author can say more.
"""

from ._api import Finding, Preset, Rule, Scope, Severity
from ._certification import normalised, owned_parameters
from ._openapi import is_internal


def check(ctx, op):
    if is_internal(op.value):
        return
    if _same(op.value.get("summary"), op.value.get("description")):
        yield Finding(f"{op.pointer}/description", "The description repeats the summary; explain what the "
                                                   "operation does.")
    for ptr, param in owned_parameters(ctx, op):
        if not is_internal(param) and _same(param.get("x-ms-summary"), param.get("description")):
            yield Finding(f"{ptr}/description", "The description repeats the x-ms-summary; tell users what to "
                                                "enter.", severity=Severity.HINT)


def _same(summary, description) -> bool:
    return isinstance(summary, str) and isinstance(description, str) and bool(normalised(summary)) \
        and normalised(summary) == normalised(description)


RULE = Rule(
    id="summary-same-as-description",
    summary="A description says more than the summary next to it.",
    severity=Severity.INFORMATION,
    category="strings",
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
