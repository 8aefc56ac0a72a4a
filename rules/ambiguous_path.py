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
        index = _PathIndex()
        for j, (key, segs) in enumerate(members):
            i = index.first_overlap(segs)
            if i is not None:
                other = members[i][0]
                yield Finding(pointer("paths", key, method),
                              f"{method.upper()} {key} and {method.upper()} {other} can match the same URL.",
                              target="key", related=(Related(pointer("paths", other, method), "The other operation."),))
            index.add(segs, j)


class _PathIndex:
    """Paths of one length as a tree of segments (a literal, or VAR for any variable), so that the
    paths overlapping a new one are found by walking the branches it can match, not by comparing
    it with every path (16,000 paths made 128 million comparisons)."""

    VAR = object()

    def __init__(self):
        self.root: dict = {}  # segment -> child node; a leaf holds {None: first index}
        self.first: dict[int, int] = {}  # id(node) -> the smallest index below it

    def add(self, segments: list, index: int) -> None:
        node = self.root
        self.first.setdefault(id(node), index)
        for segment in segments:
            node = node.setdefault(self.VAR if VARIABLE.match(segment) else segment, {})
            self.first.setdefault(id(node), index)
        node.setdefault(None, index)

    def first_overlap(self, segments: list) -> int | None:
        """The smallest index of a path that can match the same URL as `segments` and differs
        from it somewhere by a variable against a fixed segment (a path of the same shape is
        duplicate-path's finding). None when there is none."""
        best = None
        stack = [(self.root, 0, False)]
        while stack:
            node, depth, differs = stack.pop()
            if best is not None and self.first[id(node)] >= best:
                continue  # nothing below can be earlier
            if depth == len(segments):
                if differs and node.get(None) is not None and (best is None or node[None] < best):
                    best = node[None]
                continue
            segment = segments[depth]
            if VARIABLE.match(segment):  # a variable matches every fixed segment and every variable
                for key, child in node.items():
                    if key is not None:
                        stack.append((child, depth + 1, differs or key is not self.VAR))
            else:
                if segment in node:
                    stack.append((node[segment], depth + 1, differs))
                if self.VAR in node:
                    stack.append((node[self.VAR], depth + 1, True))
        return best


RULE = Rule(
    id="ambiguous-path",
    summary="Two operations' paths do not overlap where one has a variable and the other a fixed segment.",
    severity=Severity.INFORMATION,
    category="structure",
    validator_code="PartialDuplicateOperationPath",
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
