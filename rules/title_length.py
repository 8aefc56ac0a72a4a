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
None: only the author can choose a shorter name.
"""

from ._api import Finding, Rule, Severity
from ._openapi import info


def check(ctx):
    title = (info(ctx) or {}).get("title")
    limit = ctx.options["max"]
    if isinstance(title, str) and len(title) > limit:
        yield Finding("/info/title", f"The title is {len(title)} characters long; the limit is {limit}.")


RULE = Rule(
    id="title-length",
    summary="The connector title is at most 30 characters long.",
    severity=Severity.ERROR,
    category="certification",
    policy_code="5000.2.2.1",
    validator_code="FieldLengthExceeded",
    options={"max": 30},
    docs=__doc__,
    check=check,
)
