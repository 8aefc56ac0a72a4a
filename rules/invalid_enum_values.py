"""x-ms-enum-values lists each value of the enum once.

## What it does
Checks `x-ms-enum-values` (the display names of an `enum`). Validator codes:
- `InvalidEnumValuesExtensionValue`: an item whose `value` is not in the sibling `enum`;
- `DuplicateEnumValuesInExtension`: two items with the same `value` (the later one is reported,
  with a link to the first).

A missing `displayName` is reported by the structure rules (`MissingEnumValuesDisplayName`).

## Why is this bad?
The designer shows the display name instead of the value; a name for a value that cannot be
chosen, or two names for one value, confuse users. Microsoft's validator rejects the connector.

## Example
```json
{"type": "string", "enum": ["open", "closed"],
 "x-ms-enum-values": [{"value": "open", "displayName": "Open"}, {"value": "done", "displayName": "Done"}]}
```

## Use instead
```json
{"type": "string", "enum": ["open", "closed"],
 "x-ms-enum-values": [{"value": "open", "displayName": "Open"}, {"value": "closed", "displayName": "Closed"}]}
```

## Fix
Removing an item identical to an earlier one is safe; adding a missing value to `enum` is unsafe.
"""

import json

from ._api import Applicability, Finding, Fix, FixAvailability, InsertItem, Related, RemoveKey, Rule, Severity
from ._value_nodes import nodes_with


def check(ctx):
    for node in nodes_with(ctx, "x-ms-enum-values"):
        items = node.value.get("x-ms-enum-values")
        if not isinstance(items, list):
            continue
        enum = node.value.get("enum")
        base = f"{node.pointer}/x-ms-enum-values"
        seen: dict[str, tuple[int, object]] = {}
        for i, item in enumerate(items):
            if not isinstance(item, dict) or "value" not in item:
                continue
            key = json.dumps(item["value"], sort_keys=True)
            if key in seen:
                first, first_item = seen[key]
                fixes = (Fix("Remove the duplicate", (RemoveKey(f"{base}/{i}"),)),) if first_item == item else ()
                yield Finding(f"{base}/{i}/value", f"The value {key} already has an item.", fixes=fixes,
                              related=(Related(f"{base}/{first}", "The first item for this value."),),
                              validator_code="DuplicateEnumValuesInExtension")
                continue
            seen[key] = (i, item)
            if isinstance(enum, list) and not any(json.dumps(e, sort_keys=True) == key for e in enum):
                fix = Fix(f"Add {key} to enum", (InsertItem(f"{node.pointer}/enum", item["value"]),),
                          Applicability.UNSAFE)
                yield Finding(f"{base}/{i}/value", f"The value {key} is not in 'enum'.", fixes=(fix,),
                              related=(Related(f"{node.pointer}/enum", "The enum."),),
                              validator_code="InvalidEnumValuesExtensionValue")


RULE = Rule(
    id="invalid-enum-values",
    summary="x-ms-enum-values lists each value of the enum once.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
)
