"""An operation's MIME types fit what it sends and returns.

## What it does
Uses the operation's `consumes`/`produces`, or the document's when the operation has none:
- `ConsumesMissing`: the operation sends a body or form fields but no `consumes` applies;
- `MimeTypeNotCompatibleWithRequestContentSchemaType`: a body parameter with only form MIME types
  (`multipart/form-data`, `application/x-www-form-urlencoded`), or formData parameters without one;
- `StringBinaryNotSupportedForFormUrlEncoded`: a file (or `string`/`binary`) form field sent as
  `application/x-www-form-urlencoded` only;
- `ResponseExampleMustBeProducedByOperation`: a response example for a MIME type the operation
  does not produce.

A warning: 4% of certified connectors ship one of these (mostly no `consumes` at all, where
the platform falls back to JSON).

## Why is this bad?
Power Platform picks the request's Content-Type from `consumes`; with none, or with one that
cannot carry the body, the request is malformed. Microsoft's validator rejects each of these.

## Example
```json
{"post": {"consumes": ["application/x-www-form-urlencoded"],
          "parameters": [{"name": "file", "in": "formData", "type": "file"}]}}
```

## Use instead
```json
{"post": {"consumes": ["multipart/form-data"],
          "parameters": [{"name": "file", "in": "formData", "type": "file"}]}}
```

## Fix
A suggestion for `ConsumesMissing`: add the usual type (`application/json` for a body,
`multipart/form-data` or `application/x-www-form-urlencoded` for form fields). None otherwise.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, InsertKey, Rule, Scope, Severity, pointer
from ._extensions import effective_parameters

FORM = {"multipart/form-data", "application/x-www-form-urlencoded"}


def check(ctx, op):
    root = ctx.swagger if isinstance(ctx.swagger, dict) else {}
    consumes, where = _effective(op, root, "consumes")
    params = [p for _, p in effective_parameters(ctx, op).values()]
    body = any(p.get("in") == "body" for p in params)
    form = [p for p in params if p.get("in") == "formData"]
    if (body or form) and consumes is None:
        usual = "application/json" if body else "multipart/form-data" if any(
            p.get("type") == "file" for p in form) else "application/x-www-form-urlencoded"
        fix = Fix(f"Add \"consumes\": [\"{usual}\"]", (InsertKey(op.pointer, "consumes", [usual]),),
                  Applicability.SUGGESTION)
        yield Finding(op.pointer, f"{op.method.upper()} {op.path} sends a request body but no 'consumes' says "
                                  "its MIME type.", target="key", fixes=(fix,), validator_code="ConsumesMissing")
    elif consumes is not None:
        if body and consumes and consumes <= FORM:
            yield Finding(where, "The body parameter is not form data, but 'consumes' lists only form MIME "
                                 "types.", validator_code="MimeTypeNotCompatibleWithRequestContentSchemaType")
        elif form and not consumes & FORM:
            yield Finding(where, "formData parameters need 'multipart/form-data' or "
                                 "'application/x-www-form-urlencoded' in 'consumes'.",
                          validator_code="MimeTypeNotCompatibleWithRequestContentSchemaType")
        if "application/x-www-form-urlencoded" in consumes and "multipart/form-data" not in consumes:
            for p in form:
                if p.get("type") == "file" or (p.get("type") == "string" and p.get("format") == "binary"):
                    yield Finding(where, f"The form field '{p.get('name')}' carries a file, which "
                                         "application/x-www-form-urlencoded cannot send; use multipart/form-data.",
                                  validator_code="StringBinaryNotSupportedForFormUrlEncoded")
    yield from _examples(op, root)


def _effective(op, root, key):
    own = op.value.get(key)
    if isinstance(own, list):
        return {m.split(";")[0].strip().lower() for m in own if isinstance(m, str)}, f"{op.pointer}/{key}"
    if isinstance(root.get(key), list):
        return {m.split(";")[0].strip().lower() for m in root[key] if isinstance(m, str)}, f"/{key}"
    return None, op.pointer


def _examples(op, root):
    produces, _ = _effective(op, root, "produces")
    responses = op.value.get("responses")
    for code, response in responses.items() if isinstance(responses, dict) else ():
        examples = response.get("examples") if isinstance(response, dict) else None
        for mime in examples if isinstance(examples, dict) else ():
            if produces is not None and mime.split(";")[0].strip().lower() not in produces:
                yield Finding(f"{op.pointer}/responses/{pointer(code)[1:]}/examples/{pointer(mime)[1:]}",
                              f"This example is for '{mime}', which the operation does not produce.", target="key",
                              validator_code="ResponseExampleMustBeProducedByOperation")


RULE = Rule(
    id="media-type-mismatch",
    summary="An operation's MIME types fit what it sends and returns.",
    severity=Severity.WARNING,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    scope=Scope.OPERATION,
    check=check,
)
