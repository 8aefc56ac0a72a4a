"""Operation summaries do not end with punctuation or a space.

## What it does
Flags an operation `summary` that ends with a space, a line break or punctuation ("Get a
task."), internal operations included. A closing parenthesis is fine: "(deprecated)" is the
documented way to mark a deprecated operation. A summary that ends only with a character that is
restricted in summaries anyway (`?`) is left to
[summary-restricted-characters](summary-restricted-characters.md).

## Why is this bad?
The summary is a name in the designer's list of actions, not a sentence: the string guidelines
ask for no closing punctuation, and Microsoft's validator rejects it
(`ValueMustEndWithAlphanumeric`): none of the 11,716 summaries of the certified connectors ends
with punctuation or a space, while 501 end with a closing parenthesis. A trailing space is
invisible but makes two summaries that look the same differ.

## Example
```json
{"summary": "Get a task."}
```

## Use instead
```json
{"summary": "Get a task"}
```

## Fix
Removes the trailing characters. Safe for spaces, line breaks and `. , ; : ! ? -`; unsafe for
anything else (a closing quote or bracket, `*`), which may belong to the text.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, ReplaceInString, Rule, Scope, Severity
from ._certification import trailing
from ._words import SUMMARY_RESTRICTED

_SAFE = set(" \t\r\n.,;:!?-–—…")


def check(ctx, op):
    summary = op.value.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        return
    tail = trailing(summary)
    if not tail or set(tail) <= set(SUMMARY_RESTRICTED):
        return
    start = len(summary) - len(tail)
    what = "a space" if not tail.strip() else f"'{tail.strip()}'"
    fix = Fix(f"Remove the trailing {what}", (ReplaceInString(f"{op.pointer}/summary", start, len(summary), ""),),
              Applicability.SAFE if set(tail) <= _SAFE else Applicability.UNSAFE)
    yield Finding(f"{op.pointer}/summary", f"The summary ends with {what}; end it with a letter or digit.",
                  span=(start, len(summary)), fixes=(fix,) if start else ())


RULE = Rule(
    id="summary-trailing-punctuation",
    summary="Operation summaries do not end with punctuation or a space.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="ValueMustEndWithAlphanumeric",
    fixable=FixAvailability.SOMETIMES,
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
