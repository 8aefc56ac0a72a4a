"""An operation sends at most one kind of request body, and a GET sends none.

## What it does
Looks at the parameters of each operation (its own and its path item's, `$ref`s followed):
- `OperationParametersContainMultipleBodyParameters` / `PathParametersContainMultipleBodyParameters`:
  more than one `in: body` parameter in the operation's (or the path item's) list;
- `ParameterListContainsFormDataAndBody`: both a body parameter and formData parameters;
- `BodyOrFormDataParameterInFetchOperationNotAllowed`: a `get` operation with a body or formData
  parameter.

## Why is this bad?
A request has one body: either one JSON (or other) document described by the body parameter, or
form fields. Power Platform does not send a body with GET requests. Microsoft's validator
rejects each of these.

## Example
```json
{"get": {"parameters": [{"name": "filter", "in": "body", "schema": {"type": "object"}}]}}
```

## Use instead
```json
{"get": {"parameters": [{"name": "filter", "in": "query", "type": "string"}]}}
```

## Fix
None: the author decides how the request should carry its data.
"""

from ._api import Finding, Related, Rule, Scope, Severity
from ._extensions import effective_parameters
from ._openapi import follow_ref, path_item_operations


def check(ctx, op):
    lists = [(op.pointer, op.value, "OperationParametersContainMultipleBodyParameters")]
    if _first_operation(op):  # the path item's parameters are reported once, with its first operation
        lists.append((op.pointer.rsplit("/", 1)[0], op.path_item, "PathParametersContainMultipleBodyParameters"))
    for base, holder, code in lists:
        bodies = _bodies(ctx, base, holder)
        for ptr in bodies[1:]:
            yield Finding(ptr, "This is a second body parameter; a request has only one body.", target="key",
                          related=(Related(bodies[0], "The first body parameter."),), validator_code=code)
    params = effective_parameters(ctx, op).values()
    body = [ptr for ptr, p in params if p.get("in") == "body"]
    form = [ptr for ptr, p in params if p.get("in") == "formData"]
    if body and form:
        yield Finding(op.pointer, f"{op.method.upper()} {op.path} has both a body parameter and formData "
                                  "parameters; use one or the other.", target="key",
                      related=(Related(body[0], "The body parameter."), Related(form[0], "A formData parameter.")),
                      validator_code="ParameterListContainsFormDataAndBody")
    if op.method == "get":
        for ptr in dict.fromkeys(body + form):
            yield Finding(ptr, f"GET {op.path} cannot send a request body; use query parameters, or "
                               "another method.", target="key",
                          validator_code="BodyOrFormDataParameterInFetchOperationNotAllowed")


def _first_operation(op) -> bool:
    first_ptr, _ = next(path_item_operations(op.pointer.rsplit("/", 1)[0], op.path_item))
    return first_ptr == op.pointer


def _bodies(ctx, base: str, holder: dict) -> list[str]:
    params = holder.get("parameters") if isinstance(holder, dict) else None
    out = []
    for i, raw in enumerate(params if isinstance(params, list) else ()):
        ptr, param = f"{base}/parameters/{i}", raw
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            _, param = follow_ref(ctx.swagger, raw["$ref"], ptr, raw)
        if isinstance(param, dict) and param.get("in") == "body":
            out.append(ptr)
    return out


RULE = Rule(
    id="invalid-request-body",
    summary="An operation sends at most one kind of request body, and a GET sends none.",
    severity=Severity.ERROR,
    category="structure",
    docs=__doc__,
    scope=Scope.OPERATION,
    check=check,
)
