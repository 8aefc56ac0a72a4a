"""Every output field keeps the type it had in the base connector.

## What it does
Reports a success-response (or notification content) field whose `type` changed: the validator's
`The type has been changed for the output field. Existing flows may be broken if they are using
this field and actual payload has been changed.` (`OutputFieldTypeChanged`), ValuePath
`operation/{op}/responses/200/schema/.../type` (PR #2649:
`operation/FindLead/responses/200/schema/Values/items/Opportunity/type`). Compared as written:
an absent `type` differs from `"object"`, and a `$ref` to an object becoming an array is reported
(PR #2473). The fields under a changed type are not compared.

Operations are matched by operationId and parameters by name; `$ref`s are resolved, so a change to a
shared definition is reported once per operation that reaches it, each with its own ValuePath; the
ValuePath names properties without `properties` and array items as `items` (checked against six PR
threads, see docs/breaking-changes-report.md).

## Why is this bad?
Expressions and later steps that used the field with its old type fail or get a different value.

## Example
Base: `"Opportunity": {"type": "string"}`; new:
```json
{"Opportunity": {"type": "object", "properties": {"id": {"type": "string"}}}}
```

## Use instead
Keep the old field and add the new shape under a new name, or version the operation with
`x-ms-api-annotation`.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import OUTPUT_TYPE_CHANGED, findings


def check(ctx):
    return findings(ctx, OUTPUT_TYPE_CHANGED)


RULE = Rule(
    id="output-type-changed",
    summary="Every output field keeps the type it had in the base connector.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
