"""Every operation declares a success (2xx) response.

## What it does
Flags an operation whose `responses` list no 2xx status code: only `default`, or only error
codes. An operation with no responses at all is
[invalid-operation-structure](invalid-operation-structure.md)'s finding.

## Why is this bad?
The designer builds the operation's outputs from its success response, and the coding standards
ask for the expected response to be listed by its status code; `default` is meant for errors.
Microsoft's validator warns (`OperationShouldHaveSuccessfulResponse`). It does not reject it:
11% of certified connectors have an operation with only a `default` response, so this is a
warning, not an error.

## Example
```json
{"responses": {"default": {"description": "The task.", "schema": {"$ref": "#/definitions/Task"}}}}
```

## Use instead
```json
{"responses": {"200": {"description": "The task.", "schema": {"$ref": "#/definitions/Task"}}}}
```

## Fix
Renaming `default` to `200` keeps the response and its schema; it is unsafe, since other status
codes then no longer match it. Without a `default`, a suggestion adds `"200": {"description":
"OK"}`.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, InsertKey, Preset, RenameKey, Rule, Scope, Severity
from ._certification import SUCCESS


def check(ctx, op):
    responses = op.value.get("responses")
    if not isinstance(responses, dict) or not responses or any(SUCCESS.match(str(code)) for code in responses):
        return
    ptr = f"{op.pointer}/responses"
    if "default" in responses:
        fix = Fix("Rename 'default' to '200'", (RenameKey(f"{ptr}/default", "200"),), Applicability.UNSAFE)
        message = "The operation has no success response, only 'default'; declare the success response as '200'."
    else:
        fix = Fix("Add a '200' response", (InsertKey(ptr, "200", {"description": "OK"}),), Applicability.SUGGESTION)
        message = "The operation has no success (2xx) response; declare the one it returns."
    yield Finding(ptr, message, target="key", fixes=(fix,))


RULE = Rule(
    id="response-success-missing",
    summary="Every operation declares a success (2xx) response.",
    severity=Severity.WARNING,
    category="certification",
    validator_code="OperationShouldHaveSuccessfulResponse",
    fixable=FixAvailability.ALWAYS,
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.INFORMATION},
    docs=__doc__,
    check=check,
)
