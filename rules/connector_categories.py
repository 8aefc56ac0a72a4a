"""The `Categories` metadata lists one or two of the 19 allowed categories, separated by `;`.

## What it does
Reads the `Categories` item of `x-ms-connector-metadata` (its `propertyName` matched without
case) and flags a value with no category, more than two categories, or a category that is not
one of the 19 allowed: AI, Business Management, Business Intelligence, Collaboration, Commerce,
Communication, Content and Files, Finance, Data, Human Resources, Internet of Things,
IT Operations, Lifestyle and Entertainment, Marketing, Productivity, Sales and CRM, Security,
Social Media, Website. A category that differs from the list only in case (`website`, `Social
media`: 3 certified connectors) is reported as information, since the validator accepted it.

## Why is this bad?
Categories place the connector in the gallery. Microsoft's validator rejects unknown categories
(`InvalidConnectorCategory`) and more than two ("Only two categories are allowed",
`TooManyConnectorCategories`). No certified connector has more than two or an unknown one.

## Example
```json
{"propertyName": "Categories", "propertyValue": "Productivity;Project Management;Collaboration"}
```

## Use instead
```json
{"propertyName": "Categories", "propertyValue": "Productivity;Collaboration"}
```

## Fix
A category written in another case gets the listed spelling (safe). An unknown category can be
replaced by the nearest allowed one (a suggestion: check it). For more than two, an unsafe fix
keeps the first two. Empty entries (`Data;;AI`, a trailing `;`) are dropped, and categories
separated by commas are separated by `;` instead (both safe).
"""

from ._api import (Applicability, Finding, Fix, FixAvailability, ReplaceInString, Rule, SetValue, Severity)
from ._apiprops import canonical, nearest

CATEGORIES = ("AI", "Business Management", "Business Intelligence", "Collaboration", "Commerce", "Communication",
              "Content and Files", "Finance", "Data", "Human Resources", "Internet of Things", "IT Operations",
              "Lifestyle and Entertainment", "Marketing", "Productivity", "Sales and CRM", "Security",
              "Social Media", "Website")
MAX = 2


def _parts(value: str):
    """(start, end, text) of each non-empty `;`-separated entry, stripped."""
    out, pos = [], 0
    for raw in value.split(";"):
        text = raw.strip()
        if text:
            start = pos + raw.index(text)
            out.append((start, start + len(text), text))
        pos += len(raw) + 1
    return out


def check(ctx):
    items = ctx.swagger.get("x-ms-connector-metadata") if isinstance(ctx.swagger, dict) else None
    if not isinstance(items, list):
        return
    index = next((i for i, it in enumerate(items) if isinstance(it, dict) and isinstance(it.get("propertyName"), str)
                  and it["propertyName"].strip().lower() == "categories"), None)
    if index is None or "propertyValue" not in items[index]:
        return  # connector-metadata-required reports it
    ptr, value = f"/x-ms-connector-metadata/{index}/propertyValue", items[index]["propertyValue"]
    if not isinstance(value, str):
        yield Finding(ptr, "Categories must be a string of categories separated by ';'.")
        return
    parts = _parts(value)
    if not parts:
        yield Finding(ptr, "Categories lists no category; give one or two, separated by ';'.",
                      validator_code="RequiredValueEmpty")
        return
    tidy = ";".join(text for _, _, text in parts)
    if any(not raw.strip() for raw in value.split(";")):
        yield Finding(ptr, "Categories has an empty entry.", severity=Severity.WARNING,
                      fixes=(Fix("Remove the empty entries", (SetValue(ptr, tidy),)),))
    for start, end, text in parts:
        if text in CATEGORIES:
            continue
        same = canonical(text, CATEGORIES)
        if same:
            yield Finding(ptr, f"'{text}' is written '{same}' in the list of categories.", span=(start, end),
                          severity=Severity.INFORMATION,
                          fixes=(Fix(f"Write '{same}'", (ReplaceInString(ptr, start, end, same),)),))
            continue
        pieces = [canonical(p.strip(), CATEGORIES) for p in text.split(",")]
        if len(pieces) > 1 and all(pieces):
            yield Finding(ptr, f"'{text}' separates categories with ','; use ';'.", span=(start, end),
                          validator_code="InvalidConnectorCategory",
                          fixes=(Fix("Separate the categories with ';'",
                                     (ReplaceInString(ptr, start, end, ";".join(pieces)),)),))
            continue
        guess = nearest(text, CATEGORIES)
        fixes = (Fix(f"Replace with '{guess}'", (ReplaceInString(ptr, start, end, guess),),
                     Applicability.SUGGESTION),) if guess else ()
        yield Finding(ptr, f"'{text}' is not an allowed category" + (f"; did you mean '{guess}'?" if guess else "."),
                      span=(start, end), fixes=fixes, validator_code="InvalidConnectorCategory")
    if len(parts) > MAX:
        keep = ";".join(text for _, _, text in parts[:MAX])
        yield Finding(ptr, f"Categories lists {len(parts)} categories; at most {MAX} are allowed.",
                      span=(parts[MAX][0], parts[-1][1]), validator_code="TooManyConnectorCategories",
                      fixes=(Fix(f"Keep the first {MAX}", (SetValue(ptr, keep),), Applicability.UNSAFE),))


RULE = Rule(
    id="connector-categories",
    summary="The Categories metadata lists one or two of the 19 allowed categories.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="InvalidConnectorCategory",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
)
