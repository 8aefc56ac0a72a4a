"""apiProperties names the owner of the back-end service in `properties.stackOwner`.

## What it does
Flags an apiProperties.json whose `properties` has no `stackOwner`, an empty one, one written in
another case (`stackowner`), or one still holding the template text ("Name of the owner of the
service or product.").

## Why is this bad?
`stackOwner` names the company that owns the service the connector calls; it is published with
the connector. For verified publishers it is usually the publisher itself; independent
publishers must name the service's owner (for example `"publisher": "Nirmal Kumar",
"stackOwner": "ITGlue"`).

Severity follows the corpus. For certified connectors it is a **warning**: 72 of the 619
certified connectors (11.6%) have none, so Microsoft's validator does not enforce it. For
independent publishers it is an **error**: the independent publisher process requires it and
only 5 of 395 such connectors (1.3%) lack it. Custom connectors are not certified: off.

Note: old versions of the `paconn` CLI refuse `stackOwner` in `create`/`update` ("Could not find
member 'stackOwner'"); keep it in the submitted files anyway.

## Example
```json
{"properties": {"iconBrandColor": "#0b6cbd", "publisher": "Contoso"}}
```

## Use instead
```json
{"properties": {"iconBrandColor": "#0b6cbd", "publisher": "Contoso", "stackOwner": "Contoso"}}
```

## Fix
For a certified connector with a `publisher`, a suggestion inserts the same name (they are usually
the same company; not offered to independent publishers, where they differ). A miscased key can
be renamed (unsafe: the platform does not read the miscased key today).
"""

from ._api import FileKind, FixAvailability, Preset, Rule, Severity
from ._apiprops import owner_findings


def check(ctx):
    yield from owner_findings(ctx, "stackOwner", "publisher", "the company that owns the service it connects to")


RULE = Rule(
    id="stack-owner-required",
    summary="apiProperties names the owner of the back-end service.",
    severity=Severity.WARNING,
    category="certification",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    preset_severity={Preset.INDEPENDENT_PUBLISHER: Severity.ERROR, Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
