"""apiProperties.json's `scriptOperations` agrees with the swagger and with script.csx.

## What it does
`scriptOperations` in apiProperties.json lists the operations the script runs for. This rule
reports:
- an item that is no operationId of the swagger (with the closest one);
- a `scriptOperations` list when the connector has no `script.csx` (warning);
- an operationId the script compares against (see
  [script-operation-id](script-operation-id.md)) that exists but is missing from a non-empty
  `scriptOperations`: the script never runs for that operation, so its branch is dead (warning).
  An empty list, or none, lets the script run for every operation.

## Why is this bad?
The platform runs the script only for the listed operations. A listed operation that does not
exist, a list without a script, or a script branch for an unlisted operation all mean the
connector does not do what its author expects, and none of it shows until the operation is
called. In the certified corpus 2 of 619 connectors list an operation that does not exist. In
microsoft/PowerPlatformConnectors (commit 8bff86e), of 61 connectors with `scriptOperations`, 2
(SoloSign, personr) ship no script at all, and 3 (the Tribal connectors) name their script
`Script.cs`, which connector-lint does not read as the script. The shared corpus ships no scripts,
so there every non-empty list is also reported as a list without a script (a warning).

## Example
```json
{"properties": {"scriptOperations": ["GetTaks"]}}
```

## Use instead
```json
{"properties": {"scriptOperations": ["GetTask"]}}
```

## Fix
An unknown item can be replaced by the closest operationId (a suggestion).
"""

from ._api import (Applicability, FileKind, Finding, Fix, FixAvailability, Related, Rule, SetValue, Severity)
from ._apiprops import PROPS
from ._extensions import operation_index
from ._known_keys import did_you_mean
from ._openapi import api_properties
from ._script import operation_id_comparisons

PTR = f"{PROPS}/scriptOperations"


def check(ctx):
    props = api_properties(ctx)
    listed = props.get("scriptOperations") if isinstance(props, dict) else None
    if not isinstance(listed, list):
        return
    if ctx.script is None and listed:
        yield Finding(PTR, "apiProperties lists scriptOperations, but the connector has no script.csx.",
                      severity=Severity.WARNING)
    if not isinstance(ctx.swagger, dict):
        return
    index = operation_index(ctx)
    for i, oid in enumerate(listed):
        if not isinstance(oid, str) or oid in index:
            continue
        best, _ = did_you_mean(oid, list(index))
        hint = f"; did you mean '{best[0]}'?" if best else "."
        fixes = tuple(Fix(f"Change to '{b}'", (SetValue(f"{PTR}/{i}", b),), Applicability.SUGGESTION) for b in best[:3])
        yield Finding(f"{PTR}/{i}", f"scriptOperations names '{oid}', which no operation has{hint}", fixes=fixes)
    if ctx.script is None or not listed:
        return  # an empty list: the script runs for every operation
    names = {x for x in listed if isinstance(x, str)}
    for oid, start, end in operation_id_comparisons(ctx.script):
        if oid in index and oid not in names:
            yield Finding("", f"The script handles '{oid}', but scriptOperations does not list it, so the script "
                              "never runs for that operation.", file=FileKind.SCRIPT, span=(start, end),
                          severity=Severity.WARNING,
                          related=(Related(PTR, "The operations the script runs for", FileKind.API_PROPERTIES),))


RULE = Rule(
    id="script-operations",
    summary="apiProperties.json's scriptOperations agrees with the swagger and with script.csx.",
    severity=Severity.ERROR,
    category="structure",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
)
