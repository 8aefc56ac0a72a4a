"""Every output field of the base connector's success response is still there.

## What it does
Reports a property of the success response schema (`200`, else the lowest 2xx) or of a webhook's
`x-ms-notification-content` that is gone: the validator's `The output field has been deleted.
Existing flows may be broken if they are using this field and actual payload has been changed.`,
ValuePath `operation/{op}/responses/200/schema/.../{field}` (webhooks:
`operation/{op}/responses/x-ms-notification-content/schema/...`; read from the path item, where
all 677 webhook triggers of the certified corpus declare it, else from the operation). The finding lands on the
`properties` object that lost it. Only the success response is compared (every pasted output
ValuePath is `responses/200/...`).

Operations are matched by operationId and parameters by name; `$ref`s are resolved, so a change to a
shared definition is reported once per operation that reaches it, each with its own ValuePath; the
ValuePath names properties without `properties` and array items as `items` (checked against six PR
threads, see docs/breaking-changes-report.md).

## Why is this bad?
Flows that use the field as dynamic content lose it: the step shows an error and runs get an
empty value.

## Example
Base: `{"properties": {"id": {"type": "string"}, "email": {"type": "string"}}}`; new:
```json
{"type": "object", "properties": {"id": {"type": "string"}}}
```

## Use instead
Keep the field (mark it `"x-ms-visibility": "advanced"` or describe it as deprecated); if the API no
longer returns it, version the operation with `x-ms-api-annotation`.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import OUTPUT_DELETED, findings


def check(ctx):
    return findings(ctx, OUTPUT_DELETED)


RULE = Rule(
    id="output-deleted",
    summary="Every output field of the base connector's success response is still there.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
