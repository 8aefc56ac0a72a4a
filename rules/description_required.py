"""The connector has a description (`info.description`).

## What it does
Flags a swagger whose `info` has no `description`, or one that is empty or only spaces.

## Why is this bad?
The description is the first paragraph of the connector's documentation page and its card in
the gallery. Microsoft's validator rejects a swagger without one (`RequiredPropertyMissing`: "The
'description' property is required") and an empty one (`RequiredValueEmpty`). No certified
connector lacks one.

## Example
```json
{"info": {"title": "Contoso Tasks", "version": "1.0"}}
```

## Use instead
```json
{"info": {"title": "Contoso Tasks", "version": "1.0",
          "description": "Contoso Tasks helps teams plan, assign and track their daily work."}}
```

## Fix
None: only the author can describe the service.
"""

from ._api import Preset, Rule, Severity
from ._text import missing_or_blank
from ._openapi import info


def check(ctx):
    inf = info(ctx)
    if inf is None:
        return  # no info object: invalid-swagger-structure says so
    finding = missing_or_blank("/info", inf, "description", None,
                               "The connector has no description (info.description); describe the service in 30 to "
                               "500 characters.",
                               "The connector description is empty; describe the service in 30 to 500 characters.")
    if finding:
        yield finding


RULE = Rule(
    id="description-required",
    summary="The connector has a description.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="RequiredPropertyMissing",
    preset_severity={Preset.CUSTOM: Severity.INFORMATION},
    docs=__doc__,
    check=check,
)
