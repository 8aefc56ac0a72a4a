"""Every visible operation has a summary.

## What it does
Flags an operation without a `summary`, or with an empty one, unless the operation is hidden
(`"x-ms-visibility": "internal"`).

## Why is this bad?
The summary is the action's or trigger's name in the designer; without it, users see the
operationId. The certification checklist requires one, and Microsoft's validator rejects a visible
operation without it (`RequiredPropertyMissing`). Certified connectors show exactly this scope:
45 operations have no summary, all of them internal.

## Example
```json
{"get": {"operationId": "GetTask", "description": "Gets one task by its identifier."}}
```

## Use instead
```json
{"get": {"summary": "Get a task", "operationId": "GetTask", "description": "Gets one task by its identifier."}}
```

## Fix
A suggestion derives a summary from the operationId ("ListOpenTasks" gives "List open tasks");
the author should check the wording.
"""

import re

from ._api import FixAvailability, Preset, Rule, Scope, Severity
from ._openapi import is_internal
from ._text import acronyms, missing_or_blank, split_camel


def check(ctx, op):
    if is_internal(op.value):
        return
    finding = missing_or_blank(op.pointer, op.value, "summary", _from_operation_id(op.value.get("operationId")),
                               f"{op.method.upper()} {op.path} has no summary; the designer shows the summary as the "
                               "operation's name.",
                               "The summary is empty; the designer shows it as the operation's name.")
    if finding:
        yield finding


def _from_operation_id(oid) -> str | None:
    """GetOpenTasks_V2 -> "Get open tasks"; None when the operationId has no words."""
    if not isinstance(oid, str):
        return None
    oid = re.sub(r"_?[Vv]\d+$", "", oid)
    parts = [p for chunk in re.split(r"[\W_]+", oid) for _, _, p in split_camel(chunk)]
    words = []
    for i, part in enumerate(parts):
        known = acronyms().get(part.lower())
        if known and (i > 0 or part.isupper()):
            words.append(known)
        else:
            words.append(part.capitalize() if i == 0 else part.lower())
    return " ".join(words) or None


RULE = Rule(
    id="summary-required",
    summary="Every visible operation has a summary.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="RequiredPropertyMissing",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.WARNING},
    docs=__doc__,
    check=check,
)
