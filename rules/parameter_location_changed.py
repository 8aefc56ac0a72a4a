"""A parameter stays where the base connector sent it (`in`).

## What it does
Reports a parameter (matched by name) whose `in` changed: the validator's `The location has been
changed for the parameter. Existing flows will continue to send the parameter in the old
location.`, ValuePath `operation/{operationId}/parameter/{name}/in`.

## Why is this bad?
The request is built from the new definition, but the service may still expect the value where
it was; reviewers ask you to confirm that both work.

## Example
Base: `{"name": "id", "in": "query"}`; new:
```json
{"name": "id", "in": "header", "type": "string"}
```

## Use instead
Keep the location; add a new operation (versioned with `x-ms-api-annotation`) for the new API.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import PARAMETER_LOCATION_CHANGED, findings


def check(ctx):
    return findings(ctx, PARAMETER_LOCATION_CHANGED)


RULE = Rule(
    id="parameter-location-changed",
    summary="A parameter stays where the base connector sent it (`in`).",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
