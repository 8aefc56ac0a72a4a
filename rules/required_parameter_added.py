"""An existing operation gains no new required parameter.

## What it does
Reports a parameter that is required and was not in the base's operation (parameters are matched
by name; a renamed parameter is a new one): the validator's `The required parameter has been
added.`, ValuePath `operation/{operationId}/parameter/{name}`. A parameter the connector fills in
itself (`"x-ms-visibility": "internal"` with a `default`) is not reported: no flow ever sends it
(the validator's behaviour there is not known).

## Why is this bad?
Existing flows do not send the new parameter, so every run fails until someone edits the flow.

## Example
Base: `"parameters": []`; new:
```json
{"parameters": [{"name": "region", "in": "query", "required": true, "type": "string"}]}
```

## Use instead
Add the parameter as optional, with a `default` the service accepts:
```json
{"parameters": [{"name": "region", "in": "query", "required": false, "type": "string", "default": "eu"}]}
```

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import REQUIRED_PARAMETER_ADDED, findings


def check(ctx):
    return findings(ctx, REQUIRED_PARAMETER_ADDED)


RULE = Rule(
    id="required-parameter-added",
    summary="An existing operation gains no new required parameter.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
