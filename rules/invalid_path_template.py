"""Path keys are well-formed templates.

## What it does
Checks each key of `paths`. Validator codes, one per problem:
- `OperationPathMustStartWithSlash`: the path does not start with `/`;
- `OperationPathMayNotContainQueryOrFragment`: it contains `?` or `#` (a query belongs in
  `in: query` parameters);
- `OperationPathContainsUnsupportedCharacters`: it contains `*`;
- `OperationPathTemplateNotValid`: unbalanced or nested braces, an empty `{}`, or a variable
  that spans segments;
- `OperationPathVariablesContainDefaults`: a variable with a default, such as `{id=1}`.

## Why is this bad?
Power Platform builds request URLs from these templates; Microsoft's validator rejects the
connector when one cannot be parsed.

## Example
```json
{"paths": {"tasks/{id=1}": {}, "/search?q={query}": {}}}
```

## Use instead
```json
{"paths": {"/tasks/{id}": {}, "/search": {}}}
```

## Fix
Prefixing a missing `/` is safe. Removing a variable's default is unsafe (the request no
longer falls back to it). The other problems have none.
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, Index, RenameKey, Rule, Scope, Severity, pointer


def _path_keys(ctx) -> frozenset | None:
    paths = ctx.swagger.get("paths") if isinstance(ctx.swagger, dict) else None
    return frozenset(paths) if isinstance(paths, dict) else None


PATH_KEYS = Index("invalid-path-template.path-keys", _path_keys)  # a fix must not rename onto another path


def check(ctx, part):
    if len(part.parts) != 2 or part.parts[0] != "paths" or part.parts[1].startswith("x-"):
        return
    key = part.parts[1]
    paths = ctx.index(PATH_KEYS)
    ptr = pointer("paths", key)
    if not key.startswith("/"):
        fix = Fix(f"Rename to '/{key}'", (RenameKey(ptr, "/" + key),)) if "/" + key not in paths else None
        yield Finding(ptr, f"The path '{key}' must start with '/'.", target="key", fixes=(fix,) if fix else (),
                      validator_code="OperationPathMustStartWithSlash")
    if "?" in key or "#" in key:
        yield Finding(ptr, f"The path '{key}' contains '{'?' if '?' in key else '#'}'; put query values in "
                           "'in: query' parameters instead.", target="key",
                      validator_code="OperationPathMayNotContainQueryOrFragment")
    if "*" in key:
        yield Finding(ptr, f"The path '{key}' contains '*', which Power Platform does not support.",
                      target="key", validator_code="OperationPathContainsUnsupportedCharacters")
    problem = _template_problem(key)
    if problem:
        yield Finding(ptr, f"The path '{key}' is not a valid template: {problem}.", target="key",
                      validator_code="OperationPathTemplateNotValid")
    elif re.search(r"\{[^}]*=", key):
        clean = re.sub(r"\{([^}=]*)=[^}]*\}", r"{\1}", key)
        fixes = (Fix(f"Rename to '{clean}'", (RenameKey(ptr, clean),), Applicability.UNSAFE),) \
            if clean not in paths else ()
        yield Finding(ptr, f"The path '{key}' gives a variable a default value; path variables cannot have "
                           "defaults.", target="key", fixes=fixes,
                      validator_code="OperationPathVariablesContainDefaults")


def _template_problem(key: str) -> str | None:
    depth, start = 0, 0
    for i, ch in enumerate(key):
        if ch == "{":
            if depth:
                return "braces are nested"
            depth, start = 1, i
        elif ch == "}":
            if not depth:
                return "a '}' has no matching '{'"
            depth = 0
            name = key[start + 1:i]
            if not name.strip():
                return "a variable has no name"
            if "/" in name:
                return f"the variable '{{{name}}}' spans segments"
    return "a '{' is not closed" if depth else None


RULE = Rule(
    id="invalid-path-template",
    summary="Path keys are well-formed templates.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    scope=Scope.PART,
    reads=(PATH_KEYS,),
    check=check,
)
