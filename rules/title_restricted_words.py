"""The connector title has no "API", "Connector" or Power Platform product name.

## What it does
Flags the words "API" and "Connector" and Power Platform product names (Power Apps, Power
Automate, Logic Apps, Power BI, Power Pages, Copilot Studio and older names such as Microsoft
Flow) in `info.title`, as whole words and without case: "OptiAPI" and "Connectors" are not
flagged.

## Why is this bad?
Every connector is an API connector, and the title must name the product, not Microsoft's.
Microsoft's validator rejects "API" and "Connector" (`ValueContainsRestrictedWords`: "The value
'Contoso API' contains at least one of the restricted words: 'api, connector'"), and the
certification page forbids product names in the title. Two certified connectors have the words,
three a product name (0.8% in all).

## Example
```json
{"info": {"title": "Contoso Tasks API"}}
```

## Use instead
```json
{"info": {"title": "Contoso Tasks"}}
```

## Fix
Removes the word and the space beside it. The fix is safe when what is left is still a
well-formed name: not empty, starting and ending with a letter or digit, no doubled spaces, and
not starting or ending with a little word such as "for" or "by" ("Robots for Power BI" would
become "Robots for"). Otherwise it is a suggestion that also drops what the removal left
dangling. There is no fix when nothing but restricted words would be left ("API Connector").
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, ReplaceInString, Rule, Severity, SetValue
from ._openapi import info
from ._words import TITLE_WORDS, title_words

_LITTLE = {"a", "an", "and", "by", "for", "from", "in", "of", "on", "or", "the", "to", "via", "with", "&", "+"}


def check(ctx):
    title = (info(ctx) or {}).get("title")
    if not isinstance(title, str):
        return
    found = title_words(title)
    rest = title  # the title without any restricted word: a fix needs something left
    for m in reversed(found):
        rest = rest[:m.start] + rest[m.end:]
    for m in found:
        what = f"'{m.name}'" if m.name in TITLE_WORDS else f"the product name '{m.name}'"
        yield Finding("/info/title", f"The title contains {what}; name the connector after the product alone.",
                      span=(m.start, m.end), fixes=_fixes(title, m.start, m.end) if rest.strip() else (),
                      validator_code="ValueContainsRestrictedWords")


def _fixes(title, start, end):
    # Take the space on one side of the word: "Contoso API" -> "Contoso", "API Contoso" -> "Contoso".
    if start > 0 and title[start - 1] == " ":
        start -= 1
    elif end < len(title) and title[end] == " ":
        end += 1
    result = title[:start] + title[end:]
    if _well_formed(result):
        return (Fix(f"Remove '{title[start:end].strip()}'", (ReplaceInString("/info/title", start, end, ""),),
                    Applicability.SAFE),)
    cleaned = _tidy(result)
    if not cleaned:
        return ()
    return (Fix(f"Change the title to '{cleaned}'", (SetValue("/info/title", cleaned),), Applicability.SUGGESTION),)


def _well_formed(text):
    words = text.split(" ")
    return (bool(text) and text[0].isalnum() and text[-1].isalnum() and "" not in words
            and words[0].lower() not in _LITTLE and words[-1].lower() not in _LITTLE)


def _tidy(text):
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    words = text.split()
    while words and words[-1].lower() in _LITTLE:
        words.pop()
    while words and words[0].lower() in _LITTLE:
        words.pop(0)
    return re.sub(r"^[^\w(]+|[^\w)]+$", "", " ".join(words))


RULE = Rule(
    id="title-restricted-words",
    summary="The connector title has no \"API\", \"Connector\" or Power Platform product name.",
    severity=Severity.ERROR,
    category="certification",
    policy_code="5000.2.2.2",
    validator_code="ValueContainsRestrictedWords",
    fixable=FixAvailability.SOMETIMES,
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
