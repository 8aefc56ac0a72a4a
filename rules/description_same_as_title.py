"""The connector description says more than the title.

## What it does
Flags an `info.description` that is the title again, ignoring case, spaces and punctuation
("Contoso Tasks." for the title "Contoso Tasks").

## Why is this bad?
The description introduces the service on its documentation page and in the gallery, right
under the title: repeating the title tells the reader nothing. Microsoft's connector schema
notes that the description "should be different from the title". It is a guideline, not a
validator check, so the rule warns.

## Example
```json
{"info": {"title": "Contoso Tasks", "description": "Contoso Tasks"}}
```

## Use instead
```json
{"info": {"title": "Contoso Tasks",
          "description": "Contoso Tasks helps teams plan, assign and track their daily work."}}
```

## Fix
None: only the author can describe the service.
"""

from ._api import Finding, Preset, Rule, Severity
from ._certification import normalised
from ._openapi import info


def check(ctx):
    inf = info(ctx) or {}
    title, text = inf.get("title"), inf.get("description")
    if isinstance(title, str) and isinstance(text, str) and normalised(text) and normalised(text) == normalised(title):
        yield Finding("/info/description", "The description repeats the title; say what the service does.")


RULE = Rule(
    id="description-same-as-title",
    summary="The connector description says more than the title.",
    severity=Severity.WARNING,
    category="certification",
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
