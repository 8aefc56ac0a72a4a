"""The connector description names no Power Platform product.

## What it does
Flags Power Platform product names in `info.description`, as whole words and without case. Two
tiers:
- **error**: the names Microsoft's validator rejects: Power Apps, Power Automate, Logic Apps;
- **warning**: the other names of the certification page's wider rule ("any Power Platform
  product name"): Power BI, Power Pages, Copilot Studio, Power Virtual Agents, Microsoft Flow,
  and spellings the validator does not match (PowerApps, Logic App).

## Why is this bad?
The description says what the service does, not where it can be used: the connector is
available in every product anyway. Microsoft's validator rejects the first tier
(`ValueContainsRestrictedWords`: "The value '...' contains at least one of the restricted words:
'power apps, power automate, logic apps'"), and reviewers ask for the others to go. Six certified
connectors (1%) name a first-tier product, all certified before the check.

## Example
```json
{"info": {"description": "Use Contoso Tasks in Power Automate to track your team's work."}}
```

## Use instead
```json
{"info": {"description": "Contoso Tasks helps teams plan, assign and track their daily work."}}
```

## Fix
None: removing a product name usually leaves a broken sentence; the author rewrites it.
"""

from ._api import Finding, Preset, Rule, Severity
from ._openapi import info
from ._words import VALIDATOR, product_names


def check(ctx):
    text = (info(ctx) or {}).get("description")
    if not isinstance(text, str):
        return
    for m in product_names(text):
        if m.tier == VALIDATOR:
            yield Finding("/info/description", f"The description names '{m.name}'; Microsoft's validator rejects "
                                               "Power Platform product names here.", span=(m.start, m.end))
        else:
            yield Finding("/info/description", f"The description names '{m.name}'; certification asks for no Power "
                                               "Platform product names here.", span=(m.start, m.end),
                          severity=Severity.WARNING)


RULE = Rule(
    id="description-product-names",
    summary="The connector description names no Power Platform product.",
    severity=Severity.ERROR,
    category="certification",
    policy_code="5000.2.3.5",
    validator_code="ValueContainsRestrictedWords",
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
