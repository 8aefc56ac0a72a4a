"""A parameter list does not declare the same parameter twice.

## What it does
Reports the second parameter with the same `name` and `in` in one list (`$ref`s followed), with
a link to the first:
- `OperationParametersAreNotUnique`: the two are identical;
- `OperationParametersContainDuplicateParameter`: they differ, in an operation's list;
- `PathParametersContainDuplicateParameter`: they differ, in a path item's list.

An operation parameter that overrides a path-item parameter of the same name is allowed by
OpenAPI and not reported.

## Why is this bad?
Only one value can be sent for a name and location; Microsoft's validator rejects the list.

## Example
```json
{"parameters": [{"name": "top", "in": "query", "type": "integer"}, {"name": "top", "in": "query", "type": "string"}]}
```

## Use instead
```json
{"parameters": [{"name": "top", "in": "query", "type": "integer"}]}
```

## Fix
When the two are identical, removing the second is safe. Otherwise there is none.
"""

import json

from ._api import Finding, Fix, FixAvailability, Related, RemoveKey, Rule, Severity, pointer
from ._openapi import follow_ref, parameter_lists


def check(ctx):
    paths = ctx.swagger.get("paths") if isinstance(ctx.swagger, dict) else None
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        for base, holder, params in parameter_lists(pointer("paths", path), item):
            yield from _list(ctx, base, params, "PathParametersContainDuplicateParameter" if holder is item
                             else "OperationParametersContainDuplicateParameter")


def _list(ctx, base, params, code):
    seen = {}
    for i, raw in enumerate(params):
        ptr, param = f"{base}/parameters/{i}", raw
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            _, param = follow_ref(ctx.swagger, raw["$ref"], ptr, raw)
        if not isinstance(param, dict) or not isinstance(param.get("name"), str):
            continue
        key = (param["name"], param.get("in") if isinstance(param.get("in"), str) else None)
        if key not in seen:
            seen[key] = (ptr, param)
            continue
        first_ptr, first = seen[key]
        same = json.dumps(first, sort_keys=True) == json.dumps(param, sort_keys=True)
        related = (Related(first_ptr, "The first declaration."),)
        if same:
            yield Finding(ptr, f"The {key[1]} parameter '{key[0]}' is declared twice, identically.", target="key",
                          fixes=(Fix("Remove the duplicate", (RemoveKey(ptr),)),), related=related,
                          validator_code="OperationParametersAreNotUnique")
        else:
            yield Finding(ptr, f"The {key[1]} parameter '{key[0]}' is declared twice, differently.", target="key",
                          related=related, validator_code=code)


RULE = Rule(
    id="duplicate-parameter",
    summary="A parameter list does not declare the same parameter twice.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
)
