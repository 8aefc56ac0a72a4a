"""Two operations' paths do not overlap where one has a variable and the other a fixed segment.

## What it does
Reports two operations with the same method whose paths are equal except that one has a
variable segment where the other has a fixed one, such as `GET /tasks/{id}` and
`GET /tasks/latest`. Validator code: `PartialDuplicateOperationPath`. Information only: one
certified connector in ten has such a pair, usually on purpose.

## Why is this bad?
A request to `/tasks/latest` matches both templates, so which operation the platform (and its
policies) picks depends on matching order.

## Example
```json
{"paths": {"/tasks/{id}": {"get": {}}, "/tasks/latest": {"get": {}}}}
```

## Use instead
```json
{"paths": {"/tasks/{id}": {"get": {}}, "/latest-task": {"get": {}}}}
```

## Fix
None: changing a URL is the service's decision.
"""

import re

from ._api import Finding, Related, Rule, Severity, pointer
from ._openapi import METHODS

VARIABLE = re.compile(r"^\{[^}]*\}$")


def check(ctx):
    paths = ctx.swagger.get("paths") if isinstance(ctx.swagger, dict) else None
    if not isinstance(paths, dict):
        return
    groups: dict[tuple, list] = {}
    for key, item in paths.items():
        if not isinstance(item, dict) or key.startswith("x-"):
            continue
        segments = key.strip("/").split("/")
        for method in METHODS:
            if isinstance(item.get(method), dict):
                groups.setdefault((method, len(segments)), []).append((key, segments))
    for (method, _), members in groups.items():
        variable = [any(VARIABLE.match(s) for s in segs) for _, segs in members]
        for j, (key, segs) in enumerate(members):
            for i in range(j):  # a pair needs a variable on one side
                if (variable[i] or variable[j]) and _partial(segs, members[i][1]):
                    other = members[i][0]
                    yield Finding(pointer("paths", key, method),
                                  f"{method.upper()} {key} and {method.upper()} {other} can match the same URL.",
                                  target="key", related=(Related(pointer("paths", other, method),
                                                                 "The other operation."),))
                    break


def _partial(a: list, b: list) -> bool:
    differs = False
    for x, y in zip(a, b):
        vx, vy = bool(VARIABLE.match(x)), bool(VARIABLE.match(y))
        if vx and vy or x == y:
            continue
        if vx != vy:
            differs = True
            continue
        return False
    return differs


RULE = Rule(
    id="ambiguous-path",
    summary="Two operations' paths do not overlap where one has a variable and the other a fixed segment.",
    severity=Severity.INFORMATION,
    category="structure",
    validator_code="PartialDuplicateOperationPath",
    docs=__doc__,
    check=check,
)
