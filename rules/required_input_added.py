"""A body schema gains no new required field.

## What it does
Reports a body property that is new and required: the validator's `The required input field has
been added. Existing flows will not send this new field.`, ValuePath
`operation/{op}/parameter/{body}/schema/.../{field}`. New optional fields are fine, and so is
removing an optional field (the validator reports neither).

Operations are matched by operationId and parameters by name; `$ref`s are resolved, so a change to a
shared definition is reported once per operation that reaches it, each with its own ValuePath; the
ValuePath names properties without `properties` and array items as `items` (checked against six PR
threads, see docs/breaking-changes-report.md).

## Why is this bad?
Existing flows do not send the new field; the service rejects their requests.

## Example
Base: `{"properties": {"name": {"type": "string"}}}`; new:
```json
{"type": "object", "required": ["owner"],
 "properties": {"name": {"type": "string"}, "owner": {"type": "string"}}}
```

## Use instead
Add the field as optional (with a `default` if the service needs a value).

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import REQUIRED_INPUT_ADDED, findings


def check(ctx):
    return findings(ctx, REQUIRED_INPUT_ADDED)


RULE = Rule(
    id="required-input-added",
    summary="A body schema gains no new required field.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
