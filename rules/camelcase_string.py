"""Display strings have no camelCase or PascalCase words.

## What it does
Flags words such as `minimumHighways` or `MinimumHighways` in the strings people read: summaries,
`x-ms-summary`, descriptions, display names and tooltips. Not flagged: the connector's own names
(title, publisher, host), known product names (SharePoint, LinkedIn, iPhone-style names such as
eSignature), acronyms (IoT), OpenAPI and JSON Schema keywords (`maxLength`, `MinLength`), and
anything in `code`, quotes, URLs or placeholders. The title is not checked: it is the connector's
name. In descriptions, a word written exactly as one of the connector's identifiers (an
operationId, a parameter, property or connection parameter name, an enum value, in any schema)
names it: a reference, not prose, so it is left alone; labels (`x-ms-summary`, summaries, display
names) are still checked, since users read them as names.

## Why is this bad?
Certification asks for plain words in display strings. Translators treat a camelCase word as an
identifier and leave it untranslated, so users of every other language see it as is. Most
certified connectors still have some (mostly field names in descriptions), so this is
information, not a warning.

On by default: it fires on about half of the certified connectors (52%), but certification's
checklist names untranslatable camelCase words, and what remains after leaving out the
connector's own identifiers, keywords and product names are words translators will skip.
Custom connectors: a hint.

## Example
```json
{"x-ms-summary": "minimumHighways", "description": "Set minimumHighways to avoid tolls."}
```

## Use instead
```json
{"x-ms-summary": "Minimum Highways", "description": "Set `minimumHighways` to avoid tolls."}
```

## Fix
Two fixes, each a suggestion, since only the author knows whether the word is prose or the name of
a field. The first splits the word: `minimumHighways` becomes `minimum highways` (`Minimum
Highways` in a title-case string such as `x-ms-summary`), and known acronyms are written in
capitals (`userId` becomes `user ID`). In descriptions the second marks the word as code instead.
"""

import re

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, ReplaceInString, Rule, Scope, Severity
from ._spelling import BRAND_WORDS, IDENTIFIER_NAMES, brand_words, dictionary, identifier_names, normalise
from ._text import acronyms, is_camel, split_camel, words

TITLE_CASE_KINDS = {"parameter-summary", "property-summary", "enum-display-name", "ui-display-name"}
_PREFIXED = re.compile(r"[a-z]([A-Z][a-z]+)$")  # eSignature, iPhone, sObject
# A capital after a lower-case letter, searched from the capitals, which are few: twice as fast as
# [a-z][A-Z], which tries a match at every lower-case letter.
_HUMP = re.compile(r"[A-Z](?<=[a-z][A-Z])")


def check(ctx, s):
    if s.kind != "title" and _HUMP.search(s.text):
        return _check_string(brand_words(ctx), identifier_names(ctx), *s)
    return ()


def _check_string(brands, names, file, ptr, kind, text):
    d = dictionary()
    vocabulary = d.vocabulary
    if kind != "title" and _HUMP.search(text):
        prose = kind.endswith("description")
        for word in words(text):
            if not is_camel(word):
                continue
            written = word.text.removesuffix("'s").removesuffix("’s")
            if prose and written in names:
                continue  # the connector's own identifier, named in prose: a reference
            name = normalise(word.text).removesuffix("'s")
            if (name in brands or name in vocabulary or name in d.names or name in acronyms()
                    or _PREFIXED.match(word.text)):
                continue  # eSignature-style names, and slipped shift keys (uSer), which spelling reports
            split = split_words(word.text.removesuffix("'s"), title=kind in TITLE_CASE_KINDS)
            edit = ReplaceInString(ptr, word.start, word.start + len(word.text.removesuffix("'s")), split)
            fixes = [Fix(f"Split into '{split}'", (edit,), Applicability.SUGGESTION)]
            if "description" in kind:
                code = f"`{text[edit.start:edit.end]}`"
                fixes.append(Fix(f"Mark as code: {code}", (ReplaceInString(ptr, edit.start, edit.end, code),),
                                 Applicability.SUGGESTION))
            yield Finding(ptr, f"'{word.text}' is a camelCase word, which translators leave untranslated; "
                               "write separate words.", file=file, span=(word.start, word.end), fixes=tuple(fixes))


def split_words(word: str, title: bool = False) -> str:
    """minimumHighways -> "minimum highways" (title: "Minimum Highways"); userId -> "user ID"."""
    parts = []
    for i, (_, _, part) in enumerate(split_camel(word)):
        acronym = acronyms().get(part.lower())
        if acronym and (i > 0 or not part.islower()):
            parts.append(acronym)
        elif i == 0 or (part.isupper() and len(part) > 1):
            parts.append(part[:1].upper() + part[1:] if title else part)
        else:
            parts.append(part.capitalize() if title else part.lower())
    return " ".join(parts)


RULE = Rule(
    id="camelcase-string",
    summary="Display strings have no camelCase or PascalCase words.",
    severity=Severity.INFORMATION,
    category="strings",
    fixable=FixAvailability.ALWAYS,
    preset_severity={Preset.CUSTOM: Severity.HINT},
    docs=__doc__,
    scope=Scope.DISPLAY_STRING,
    reads=(BRAND_WORDS, IDENTIFIER_NAMES),
    check=check,
)
