"""An input field keeps every enum value of the base connector.

## What it does
Reports an `enum` of a parameter or a body property that lost values the base allowed: the
validator's `An enum value has been removed from the input field. Existing flows may have this
value chosen and will continue to send it.`, ValuePath `.../{field}/enum` (PR #2539:
`operation/TransfersCalculateExpences/parameter/body/schema/payload/expenses/enum`).

Operations are matched by operationId and parameters by name; `$ref`s are resolved, so a change to a
shared definition is reported once per operation that reaches it, each with its own ValuePath; the
ValuePath names properties without `properties` and array items as `items` (checked against six PR
threads, see docs/breaking-changes-report.md).

## Why is this bad?
Flows that chose a removed value keep sending it; the designer shows it as invalid.

## Example
Base: `"enum": ["SHA (Shared expenses)", "OUR"]`; new:
```json
{"type": "string", "enum": ["SHA", "OUR"]}
```

## Use instead
Keep the old values (the service can map them), and add the new ones beside them.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import INPUT_ENUM_VALUE_REMOVED, findings


def check(ctx):
    return findings(ctx, INPUT_ENUM_VALUE_REMOVED)


RULE = Rule(
    id="input-enum-value-removed",
    summary="An input field keeps every enum value of the base connector.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
