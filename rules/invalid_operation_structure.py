"""Each operation follows the OpenAPI 2.0 connector schema.

## What it does
Validates one operation at a time (its parameters, responses and `x-ms-*` extensions) against
connector-lint's JSON Schema for OpenAPI 2.0 plus the Power Platform extensions
(`rules/data/swagger-connector.schema.json`). The rest of the document is checked by
[invalid-swagger-structure](invalid-swagger-structure.md) with the same schema and the same
validator codes (listed there); `$ref`s are checked by [broken-reference](broken-reference.md).

Specific to operations: `OperationMustHaveResponse` (no `responses`, or an empty one; a
warning, since 2% of certified connectors ship such an operation),
`ResponseMustBeDefaultOrHttpStatusCode` (a response key that is neither a three-digit status
code nor `default`), `InvalidNextLinkNameValue` (`x-ms-pageable.nextLinkName` other than
`nextLink` or `@odata.nextLink`), and the shapes of `x-ms-trigger`, `x-ms-trigger-metadata`,
`x-ms-api-annotation`, `x-ms-notification`, `x-ms-operation-context`, `x-ms-openai-data` and
the `x-ms-dynamic-*` extensions of its parameters.

## Why is this bad?
Microsoft's validator rejects an operation with this kind of error, and the designer ignores
keys it does not know, so a misspelled extension silently does nothing.

## Example
```json
{"post": {"operationId": "CreateTask", "x-ms-visibilty": "advanced", "x-ms-trigger": "Single",
          "parameters": [{"name": "id", "in": "path", "type": "string"}], "responses": {}}}
```

## Use instead
```json
{"post": {"operationId": "CreateTask", "x-ms-visibility": "advanced", "x-ms-trigger": "single",
          "parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}],
          "responses": {"200": {"description": "OK"}}}}
```

## Fix
As for [invalid-swagger-structure](invalid-swagger-structure.md): safe for an unambiguous key
rename, a case correction of an allowed value, a duplicate list item and `"required": true` on a
path parameter; unsafe when removing keys the platform ignores; a suggestion for stubs.
"""

from ._api import FixAvailability, Rule, Scope, Severity
from ._schema import operation_findings, validators_


def check(ctx, op):
    yield from operation_findings(op)


RULE = Rule(
    id="invalid-operation-structure",
    summary="Each operation follows the OpenAPI 2.0 connector schema.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    docs=__doc__,
    check=check,
    warm_up=validators_,
)
