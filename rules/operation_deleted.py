"""An operation of the base connector is still there, under the same operationId.

## What it does
Compares the connector with its base (`--base`, or the editor's `connectorLint.base`) and reports
every operation of the base whose operationId is gone. This is what Microsoft's change validator
reports as `The operation has been deleted. This change breaks existing flows.` with the ValuePath
`operation/{operationId}`. Operations are matched by operationId only (every ValuePath in the PR
threads starts `operation/{operationId}`, never a path): renaming an operationId is a deletion
(PRs #1440 and #3470 were reported so). The finding lands on the operation's path item when it
still exists (else on `paths`); for a renamed operationId, on the new operationId. Silent without a
base, and for a connector that does not exist in the base.

## Why is this bad?
Flows and apps call an action or a trigger by its operationId. Every flow that uses the deleted
one fails to load and stops running, and reviewers ask for the operation back.

## Example
Base:
```json
{"paths": {"/leads": {"get": {"operationId": "ListLeads", "responses": {"200": {"description": "OK"}}}}}}
```
New (renamed, which is a deletion to existing flows):
```json
{"paths": {"/leads": {"get": {"operationId": "GetLeads", "responses": {"200": {"description": "OK"}}}}}}
```

## Use instead
Keep the old operation, mark it `"deprecated": true` (and hide it from new flows if you wish), and
add the new one beside it; to change an operation's shape, version it with `x-ms-api-annotation`
(`family`, `revision`) and a new operationId such as `ListLeadsV2`:
```json
{"paths": {"/leads": {"get": {"operationId": "ListLeads", "deprecated": true,
                              "responses": {"200": {"description": "OK"}}}},
           "/v2/leads": {"get": {"operationId": "ListLeadsV2",
                                 "x-ms-api-annotation": {"family": "ListLeads", "revision": 2},
                                 "responses": {"200": {"description": "OK"}}}}}}
```

## Fix
Unsafe, never applied by `--fix`: for a deleted operation, restore it from the base marked
`"deprecated": true` (with its path item's parameters and the shared definitions it needs
that are gone); for a renamed
operationId, keep the old id.
"""

from ._api import FixAvailability, Rule, Severity
from ._breaking import OPERATION_DELETED, findings


def check(ctx):
    return findings(ctx, OPERATION_DELETED)


RULE = Rule(
    id="operation-deleted",
    summary="An operation of the base connector is still there, under the same operationId.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
    fixable=FixAvailability.SOMETIMES,
)
