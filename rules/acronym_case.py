"""Acronyms in display strings are written in capitals (ID, URL, API, JSON).

## What it does
Flags acronyms such as `id`, `url`, `api`, `json`, `http`, `sku` written in lower case or only
capitalised (`Url`) in the strings people read. The list is `rules/data/words-acronyms.txt`, with
each acronym's written form (`IDs`, `OAuth`). Not flagged: acronyms inside `code`, quotes, URLs,
paths, file names and hyphenated names (`api-version`, `x-api-key`), strings that are not
English, and, in descriptions, a word written exactly as one of the connector's identifiers (an
operationId, a parameter, property or connection parameter name, an enum value) and called a
parameter, property, field, key, header... beside it: "the url parameter" names the parameter
`url`, so its case is left as written (but "the url of the task" is prose: `URL`). Labels
(`x-ms-summary`, summaries, display names) are still checked.

## Why is this bad?
Certification asks for abbreviations in capitals. Translators and readers take a lower-case `id`
or `url` for an ordinary word, and the same term written three ways looks careless.

On by default: it fires on most certified connectors (83%), but certification's checklist names
it, each finding has a safe fix that changes only letter case (`--fix` applies them all), and
identifiers the prose names ("the url parameter") are left alone. Custom connectors: a hint.

## Example
```json
{"x-ms-summary": "Task id", "description": "The url of the task's json feed."}
```

## Use instead
```json
{"x-ms-summary": "Task ID", "description": "The URL of the task's JSON feed."}
```

## Fix
The fix is safe: it writes the acronym in its listed form, and only the letters' case changes.
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, ReplaceInString, Rule, Scope, Severity
from ._spelling import CONNECTOR_WORDS, IDENTIFIER_NAMES, analyser, identifier_names
from ._text import lowered_acronyms


def check(ctx, s):
    text = s.text
    result = analyser(ctx)(text)  # the other string rules analyse every string too: shared
    if result.no_lowered_acronym:
        return ()  # most strings: known without looking for acronyms
    found = lowered_acronyms(text)
    if not found or not result.is_english():
        return ()
    return _findings(ctx, s, found)


def _findings(ctx, s, found):
    ptr, text = s.pointer, s.text
    prose = s.kind.endswith("description")
    for start, end, form in found:
        if prose and text[start:end] in identifier_names(ctx) and _names_a_field(text, start, end):
            continue  # "the url parameter": the connector's identifier `url`, not the acronym
        fix = Fix(f"Write '{form}'", (ReplaceInString(ptr, start, end, form),), Applicability.SAFE)
        yield Finding(ptr, f"'{text[start:end]}' is an acronym; write it '{form}'.", file=s.file,
                      span=(start, end), fixes=(fix,))


_FIELD_NOUNS = ("parameter", "property", "field", "attribute", "key", "column", "header", "argument", "variable",
                "element", "input", "output", "option", "setting")
_NOUN_AFTER = re.compile(r"[ \t]+(?:%s)s?\b" % "|".join(_FIELD_NOUNS), re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"\b(?:%s)[ \t]+$" % "|".join(_FIELD_NOUNS), re.IGNORECASE)


def _names_a_field(text: str, start: int, end: int) -> bool:
    """The word at [start, end) is called a parameter, property, field... ("the url parameter",
    "the property url")."""
    return bool(_NOUN_AFTER.match(text, end) or _NOUN_BEFORE.search(text, max(0, start - 12), start))


RULE = Rule(
    id="acronym-case",
    summary="Acronyms in display strings are written in capitals (ID, URL, API, JSON).",
    severity=Severity.INFORMATION,
    category="strings",
    fixable=FixAvailability.ALWAYS,
    preset_severity={Preset.CUSTOM: Severity.HINT},
    docs=__doc__,
    scope=Scope.DISPLAY_STRING,
    reads=(CONNECTOR_WORDS, IDENTIFIER_NAMES),
    check=check,
)
