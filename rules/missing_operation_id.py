"""Every operation has an operationId.

## What it does
Reports an operation without an `operationId`, or with an empty one. Validator code:
`OperationIdRequired`.

## Why is this bad?
The operationId names the action in Power Automate, Power Apps and Copilot Studio, and other
extensions (`x-ms-dynamic-values`, policy templates) refer to operations by it. Microsoft's
validator rejects an operation without one.

## Example
```json
{"get": {"summary": "List tasks", "responses": {"200": {"description": "OK"}}}}
```

## Use instead
```json
{"get": {"summary": "List tasks", "operationId": "ListTasks", "responses": {"200": {"description": "OK"}}}}
```

## Fix
A suggestion: an operationId made from the summary (or the method and path) in PascalCase, made
unique. Check it: once published, flows depend on it.
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, InsertKey, Rule, Scope, SetValue, Severity
from ._openapi import operation_ids


def check(ctx, op):
    oid = op.value.get("operationId")
    if isinstance(oid, str) and oid.strip():
        return
    if oid is not None and not isinstance(oid, str):
        return  # a wrong type is invalid-operation-structure's finding
    name = _generate(op)
    new = _unique(name, operation_ids(ctx))
    if oid is None:
        edit = InsertKey(op.pointer, "operationId", new, after="summary" if "summary" in op.value else None)
        yield Finding(op.pointer, f"{op.method.upper()} {op.path} has no operationId.",
                      fixes=(Fix(f"Add \"operationId\": \"{new}\"", (edit,), Applicability.SUGGESTION),))
    else:
        yield Finding(f"{op.pointer}/operationId", "The operationId is empty.",
                      fixes=(Fix(f"Set it to \"{new}\"", (SetValue(f"{op.pointer}/operationId", new),),
                                 Applicability.SUGGESTION),))


def _generate(op) -> str:
    summary = op.value.get("summary")
    words = re.findall(r"[A-Za-z0-9]+", summary) if isinstance(summary, str) else []
    if not words:
        words = [op.method] + re.findall(r"[A-Za-z0-9]+", op.path)
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return name if name[:1].isalpha() else "Op" + name


def _unique(name: str, taken: set) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}{n}", n + 1
    return candidate


RULE = Rule(
    id="missing-operation-id",
    summary="Every operation has an operationId.",
    severity=Severity.ERROR,
    category="structure",
    validator_code="OperationIdRequired",
    fixable=FixAvailability.ALWAYS,
    scope=Scope.OPERATION,
    docs=__doc__,
    check=check,
)
