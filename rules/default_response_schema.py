"""The `default` response has no schema.

## What it does
Flags a `schema` in an operation's `default` response.

## Why is this bad?
The designer builds an operation's outputs from one response schema, and `default` stands for
every status code that is not listed, errors included. Microsoft's validator rejects a schema
there (`DefaultResponseHasSchema`, seen in its logs since 2024): declare the output on the success
response (`200`) instead.

The default severity is **warning**, not error: 61 of the 619 certified connectors (9.9%) have
such a schema; they were certified before the validator checked it. Raise the rule to error for
a new submission.

## Example
```json
{"responses": {"default": {"description": "The task.", "schema": {"$ref": "#/definitions/Task"}}}}
```

## Use instead
```json
{"responses": {"200": {"description": "The task.", "schema": {"$ref": "#/definitions/Task"}},
               "default": {"description": "Error."}}}
```

## Fix
When a success response already has its own schema, removing the `default` one is safe: the
outputs come from the success response. Otherwise the fix moves the schema to the success
response (creating `200` when there is none; removing it when the only success is `204`); that is
unsafe, since it changes what the designer reads. There is no fix when the success response is a
shared `#/responses` entry.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, InsertKey, Preset, RemoveKey, Rule, Scope, Severity
from ._certification import success_responses


def check(ctx, op):
    responses = op.value.get("responses")
    default = responses.get("default") if isinstance(responses, dict) else None
    if not isinstance(default, dict) or "schema" not in default:
        return
    ptr = f"{op.pointer}/responses/default/schema"
    remove = RemoveKey(ptr)
    success = list(success_responses(ctx, op))
    if any(isinstance(r.get("schema"), dict) and r["schema"] for _, _, r in success):
        fix = Fix("Remove the default response's schema", (remove,), Applicability.SAFE)
    elif success:
        code, target, _ = next((s for s in success if s[0] != "204"), success[0])
        if code == "204":  # "no content": the schema cannot describe a success body
            fix = Fix("Remove the default response's schema", (remove,), Applicability.UNSAFE)
        elif target.startswith(f"{op.pointer}/"):
            fix = Fix(f"Move the schema to the '{code}' response",
                      (InsertKey(target, "schema", default["schema"]), remove), Applicability.UNSAFE)
        else:  # a shared #/responses entry: moving the schema there would change other operations
            fix = None
    else:
        description = default.get("description") if isinstance(default.get("description"), str) else "OK"
        new = {"description": description, "schema": default["schema"]}
        fix = Fix("Move the schema to a new '200' response",
                  (InsertKey(f"{op.pointer}/responses", "200", new), remove), Applicability.UNSAFE)
    yield Finding(ptr, "The default response has a schema; declare the output on the success response (200).",
                  target="key", fixes=(fix,) if fix else ())


RULE = Rule(
    id="default-response-schema",
    summary="The default response has no schema.",
    severity=Severity.WARNING,
    category="certification",
    policy_code="5000.2.4.2",
    validator_code="DefaultResponseHasSchema",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
