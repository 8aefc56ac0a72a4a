"""An operationId uses only letters, digits and underscores.

## What it does
Reports an `operationId` with characters Power Platform strips when it sanitizes the name
(anything but `A-Z`, `a-z`, `0-9` and `_`), and says what the sanitized name is. Underscores are
accepted: Microsoft's own versioning guidance names operations like `GetItems_V2`. Validator
code: `OperationIdSanitized`.

## Why is this bad?
The platform renames the operation behind your back, so what flows, policy templates and
`x-ms-dynamic-values` see is not what the file says. Two names can also collapse into one.

## Example
```json
{"operationId": "get-task.details"}
```

## Use instead
```json
{"operationId": "GetTaskDetails"}
```

## Fix
The fix is unsafe: it renames the operationId to its sanitized form and updates the references to
it in the swagger (`x-ms-dynamic-*`, `x-ms-notification`, `x-ms-capabilities`...). Flows already built on
the connector still use the old name, and policy templates in apiProperties.json are not updated.
Offered only when the sanitized name is free.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Rule, SetValue, Severity
from ._extensions import calls
from ._openapi import OPERATION_ID_NOT_ALLOWED, operation_ids, operations


def check(ctx):
    taken = operation_ids(ctx)
    for op in operations(ctx):
        oid = op.value.get("operationId")
        if not isinstance(oid, str) or not OPERATION_ID_NOT_ALLOWED.search(oid):
            continue
        clean = OPERATION_ID_NOT_ALLOWED.sub("", oid)
        ptr = f"{op.pointer}/operationId"
        fixes = ()
        if clean and clean not in taken:
            edits = [SetValue(ptr, clean)] + [SetValue(f"{c.pointer}/operationId", clean)
                                               for c in calls(ctx) if c.value.get("operationId") == oid]
            fixes = (Fix(f"Rename to '{clean}' and update its references", tuple(edits), Applicability.UNSAFE),)
        shown = ", ".join(sorted({repr(c) for c in OPERATION_ID_NOT_ALLOWED.findall(oid)}))
        yield Finding(ptr, f"The operationId '{oid}' contains {shown}; Power Platform sanitizes it to '{clean}'.",
                      fixes=fixes)


RULE = Rule(
    id="unsanitized-operation-id",
    summary="An operationId uses only letters, digits and underscores.",
    severity=Severity.WARNING,
    category="structure",
    validator_code="OperationIdSanitized",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
