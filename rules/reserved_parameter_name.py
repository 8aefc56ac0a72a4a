"""No parameter is named connectionId.

## What it does
Reports a parameter named `connectionId` (in any case). Validator code:
`ConnectionIdParameterNotAllowed`. Microsoft's `ReservedParameterIsUsed` covers the same kind of
problem for a list of reserved names that is not published, so this rule does not report it.

## Why is this bad?
Power Platform adds a `connectionId` parameter to every operation of a connector to route the
call through the user's connection; a parameter of that name collides with it, and Microsoft's
validator rejects the connector.

## Example
```json
{"name": "connectionId", "in": "query", "type": "string"}
```

## Use instead
```json
{"name": "accountConnectionId", "in": "query", "type": "string"}
```

## Fix
None: the new name is the author's choice (and the service may expect the old one).
"""

from ._api import Finding, Rule, Severity
from ._extensions import all_parameters


def check(ctx):
    for ptr, param in all_parameters(ctx):
        name = param.get("name")
        if isinstance(name, str) and name.lower() == "connectionid":
            yield Finding(f"{ptr}/name", f"'{name}' is reserved: Power Platform adds its own connectionId "
                                         "parameter to every operation.",
                          validator_code="ConnectionIdParameterNotAllowed")


RULE = Rule(
    id="reserved-parameter-name",
    summary="No parameter is named connectionId.",
    severity=Severity.ERROR,
    category="structure",
    validator_code="ConnectionIdParameterNotAllowed",
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
