"""The connector description is 30 to 500 characters long.

## What it does
Flags an `info.description` shorter than 30 or longer than 500 characters (options `min`,
`max`). An empty description is [description-required](description-required.md)'s finding.

## Why is this bad?
The description introduces the connector on its documentation page and in the gallery: a few
words say nothing, and a long text is cut off. Microsoft's validator rejects it
(`FieldLengthNotInRange`: "The 'description' value must be between '30' and '500' characters").
One certified connector is shorter ("Stormboard Connector"); none is longer.

## Example
```json
{"info": {"description": "Contoso connector"}}
```

## Use instead
```json
{"info": {"description": "Contoso Tasks helps teams plan, assign and track their daily work."}}
```

## Fix
When only spaces and line breaks around the text put it out of range, a safe fix trims them.
Otherwise none: only the author can write the text.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, Rule, SetValue, Severity
from ._openapi import info


def check(ctx):
    text = (info(ctx) or {}).get("description")
    low, high = ctx.options["min"], ctx.options["max"]
    if not isinstance(text, str) or not text.strip() or low <= len(text) <= high:
        return
    fixes = ()
    if low <= len(text.strip()) <= high:
        fixes = (Fix("Trim the spaces around the description", (SetValue("/info/description", text.strip()),),
                     Applicability.SAFE),)
    yield Finding("/info/description", f"The description is {len(text)} characters long; it must be between "
                                       f"{low} and {high}.", fixes=fixes)


RULE = Rule(
    id="description-length",
    summary="The connector description is 30 to 500 characters long.",
    severity=Severity.ERROR,
    category="certification",
    policy_code="5000.2.3.4",
    validator_code="FieldLengthNotInRange",
    fixable=FixAvailability.SOMETIMES,
    options={"min": 30, "max": 500},
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
