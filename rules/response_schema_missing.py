"""Success responses that return a body declare its schema.

## What it does
Flags a visible operation whose success (2xx) responses have no `schema`. Not flagged: responses
that return no body (`202`, `204`), webhook triggers whose output is declared in
`x-ms-notification-content`, and internal operations.

## Why is this bad?
Without a schema the designer has no outputs to offer: the next steps of a flow cannot pick
fields of the result, only the raw body. Reviewers ask for response schemas, and Microsoft's
validator warns (`SchemaDefinitionSetIncorrectly`). It does not reject them: 27% of certified
connectors have such an operation (many return nothing useful, such as a delete), so this is
information.

## Example
```json
{"responses": {"200": {"description": "The task."}}}
```

## Use instead
```json
{"responses": {"200": {"description": "The task.", "schema": {"$ref": "#/definitions/Task"}}}}
```

## Fix
None: only the author knows what the response contains. An operation that returns nothing can
say so with `204`.
"""

from ._api import Finding, Preset, Rule, Scope, Severity
from ._certification import reports_response, success_responses
from ._openapi import is_internal

NO_BODY = {"202", "204"}


def check(ctx, op):
    if is_internal(op.value) or _webhook_output(op.value):
        return
    success = [(code, ptr, r) for code, ptr, r in success_responses(ctx, op) if code not in NO_BODY]
    if success and not any("schema" in r for _, _, r in success):
        code, ptr, _ = success[0]
        if not reports_response(ctx, op, ptr):
            return  # a shared #/responses entry, reported by the first operation that uses it
        yield Finding(ptr, f"The '{code}' response has no schema, so the designer offers no outputs; describe "
                           "the body it returns.", target="key")


def _webhook_output(op: dict) -> bool:
    content = op.get("x-ms-notification-content")
    return isinstance(content, dict) and "schema" in content


RULE = Rule(
    id="response-schema-missing",
    summary="Success responses that return a body declare its schema.",
    severity=Severity.INFORMATION,
    category="certification",
    policy_code="5000.2.4.4",
    validator_code="SchemaDefinitionSetIncorrectly",
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.HINT},
    docs=__doc__,
    check=check,
)
