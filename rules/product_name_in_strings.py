"""Summaries and descriptions name no Power Platform product.

## What it does
Flags Power Platform product names (Power Apps, Power Automate, Logic Apps, Power BI, Power Pages,
Copilot Studio, and older names such as Microsoft Flow) in the strings people read: operation
summaries and descriptions, parameter and property labels and descriptions, enum display names,
and the connection parameters' display names and tooltips. The connector's title and description
have their own rules ([title-restricted-words](title-restricted-words.md),
[description-product-names](description-product-names.md)), and a product named in the title is
not flagged again where the strings repeat the connector's name.

## Why is this bad?
A connector works in every Power Platform product, so text that names one ("Use this action in
your Power Automate flows") is wrong in the others. The certification page asks for no product
names in summaries and descriptions. The validator does not check these strings, so the rule
warns (23 certified connectors, 3.7%, name a product in one).

## Example
```json
{"summary": "Send a Power Automate approval", "description": "Sends an approval from your flow."}
```

## Use instead
```json
{"summary": "Send an approval", "description": "Sends an approval to the selected people."}
```

## Fix
None: removing a product name usually leaves a broken sentence; the author rewrites it.
"""

from ._api import Finding, Index, Preset, Rule, Scope, Severity
from ._openapi import info
from ._words import may_name_a_product, product_names

_OWN_RULES = {"title", "description"}  # info.title and info.description have their own rules


def _own_names(ctx) -> frozenset:
    title = (info(ctx) or {}).get("title")
    return frozenset(m.name for m in product_names(title)) if isinstance(title, str) else frozenset()


OWN_NAMES = Index("product-name-in-strings.own-names", _own_names)  # our product names in the connector's title


def check(ctx, s):
    if s.kind in _OWN_RULES or not may_name_a_product(s.text):
        return ()  # most strings
    return _check_string(ctx.index(OWN_NAMES), *s)


def _check_string(own, file, ptr, kind, text):
    for m in product_names(text):
        if m.name in own:
            continue  # the connector's own name ("Robots for Power BI"): title-restricted-words' finding
        yield Finding(ptr, f"'{m.text}' names a Power Platform product ({m.name}); the connector works in all "
                           "of them, so leave it out.", file=file, span=(m.start, m.end))


RULE = Rule(
    id="product-name-in-strings",
    summary="Summaries and descriptions name no Power Platform product.",
    severity=Severity.WARNING,
    category="certification",
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    scope=Scope.DISPLAY_STRING,
    reads=(OWN_NAMES,),
    check=check,
)
