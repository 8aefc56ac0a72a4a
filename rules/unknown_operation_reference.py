"""Extensions that call an operation name one that exists.

## What it does
Reports an `operationId` that no operation of the swagger declares, where an extension calls an
operation: `x-ms-dynamic-values`, `x-ms-dynamic-list`, `x-ms-dynamic-schema`,
`x-ms-dynamic-properties`, `x-ms-dynamic-tree` (open and browse), `x-ms-notification`,
`x-ms-capabilities` (testConnection, file-picker), `x-ms-operation-context.simulate`,
`x-ms-api-annotation.replacement` (when it has no `api`, so it names this connector) and
`x-ms-openai-data.operations`. Validator code: `OperationIdNotFound`.

## Why is this bad?
The designer calls that operation to fill a drop-down, build a schema or test the connection;
when it does not exist the feature breaks, and Microsoft's validator rejects the connector
("The 'operationId' could not be found in this swagger document").

## Example
```json
{"x-ms-dynamic-values": {"operationId": "ListProject", "value-path": "id", "value-title": "name"}}
```

## Use instead
```json
{"x-ms-dynamic-values": {"operationId": "ListProjects", "value-path": "id", "value-title": "name"}}
```

## Fix
A suggestion when an existing operationId is close (a typo).
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Related, Rule, SetValue, Severity
from ._extensions import calls, operation_index
from ._known_keys import did_you_mean


def check(ctx):
    index = operation_index(ctx)
    for call in calls(ctx):
        oid = call.value.get("operationId")
        if not isinstance(oid, str) or oid in index:
            continue
        if call.kind == "replacement" and call.value.get("api"):
            continue  # the replacement lives in another connector
        ptr = f"{call.pointer}/operationId"
        best, _ = did_you_mean(oid, list(index))
        fixes = tuple(Fix(f"Change to '{b}'", (SetValue(ptr, b),), Applicability.SUGGESTION) for b in best[:3])
        related = tuple(Related(f"{index[b].pointer}/operationId", f"'{b}' is declared here.") for b in best[:1])
        hint = f"; did you mean '{best[0]}'?" if best else "."
        yield Finding(ptr, f"No operation has the operationId '{oid}' ({call.kind}){hint}", fixes=fixes,
                      related=related)


RULE = Rule(
    id="unknown-operation-reference",
    summary="Extensions that call an operation name one that exists.",
    severity=Severity.ERROR,
    category="structure",
    validator_code="OperationIdNotFound",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
