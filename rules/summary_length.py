"""Operation summaries are at most 80 characters long.

## What it does
Flags an operation `summary` longer than 80 characters (option `max`), internal operations
included.

## Why is this bad?
The summary is the operation's name in the designer's list of actions and triggers, where a long
one is cut off. The certification page and the string guidelines set the limit at 80 characters,
and Microsoft's validator checks it (`OperationSummaryTooLong`). None of the 11,758 operations of
the certified connectors goes over it.

## Example
```json
{"summary": "Get the list of every task that is assigned to the signed-in user in the selected project"}
```

## Use instead
```json
{"summary": "Get my tasks in a project"}
```

## Fix
When only spaces around the text put it over the limit, a safe fix trims them. Otherwise none:
only the author can shorten the wording.
"""

from ._api import FixAvailability, Preset, Rule, Scope, Severity
from ._text import too_long


def check(ctx, op):
    finding = too_long(f"{op.pointer}/summary", op.value.get("summary"), ctx.options["max"], "summary")
    if finding:
        yield finding


RULE = Rule(
    id="summary-length",
    summary="Operation summaries are at most 80 characters long.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="OperationSummaryTooLong",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    options={"max": 80},
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
