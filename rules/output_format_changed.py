"""Every output field keeps the format it had in the base connector.

## What it does
Reports a success-response (or notification content) field whose `format` changed, including a
format added or removed: the validator's `The type format has been changed for the output
field.` (`OutputFieldTypeFormatChanged`), ValuePath `.../{field}/format` (PR #807:
`int32` → absent was reported), for webhook triggers
`operation/{op}/responses/x-ms-notification-content/schema/.../format`. A warning: the value on
the wire rarely changes with the format.

Operations are matched by operationId and parameters by name; `$ref`s are resolved, so a change to a
shared definition is reported once per operation that reaches it, each with its own ValuePath; the
ValuePath names properties without `properties` and array items as `items` (checked against six PR
threads, see docs/breaking-changes-report.md).

## Why is this bad?
The designer types the field by its format (a date-time, an integer size): flows that used it
may see it typed differently.

## Example
Base: `"harmless": {"type": "integer", "format": "int32"}`; new:
```json
{"harmless": {"type": "integer"}}
```

## Use instead
Keep the format as released.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import OUTPUT_FORMAT_CHANGED, findings


def check(ctx):
    return findings(ctx, OUTPUT_FORMAT_CHANGED)


RULE = Rule(
    id="output-format-changed",
    summary="Every output field keeps the format it had in the base connector.",
    severity=Severity.WARNING,
    category="breaking",
    docs=__doc__,
    check=check,
)
