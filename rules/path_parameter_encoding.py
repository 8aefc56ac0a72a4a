"""Path parameters say how they are URL-encoded, and query parameters do not.

## What it does
- `PathParameterMissingEncoding`: an `in: path` parameter without `x-ms-url-encoding`;
- `QueryParameterEncodingNotSupported`: an `in: query` parameter with `x-ms-url-encoding`.

Information: Microsoft's validator only warns, and one certified connector in five omits it.

## Why is this bad?
A path value that contains `/` or `%` is only sent intact when the encoding is what the service
expects: `single` (the default) or `double`. Stating it makes the choice visible. Query values
are always encoded once; Microsoft's validator does not support the extension there.

## Example
```json
{"parameters": [{"name": "path", "in": "path", "required": true, "type": "string"},
                {"name": "q", "in": "query", "type": "string", "x-ms-url-encoding": "single"}]}
```

## Use instead
```json
{"parameters": [{"name": "path", "in": "path", "required": true, "type": "string", "x-ms-url-encoding": "single"},
                {"name": "q", "in": "query", "type": "string"}]}
```

## Fix
A suggestion for a path parameter: `"x-ms-url-encoding": "single"`. It is the default, so
requests do not change, but it is not applied in bulk: a value that can contain `/` (a file
path, for instance) may need `"double"`, and the point of the finding is to decide. Safe:
removing `"single"` from a query parameter; removing `"double"` there is unsafe.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, InsertKey, RemoveKey, Rule, Severity
from ._extensions import all_parameters


def check(ctx):
    for ptr, param in all_parameters(ctx):
        where = param.get("in")
        if where == "path" and "x-ms-url-encoding" not in param:
            fix = Fix("Add \"x-ms-url-encoding\": \"single\"",
                      (InsertKey(ptr, "x-ms-url-encoding", "single", after="type" if "type" in param else None),),
                      Applicability.SUGGESTION)
            yield Finding(ptr, f"The path parameter '{param.get('name')}' does not say how it is URL-encoded "
                               "(x-ms-url-encoding).", target="key", fixes=(fix,),
                          validator_code="PathParameterMissingEncoding")
        elif where == "query" and "x-ms-url-encoding" in param:
            value = param["x-ms-url-encoding"]
            fix = Fix("Remove x-ms-url-encoding", (RemoveKey(f"{ptr}/x-ms-url-encoding"),),
                      Applicability.SAFE if value == "single" else Applicability.UNSAFE)
            yield Finding(f"{ptr}/x-ms-url-encoding", "Query parameters cannot set x-ms-url-encoding; they are "
                                                      "always encoded once.", target="key", fixes=(fix,),
                          validator_code="QueryParameterEncodingNotSupported")


RULE = Rule(
    id="path-parameter-encoding",
    summary="Path parameters say how they are URL-encoded, and query parameters do not.",
    severity=Severity.INFORMATION,
    category="structure",
    fixable=FixAvailability.ALWAYS,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
