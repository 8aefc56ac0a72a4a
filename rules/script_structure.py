"""script.csx defines `public class Script : ScriptBase` overriding `ExecuteAsync`, within 1 MB.

## What it does
Reads `script.csx` as text (no compiler runs, nothing is executed) and reports:
- a script of 1 MB or more;
- no class deriving from `ScriptBase`, or one with another name than `Script` (a class named
  `script` in another case is a warning: three published independent-publisher scripts use it);
- no `public override async Task<HttpResponseMessage> ExecuteAsync()` (a warning when the class
  is not `public`).

## Why is this bad?
Microsoft's "Write code in a custom connector" requires the class to be named `Script`, to
implement `ScriptBase` and its `ExecuteAsync` method, and custom code to be less than 1 MB. A
script that breaks these is rejected when the connector is saved or fails on every call. All 82
scripts in microsoft/PowerPlatformConnectors (commit 8bff86e) follow the shape; 3 name the class
`script`.

## Example
```csharp
public class Transformer : ScriptBase
{
    public Task<HttpResponseMessage> Run() { ... }
}
```

## Use instead
```csharp
public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync() { ... }
}
```

## Fix
None: the script is C#, and connector-lint edits JSON only.
"""

from ._api import FileKind, Finding, Rule, Severity
from ._script import MAX_BYTES, classes, has_execute_override, mentions_execute


def check(ctx):
    text = ctx.script
    if text is None:
        return
    size = len(text.encode("utf-8", "surrogatepass"))
    if size >= MAX_BYTES:
        yield Finding("", f"script.csx is {size:,} bytes; custom code must be less than 1 MB.", span=(0, 1))
    found = [c for c in classes(text) if (c[1] or "").split(".")[-1] == "ScriptBase"]
    if not found:
        yield Finding("", "script.csx has no class deriving from ScriptBase; declare "
                          "'public class Script : ScriptBase'.", span=(0, 1))
        return
    name, _, modifiers, start, end = found[0]
    if name != "Script":
        lower = name.lower() == "script"
        yield Finding("", f"The script class is named '{name}'; it must be named 'Script'.", span=(start, end),
                      severity=Severity.WARNING if lower else None)
    elif "public" not in modifiers.split():
        yield Finding("", "The Script class is not public; declare 'public class Script : ScriptBase'.",
                      span=(start, end), severity=Severity.WARNING)
    if not has_execute_override(text):
        at = mentions_execute(text)
        span = (at, at + len("ExecuteAsync")) if at is not None else (start, end)
        yield Finding("", "The Script class does not override 'public override async Task<HttpResponseMessage> "
                          "ExecuteAsync()'.", span=span)


RULE = Rule(
    id="script-structure",
    summary="script.csx defines public class Script : ScriptBase overriding ExecuteAsync, within 1 MB.",
    severity=Severity.ERROR,
    category="structure",
    file=FileKind.SCRIPT,
    docs=__doc__,
    check=check,
)
