"""apiProperties names the connector's publisher in `properties.publisher`.

## What it does
Flags an apiProperties.json whose `properties` has no `publisher`, an empty one, one written in
another case (`Publisher`), or one still holding the template text ("Name of company or
organization.").

## Why is this bad?
The publisher is shown on the connector's documentation page and in the gallery. Certification
asks verified publishers for their full company name ("Contoso Corporation") and independent
publishers for the name of the person (or people) who wrote the connector.

Severity follows the corpus. For certified connectors it is a **warning**: 54 of the 619
certified connectors (8.7%) have no publisher; they were certified before the field was asked
for, so it is not something Microsoft's validator enforces. For independent publishers it is an
**error**: none of the 395 independent-publisher connectors lacks it, and the independent
publisher process requires it. Custom connectors are not certified: the rule is off for them.

## Example
```json
{"properties": {"iconBrandColor": "#0b6cbd", "stackOwner": "Contoso"}}
```

## Use instead
```json
{"properties": {"iconBrandColor": "#0b6cbd", "publisher": "Contoso Corporation", "stackOwner": "Contoso"}}
```

## Fix
For a certified connector with a `stackOwner`, a suggestion inserts the same name as publisher
(they are usually the same company). A miscased key can be renamed (unsafe: the platform does
not read the miscased key today, so renaming changes what it reads).
"""

from ._api import FileKind, FixAvailability, Preset, Rule, Severity
from ._apiprops import owner_findings


def check(ctx):
    yield from owner_findings(ctx, "publisher", "stackOwner", "the company or organization that publishes it")


RULE = Rule(
    id="publisher-required",
    summary="apiProperties names the connector's publisher.",
    severity=Severity.WARNING,
    category="certification",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    preset_severity={Preset.INDEPENDENT_PUBLISHER: Severity.ERROR, Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
