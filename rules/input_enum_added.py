"""An input field that took any value does not gain a list of allowed values.

## What it does
Reports a parameter or a body property that has an `enum` now and had none in the base: the
validator's `The list of enum values has been added to the input field. Existing flows may use
values outside of this list.` (seen in PR #619), ValuePath `.../{field}/enum` (the shape is not
confirmed by a pasted line). A warning: flows only break if they used another value.

## Why is this bad?
Existing flows may send a value outside the new list, which the designer then flags and the
service may reject.

## Example
Base: `{"name": "status", "type": "string"}`; new:
```json
{"name": "status", "type": "string", "enum": ["open", "closed"]}
```

## Use instead
Suggest values without restricting them: `x-ms-enum-values` for display names, or dynamic values.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import INPUT_ENUM_ADDED, findings


def check(ctx):
    return findings(ctx, INPUT_ENUM_ADDED)


RULE = Rule(
    id="input-enum-added",
    summary="An input field that took any value does not gain a list of allowed values.",
    severity=Severity.WARNING,
    category="breaking",
    docs=__doc__,
    check=check,
)
