"""The connector title (`info.title`) is at most 30 characters long.

## What it does
Flags an `info.title` longer than 30 characters (option `max`).

## Why is this bad?
The title is the connector's name in the connector gallery, where space is short. Microsoft's
validator rejects longer titles with `FieldLengthExceeded` ("The 'title' value goes over the
character limit '30'").

## Example
```json
{"info": {"title": "Contoso Document Conversion and Signing"}}
```

## Use instead
```json
{"info": {"title": "Contoso Documents"}}
```

## Fix
Safe, when spaces around the title make it too long: trims them. Otherwise none: only the author
can choose a shorter name. The characters past the limit are underlined.
"""

from ._api import FixAvailability, Rule, Severity
from ._openapi import info
from ._text import too_long


def check(ctx):
    finding = too_long("/info/title", (info(ctx) or {}).get("title"), ctx.options["max"], "title")
    if finding:
        yield finding


RULE = Rule(
    id="title-length",
    summary="The connector title is at most 30 characters long.",
    severity=Severity.ERROR,
    category="certification",
    policy_code="5000.2.2.1",
    validator_code="FieldLengthExceeded",
    fixable=FixAvailability.SOMETIMES,
    options={"max": 30},
    docs=__doc__,
    check=check,
)
