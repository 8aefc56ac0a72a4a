"""An operation that was visible in the base connector is not made internal.

## What it does
Reports an operation whose `x-ms-visibility` became `internal` while it was not in the base: the
validator's `The operation has been hidden. This change breaks the designer for existing flows.`,
ValuePath `operation/{operationId}/x-ms-visibility`.

## Why is this bad?
The designer no longer shows an internal operation: existing flows still run, but their authors
cannot open and edit the step any more.

## Example
Base: `{"operationId": "ListLeads"}`; new:
```json
{"operationId": "ListLeads", "x-ms-visibility": "internal"}
```

## Use instead
Mark the operation `"deprecated": true`: the designer keeps it for existing flows and steers new
ones away from it.
```json
{"operationId": "ListLeads", "deprecated": true}
```

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import OPERATION_HIDDEN, findings


def check(ctx):
    return findings(ctx, OPERATION_HIDDEN)


RULE = Rule(
    id="operation-hidden",
    summary="An operation that was visible in the base connector is not made internal.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
