"""The connector keeps the host and base path of the base connector.

## What it does
Reports a `host` or `basePath` that differs from the base's. Not a check of Microsoft's validator.
A warning: moving a service is sometimes intended, but every existing connection and flow is
sent to the new address at once.

## Why is this bad?
Existing connections carry credentials for the old service; if the new host does not accept
them or serves another API version, every flow fails at once.

## Example
Base: `"host": "api.contoso.com", "basePath": "/v1"`; new:
```json
{"host": "api.contoso.com", "basePath": "/v2"}
```

## Use instead
Keep the base path and put the new version in the operations' paths (`/v2/leads`) as new
operations, so existing ones keep working.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import HOST_CHANGED, findings


def check(ctx):
    return findings(ctx, HOST_CHANGED)


RULE = Rule(
    id="host-changed",
    summary="The connector keeps the host and base path of the base connector.",
    severity=Severity.WARNING,
    category="breaking",
    docs=__doc__,
    check=check,
)
