"""An optional input field stays optional.

## What it does
Reports a parameter or a body property that was optional in the base and is required now: the
validator's `The input field has been changed from optional to required.`, ValuePath
`operation/{op}/parameter/{name}/required` or `.../schema/.../{field}/required`.

Operations are matched by operationId and parameters by name; `$ref`s are resolved, so a change to a
shared definition is reported once per operation that reaches it, each with its own ValuePath; the
ValuePath names properties without `properties` and array items as `items` (checked against six PR
threads, see docs/breaking-changes-report.md).

## Why is this bad?
Existing flows that left the field empty stop working.

## Example
Base: `{"required": []}`; new:
```json
{"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}}}
```

## Use instead
Keep it optional and give it a `default`, or version the operation with `x-ms-api-annotation`.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import INPUT_MADE_REQUIRED, findings


def check(ctx):
    return findings(ctx, INPUT_MADE_REQUIRED)


RULE = Rule(
    id="input-made-required",
    summary="An optional input field stays optional.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
