"""An input field keeps the type it had in the base connector.

## What it does
Reports a parameter or a body property whose `type` differs from the base's: the validator's
`The type has been changed for the input field. Existing flows will continue to send the field
with the old type.`, ValuePath `operation/{op}/parameter/{name}/type`, or for a body
`operation/{op}/parameter/{body}/schema/{property}/.../type`. Types are compared as written (an
absent `type` differs from `"object"`).

Operations are matched by operationId and parameters by name; `$ref`s are resolved, so a change to a
shared definition is reported once per operation that reaches it, each with its own ValuePath; the
ValuePath names properties without `properties` and array items as `items` (checked against six PR
threads, see docs/breaking-changes-report.md). The fields under a changed type are not compared.

## Why is this bad?
Existing flows keep sending the old type (a number where the service now wants a string); the
service may reject the request.

## Example
Base: `"font_size": {"type": "number", "format": "double"}`; new:
```json
{"font_size": {"type": "string"}}
```

## Use instead
Keep the type; accept the new form in a new optional field, or version the operation with
`x-ms-api-annotation`.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import INPUT_TYPE_CHANGED, findings


def check(ctx):
    return findings(ctx, INPUT_TYPE_CHANGED)


RULE = Rule(
    id="input-type-changed",
    summary="An input field keeps the type it had in the base connector.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
