"""Every connection parameter of the base connector is still there.

## What it does
Reports a connection parameter of the base's apiProperties.json (`connectionParameters` or a
parameter set) that is gone, and names a likely new name when one new parameter has the same
type. Not a check of Microsoft's validator (its apiProperties validator has no published rules).

## Why is this bad?
Existing connections hold a value under the old name: after the update they lack it, and every
user must create the connection again.

## Example
Base: `"connectionParameters": {"api_key": {"type": "securestring"}}`; new:
```json
{"properties": {"connectionParameters": {"apiKey": {"type": "securestring"}}}}
```

## Use instead
Keep the parameter's name; change its display name (`uiDefinition.displayName`) instead.

## Fix
None.
"""

from ._api import FileKind, Rule, Severity
from ._breaking import CONNECTION_PARAMETER_REMOVED, findings


def check(ctx):
    return findings(ctx, CONNECTION_PARAMETER_REMOVED)


RULE = Rule(
    id="connection-parameter-removed",
    summary="Every connection parameter of the base connector is still there.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
    file=FileKind.API_PROPERTIES,
)
