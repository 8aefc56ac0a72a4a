"""No two operations share an operationId.

## What it does
Reports the second (and later) operation that uses an `operationId` already taken, with a link
to the first one. Validator code: `OperationIdNotUnique`.

## Why is this bad?
The operationId identifies an action in flows and apps, and extensions call operations by it:
with two alike, one of them cannot be reached. Microsoft's validator rejects the connector.

## Example
```json
{"paths": {"/tasks": {"get": {"operationId": "GetTasks"}},
           "/tasks/open": {"get": {"operationId": "GetTasks"}}}}
```

## Use instead
```json
{"paths": {"/tasks": {"get": {"operationId": "GetTasks"}},
           "/tasks/open": {"get": {"operationId": "GetOpenTasks"}}}}
```

## Fix
None: only the author knows which operation keeps the name (renaming breaks existing flows).
"""

from ._api import Finding, Related, Rule, Severity
from ._openapi import operations


def check(ctx):
    first = {}
    for op in operations(ctx):
        oid = op.value.get("operationId")
        if not isinstance(oid, str) or not oid:
            continue
        if oid not in first:
            first[oid] = op
            continue
        other = first[oid]
        yield Finding(f"{op.pointer}/operationId",
                      f"The operationId '{oid}' is already used by {other.method.upper()} {other.path}; "
                      "each operation needs its own.",
                      related=(Related(f"{other.pointer}/operationId", f"'{oid}' is first used here."),))


RULE = Rule(
    id="duplicate-operation-id",
    summary="No two operations share an operationId.",
    severity=Severity.ERROR,
    category="structure",
    validator_code="OperationIdNotUnique",
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
