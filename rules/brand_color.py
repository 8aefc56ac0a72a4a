"""`iconBrandColor` is the brand's `#RRGGBB` colour, not white or `#007ee5`; `#da3b01` for independent publishers.

## What it does
Checks `properties.iconBrandColor` in apiProperties.json:
- it is present and an HTML hex colour `#RRGGBB` (case does not matter);
- for verified publishers, it is not white (`#ffffff`) or the portal's default blue (`#007ee5`);
  a colour that is white to the eye (every channel 250 or more, such as `#fefefe`) is reported
  as information;
- for independent publishers, it is exactly `#da3b01`.

## Why is this bad?
The colour is the background of the connector's icon tile. Certification requires verified
publishers to use their brand colour, not white and not the default `#007ee5` that every new
custom connector starts with; independent-publisher connectors all share the orange `#da3b01`.
In the certified corpus 4 connectors (0.6%) use a banned colour, and all 395 independent
publishers use `#da3b01`. Custom connectors are not certified: for them only the format is
checked.

## Example
```json
{"properties": {"iconBrandColor": "#007ee5"}}
```

## Use instead
```json
{"properties": {"iconBrandColor": "#0b6cbd"}}
```

## Fix
For independent publishers the colour is known: the fix sets (or inserts) `#da3b01` (safe). A
colour missing its `#` or written `#rgb` is rewritten as `#rrggbb` (safe). Otherwise none: only
the author knows the brand colour.
"""

import re

from ._api import FileKind, Finding, Fix, FixAvailability, InsertKey, Preset, Rule, SetValue, Severity
from ._apiprops import PROPS
from ._openapi import api_properties

IP_COLOR = "#da3b01"
BANNED = {"#ffffff": "white", "#007ee5": "the default custom-connector blue"}
PTR = f"{PROPS}/iconBrandColor"


def _normalized(value: str) -> str | None:
    """`#rrggbb` for `rrggbb`, `#rgb` and `rgb`; None when it is no hex colour at all."""
    text = value.strip()
    m = re.fullmatch(r"#?([0-9a-fA-F]{6})", text) or re.fullmatch(r"#?([0-9a-fA-F]{3})", text)
    if not m:
        return None
    digits = m.group(1) if len(m.group(1)) == 6 else "".join(c * 2 for c in m.group(1))
    return "#" + digits.lower()


def check(ctx):
    props = api_properties(ctx)
    if props is None:
        return
    ip = ctx.preset is Preset.INDEPENDENT_PUBLISHER
    if "iconBrandColor" not in props:
        fixes = (Fix(f"Insert {IP_COLOR}", (InsertKey(PROPS, "iconBrandColor", IP_COLOR),)),) if ip else ()
        yield Finding(PROPS, "apiProperties has no 'iconBrandColor'; give the brand colour as #RRGGBB.", fixes=fixes)
        return
    value = props["iconBrandColor"]
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        better = IP_COLOR if ip else (_normalized(value) if isinstance(value, str) else None)
        fixes = (Fix(f"Write {better}", (SetValue(PTR, better),)),) if better else ()
        yield Finding(PTR, "'iconBrandColor' must be an HTML hex colour such as #0b6cbd.", fixes=fixes)
        return
    color = value.lower()
    if ip:
        if color != IP_COLOR:
            yield Finding(PTR, f"Independent-publisher connectors use the icon colour {IP_COLOR}.",
                          fixes=(Fix(f"Set {IP_COLOR}", (SetValue(PTR, IP_COLOR),)),))
    elif ctx.preset is Preset.CERTIFIED:
        if color in BANNED:
            yield Finding(PTR, f"{value} is {BANNED[color]}; use your brand colour for the icon background.")
        elif min(int(color[i:i + 2], 16) for i in (1, 3, 5)) >= 250:
            yield Finding(PTR, f"{value} is white to the eye; the icon background must not be white.",
                          severity=Severity.INFORMATION)
        elif color == IP_COLOR:
            yield Finding(PTR, f"{IP_COLOR} is the colour of independent-publisher connectors; use your brand colour.",
                          severity=Severity.WARNING)


RULE = Rule(
    id="brand-color",
    summary="iconBrandColor is a #RRGGBB brand colour, not white or #007ee5; #da3b01 for independent publishers.",
    severity=Severity.ERROR,
    category="certification",
    policy_code="5000.2.1.1",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    preset_severity={Preset.CUSTOM: Severity.WARNING},
    docs=__doc__,
    check=check,
)
