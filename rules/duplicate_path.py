"""No two paths describe the same URL.

## What it does
Reports a path that repeats another one:
- `PathRedefined`: two keys equal when upper and lower case are ignored (`/Tasks` and `/tasks`);
- `DuplicateOperationPath`: two templates equal once their variable names are ignored
  (`/tasks/{id}` and `/tasks/{taskId}`) and with an operation of the same method.

The finding is on the later one and links to the earlier one.

## Why is this bad?
The platform cannot tell which operation a request belongs to; Microsoft's validator rejects
the connector.

## Example
```json
{"paths": {"/tasks/{id}": {"get": {}}, "/tasks/{taskId}": {"get": {}}}}
```

## Use instead
```json
{"paths": {"/tasks/{id}": {"get": {}, "delete": {}}}}
```

## Fix
None: merging two path items is the author's decision.
"""

import re

from ._api import Finding, Related, Rule, Severity, pointer
from ._openapi import METHODS


def check(ctx):
    paths = ctx.swagger.get("paths") if isinstance(ctx.swagger, dict) else None
    if not isinstance(paths, dict):
        return
    by_case: dict[str, str] = {}
    by_shape: dict[tuple[str, str], str] = {}
    for key, item in paths.items():
        if key.startswith("x-"):
            continue
        ptr = pointer("paths", key)
        other = by_case.setdefault(key.lower(), key)
        if other != key:
            yield Finding(ptr, f"The path '{key}' repeats '{other}' (paths are compared ignoring case).",
                          target="key", validator_code="PathRedefined",
                          related=(Related(pointer("paths", other), f"'{other}' is defined here."),))
            continue
        shape = re.sub(r"\{[^}]*\}", "{}", key)
        for method in (m for m in METHODS if isinstance(item, dict) and isinstance(item.get(m), dict)):
            other = by_shape.setdefault((shape, method), key)
            if other != key:
                yield Finding(f"{ptr}/{method}",
                              f"{method.upper()} {key} is the same URL as {method.upper()} {other} "
                              "(only the variable names differ).", target="key",
                              validator_code="DuplicateOperationPath",
                              related=(Related(pointer("paths", other, method), "The other operation."),))


RULE = Rule(
    id="duplicate-path",
    summary="No two paths describe the same URL.",
    severity=Severity.ERROR,
    category="structure",
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
