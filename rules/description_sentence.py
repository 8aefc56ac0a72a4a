"""Descriptions are sentences: they start with a capital letter and end with punctuation.

## What it does
Checks operation and parameter descriptions (option `kinds`; add `property-description` or
`description` to check response properties or the connector's description too). A description
must start with a capital letter when its first word is an ordinary English word, and end with
`.`, `!`, `?` or `:` (closing brackets and quotes may follow). Not flagged: one-word
descriptions, which the string guidelines allow without a period, and descriptions that end with
a URL, where a period could be taken for part of the address.

## Why is this bad?
Microsoft's string guidelines ask for descriptions written as full sentences, with a capital
letter and closing punctuation, and reviewers ask for them. But most certified connectors have
descriptions without the period (68% in the corpus census; 82% have an operation or parameter
description this rule flags), so it is information, not a warning or an error.

On by default: it fires on most certified connectors (82%), but it is the guideline reviewers
cite most, and each finding has a safe one-character fix (`--fix` clears them all at once).
Turn it off in `.connector-lint.json` if your descriptions follow another house style.

## Example
```json
{"description": "the identifier of the task"}
```

## Use instead
```json
{"description": "The identifier of the task."}
```

## Fix
Both fixes are safe: one appends a period, the other capitalises the first letter when the first
word is a lower-case English word. Nothing else in the text changes.
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, ReplaceInString, Rule, Scope, Severity
from ._spelling import known
from ._text import ends_with_url, first_word

_END = re.compile(r"""[.!?:…][)\]"'”’`*_]*$""")


def check(ctx, s):
    kinds = ctx.options["kinds"]
    return _check_string(kinds, *s) if s.kind in kinds else ()


def _check_string(kinds, file, ptr, kind, text):
    if kind in kinds and len(text.split()) >= 2:
        body = text.rstrip()
        first = first_word(text)
        lower_start = first is not None and first.shape == "lower" and _starts(text, first) and known(first.text)
        missing_end = not _END.search(body) and not ends_with_url(body)
        if lower_start:
            w = first
            edit = ReplaceInString(ptr, w.start, w.start + 1, w.text[0].upper())
            yield Finding(ptr, "The description starts with a lower-case letter; start it with a capital.",
                          file=file, span=(w.start, w.end),
                          fixes=(Fix("Capitalise the first letter", (edit,), Applicability.SAFE),))
        if missing_end:
            last = len(body) - len(body.split()[-1])
            edit = ReplaceInString(ptr, len(body), len(body), ".")
            yield Finding(ptr, "The description does not end with punctuation; end the sentence with a period.",
                          file=file, span=(last, len(body)),
                          fixes=(Fix("Add a period", (edit,), Applicability.SAFE),))


def _starts(text: str, word) -> bool:
    """The word is the first thing in the text (nothing but spaces before it)."""
    return not text[:word.start].strip()


RULE = Rule(
    id="description-sentence",
    summary="Descriptions start with a capital letter and end with punctuation.",
    severity=Severity.INFORMATION,
    category="strings",
    fixable=FixAvailability.ALWAYS,
    options={"kinds": ["operation-description", "parameter-description"]},
    preset_severity={Preset.CUSTOM: Severity.HINT},
    docs=__doc__,
    scope=Scope.DISPLAY_STRING,
    check=check,
)
