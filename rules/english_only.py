"""Display strings are in English.

## What it does
Flags a string people read (description, summary, `x-ms-summary`, display name, tooltip) that
does not look like English: one mostly in another script, or one of four words or more where
fewer than half (option `min_share`) are English words. The connector's own names and identifiers
count as English; acronyms and camelCase words are not counted. The title is not checked: it is a
name.
Of a very long string, only the first 10,000 characters are read (ending at a space), so that
one huge string cannot make a check slow.

## Why is this bad?
Certification requires English strings: they are the source that Microsoft translates into the
other languages of Power Platform, so a string in another language is shown untranslated, or
translated wrongly, everywhere.

## Example
```json
{"description": "Liefert die Liste aller offenen Aufgaben zurück."}
```

## Use instead
```json
{"description": "Returns the list of all open tasks."}
```

## Fix
None: the text has to be written in English.
"""

from ._api import Finding, Preset, Rule, Scope, Severity
from ._spelling import CONNECTOR_WORDS, analyser


def check(ctx, s):
    if s.kind == "title":
        return ()
    result = analyser(ctx)(s.text)
    if (result.counted < 4 and not result.foreign_script) or result.is_english(min_share=ctx.options["min_share"]):
        return ()  # (too few words to judge, whatever the option: known without reading it)
    detail = ("most of its letters are in another script" if result.foreign_script
              else f"only {result.english} of its {result.counted} words are English")
    return (Finding(s.pointer, f"This text does not look like English: {detail}. Connector strings must be in English.",
                    file=s.file),)


RULE = Rule(
    validator_code="ValueMustBeInEnglish",
    id="english-only",
    summary="Display strings are in English.",
    severity=Severity.WARNING,
    category="strings",
    policy_code="5000.2.3.1",
    options={"min_share": 0.5},
    preset_severity={Preset.CUSTOM: Severity.INFORMATION},
    docs=__doc__,
    scope=Scope.DISPLAY_STRING,
    reads=(CONNECTOR_WORDS,),
    check=check,
)
