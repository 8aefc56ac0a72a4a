"""The swagger has `x-ms-connector-metadata` with the Website, Privacy policy and Categories items.

## What it does
Flags a swagger without the root `x-ms-connector-metadata` array, one that lacks an item whose
`propertyName` is `Website`, `Privacy policy` or `Categories`, an item with an empty
`propertyValue`, and a Website or Privacy policy value that is not an http(s) URL.

`propertyName` is matched **without case**: Microsoft's connector repository writes `Privacy
Policy` in 76 files and `WebSite` in 3, all of them accepted by the validator; matching exactly
would flag 61 certified connectors. A name spelled differently from the documentation is only a
hint.

## Why is this bad?
These items are published on the connector's documentation page. Microsoft's validator rejects a
swagger without them ("The 'x-ms-connector-metadata' property is required", "The connector
metadata property 'Categories' is required").

The default severity is **warning**: 41 of the 619 certified connectors (6.6%) have no metadata
at all; they were certified before the validator enforced it. Raise the rule to error for a new
submission. Custom connectors are not certified: the rule is off for them.
Certification reports a missing or invalid Website as policy 5000.3.1.3 and Privacy policy as 5000.3.1.5.

## Example
```json
{"x-ms-connector-metadata": [{"propertyName": "Website", "propertyValue": "https://contoso.com"}]}
```

## Use instead
```json
{"x-ms-connector-metadata": [
  {"propertyName": "Website", "propertyValue": "https://contoso.com"},
  {"propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy"},
  {"propertyName": "Categories", "propertyValue": "Productivity;Collaboration"}]}
```

## Fix
A suggestion inserts the missing array or items with empty values for the author to fill in. A
documented spelling for a `propertyName` that differs only in case is a safe fix.
"""

import re

from ._api import (Applicability, Finding, Fix, FixAvailability, InsertItem, InsertKey, Preset, Rule, SetValue,
                   Severity)

KEY = "x-ms-connector-metadata"
NAMES = ("Website", "Privacy policy", "Categories")
POLICY = {"Website": "5000.3.1.3", "Privacy policy": "5000.3.1.5"}  # certification policy codes
URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#].*)?", re.I)


def _item(name):
    return {"propertyName": name, "propertyValue": ""}


def check(ctx):
    doc = ctx.swagger
    if not isinstance(doc, dict):
        return
    items = doc.get(KEY)
    if items is None:
        after = "paths" if "paths" in doc else None
        fix = Fix("Add x-ms-connector-metadata with Website, Privacy policy and Categories",
                  (InsertKey("", KEY, [_item(n) for n in NAMES], after=after),), Applicability.SUGGESTION)
        yield Finding("", f"The swagger has no '{KEY}'; add the Website, Privacy policy and Categories items.",
                      fixes=(fix,), validator_code="RequiredPropertyMissing")
        return
    if not isinstance(items, list):
        yield Finding(f"/{KEY}", f"'{KEY}' must be an array of propertyName/propertyValue items.")
        return
    found = {}
    for i, item in enumerate(items):
        name = item.get("propertyName") if isinstance(item, dict) else None
        if not isinstance(name, str):
            continue
        want = next((n for n in NAMES if n.lower() == name.strip().lower()), None)
        if want is None or want in found:
            continue
        found[want] = i
        ptr = f"/{KEY}/{i}"
        if name != want:
            yield Finding(f"{ptr}/propertyName", f"The documented spelling is '{want}'.", severity=Severity.HINT,
                          fixes=(Fix(f"Write '{want}'", (SetValue(f"{ptr}/propertyName", want),)),))
        value = item.get("propertyValue")
        if not isinstance(value, str) or not value.strip():
            yield Finding(f"{ptr}/propertyValue" if "propertyValue" in item else ptr,
                          f"The '{want}' metadata has no value.", validator_code="RequiredValueEmpty",
                          policy_code=POLICY.get(want))
        elif want != "Categories" and not URL.fullmatch(value.strip()):
            yield Finding(f"{ptr}/propertyValue", f"The '{want}' metadata should be an http(s) URL.",
                          validator_code="UrlNotValid", policy_code=POLICY.get(want))
    for name in NAMES:
        if name not in found:
            fix = Fix(f"Add the '{name}' item", (InsertItem(f"/{KEY}", _item(name)),), Applicability.SUGGESTION)
            yield Finding(f"/{KEY}", f"'{KEY}' has no '{name}' item.", fixes=(fix,),
                          validator_code="ConnectorMetadataPropertiesMissing", policy_code=POLICY.get(name))


RULE = Rule(
    id="connector-metadata-required",
    summary="The swagger has x-ms-connector-metadata with Website, Privacy policy and Categories.",
    severity=Severity.WARNING,
    category="certification",
    validator_code="ConnectorMetadataPropertiesMissing",
    fixable=FixAvailability.SOMETIMES,
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
