"""Path template variables and path parameters match.

## What it does
For each operation, compares the variables of its path (`/tasks/{taskId}`) with its `in: path`
parameters (its own and its path item's, `$ref`s followed):
- `OperationMissingPathParameter`: a variable without a parameter of that name;
- `PathParameterNotDefinedInTemplate`: a path parameter whose name is not a variable of the path.

When the two differ only in case, one finding says so.

## Why is this bad?
Power Platform fills each variable from the parameter of the same name. Without one, requests
go out with `{taskId}` in the URL; a parameter without a variable is asked for and never sent.
Microsoft's validator rejects both.

## Example
```json
{"/tasks/{taskId}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true, "type": "string"}]}}}
```

## Use instead
```json
{"/tasks/{taskId}": {"get": {"parameters": [{"name": "taskId", "in": "path", "required": true, "type": "string"}]}}}
```

## Fix
Safe when the names differ only in case: the parameter is renamed to the variable. Otherwise a
suggestion: a parameter stub (`required`, `type: string`, `x-ms-url-encoding: single`,
`x-ms-summary`, `description`) for a missing variable; none for an extra parameter.
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, InsertItem, InsertKey, Rule, SetValue, Severity
from ._extensions import effective_parameters, template_variables
from ._openapi import operations


def check(ctx):
    reported = set()
    for op in operations(ctx):
        variables = template_variables(op.path)
        params = {name: ptr for (name, where), (ptr, _) in effective_parameters(ctx, op).items()
                  if where == "path" and isinstance(name, str)}
        lowered = {v.lower(): v for v in variables}
        for name, ptr in params.items():
            if name in variables or ptr in reported:
                continue
            reported.add(ptr)
            variable = lowered.get(name.lower())
            if variable is not None and variable not in params:
                yield Finding(f"{ptr}/name", f"The path parameter '{name}' differs in case from the variable "
                                             f"'{{{variable}}}' of {op.path}.",
                              fixes=(Fix(f"Rename to '{variable}'", (SetValue(f"{ptr}/name", variable),)),),
                              validator_code="PathParameterNotDefinedInTemplate")
            else:
                yield Finding(f"{ptr}/name", f"The path parameter '{name}' is not a variable of {op.path}.",
                              validator_code="PathParameterNotDefinedInTemplate")
        for variable in variables:
            if variable in params or any(p.lower() == variable.lower() for p in params):
                continue
            yield Finding(op.pointer, f"{op.method.upper()} {op.path} has no path parameter for '{{{variable}}}'.",
                          target="key", fixes=(_stub(op, variable),), validator_code="OperationMissingPathParameter")


def _stub(op, variable: str) -> Fix:
    words = " ".join(re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", variable)) or variable
    stub = {"name": variable, "in": "path", "required": True, "type": "string", "x-ms-url-encoding": "single",
            "x-ms-summary": words[:1].upper() + words[1:], "description": f"The {words.lower()}."}
    if isinstance(op.value.get("parameters"), list):
        edit = InsertItem(f"{op.pointer}/parameters", stub)
    else:
        edit = InsertKey(op.pointer, "parameters", [stub])
    return Fix(f"Add a path parameter '{variable}'", (edit,), Applicability.SUGGESTION)


RULE = Rule(
    id="path-parameter-mismatch",
    summary="Path template variables and path parameters match.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
