"""A parameter's dynamic values keep their source.

## What it does
Reports an `x-ms-dynamic-values`, `-list`, `-schema`, `-properties` or `-tree` of a parameter or
body property whose source changed: the operation it calls, the parameters it sends, or where
it reads the values (`value-path`, `value-collection`, `itemValuePath`...). Not a check of
Microsoft's validator. A warning: existing flows run with the values they saved, but those may
not be in the new list, and editing the step shows other choices.

## Why is this bad?
Values that existing flows picked from the old list (an id from another endpoint) may mean
nothing to the new source.

## Example
Base: `"x-ms-dynamic-values": {"operationId": "ListBoards", "value-path": "id"}`; new:
```json
{"x-ms-dynamic-values": {"operationId": "ListWorkspaces", "value-path": "id"}}
```

## Use instead
Keep the source; offer the new list through a new parameter or a new operation version.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import DYNAMIC_SOURCE_CHANGED, findings


def check(ctx):
    return findings(ctx, DYNAMIC_SOURCE_CHANGED)


RULE = Rule(
    id="dynamic-source-changed",
    summary="A parameter's dynamic values keep their source.",
    severity=Severity.WARNING,
    category="breaking",
    docs=__doc__,
    check=check,
)
