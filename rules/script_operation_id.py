"""The operationIds script.csx compares against exist in the swagger.

## What it does
Finds each string the script compares with `this.Context.OperationId` (`==`, `!=`, `.Equals`,
`string.Equals`, `case` labels of a `switch` on it, also through a local variable or a
`const string`) and reports those that are no operationId of the swagger, with the closest one
("did you mean").

## Why is this bad?
The script tells operations apart by operationId. A misspelled or renamed operationId silently
never matches, so the operation skips its transformation and returns the raw response. The
comparison is exact (ordinal, case-sensitive).

## Example
```csharp
if (this.Context.OperationId == "GetTaks") { ... }
```

## Use instead
```csharp
if (this.Context.OperationId == "GetTask") { ... }
```

## Fix
None: the script is C#; the message names the closest operationId.
"""

from ._api import FileKind, Finding, Related, Rule, Severity
from ._extensions import operation_index
from ._known_keys import did_you_mean
from ._script import operation_id_comparisons


def check(ctx):
    if ctx.script is None or not isinstance(ctx.swagger, dict):
        return
    index = operation_index(ctx)
    for oid, start, end in operation_id_comparisons(ctx.script):
        if oid in index:
            continue
        best, _ = did_you_mean(oid, list(index))
        hint = f"; did you mean '{best[0]}'?" if best else "."
        related = tuple(Related(f"{index[b].pointer}/operationId", f"'{b}' is declared here.", FileKind.SWAGGER)
                        for b in best[:1])
        yield Finding("", f"The script compares the operationId with '{oid}', which no operation has{hint}",
                      span=(start, end), related=related)


RULE = Rule(
    id="script-operation-id",
    summary="The operationIds script.csx compares against exist in the swagger.",
    severity=Severity.ERROR,
    category="structure",
    file=FileKind.SCRIPT,
    docs=__doc__,
    check=check,
)
