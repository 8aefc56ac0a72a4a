"""An operation keeps the path template it had in the base connector.

## What it does
Reports an operation (matched by operationId) whose path template differs from the base's:
the validator's `The path template has been changed for the operation.`, ValuePath
`operation/{operationId}`. The finding lands on the operation.

## Why is this bad?
Existing flows send the parameters they were built with; a new path (a renamed or added path
parameter, another route) may not get the values it needs, and the reviewers ask you to confirm
that existing flows still work.

## Example
Base: `"/leads/{id}": {"get": {"operationId": "GetLead"}}`
New:
```json
{"paths": {"/leads/{leadId}": {"get": {"operationId": "GetLead"}}}}
```

## Use instead
Keep the path; if the service moved, add a new operation (a new operationId, versioned with
`x-ms-api-annotation`) and deprecate the old one:
```json
{"paths": {"/leads/{id}": {"get": {"operationId": "GetLead", "deprecated": true}},
           "/v2/leads/{leadId}": {"get": {"operationId": "GetLeadV2",
                                          "x-ms-api-annotation": {"family": "GetLead", "revision": 2}}}}}
```

## Fix
None: only the author knows whether the old route still works.
"""

from ._api import Rule, Severity
from ._breaking import PATH_CHANGED, findings


def check(ctx):
    return findings(ctx, PATH_CHANGED)


RULE = Rule(
    id="operation-path-changed",
    summary="An operation keeps the path template it had in the base connector.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
