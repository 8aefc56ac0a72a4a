"""Operation summaries use only letters, digits, spaces and parentheses.

## What it does
Flags a visible operation's `summary` with any other character: a hyphen, apostrophe, comma,
colon, period, underscore, quote... The characters Microsoft's validator rejects (`/ \\ < > * % &
?`) are [summary-restricted-characters](summary-restricted-characters.md)'s findings, not this
rule's.

## Why is this bad?
The certification page and the string guidelines ask for summaries made of alphanumeric
characters, spaces and parentheses only. The validator does not enforce it: 22% of certified
connectors have a summary with another character (mostly `-`, then `'` and `,`). So this is
information, to follow when writing new summaries.

## Example
```json
{"summary": "Get task - detailed"}
```

## Use instead
```json
{"summary": "Get task details"}
```

## Fix
None: the right wording depends on the sentence ("e-mail" is fine as "email", "Get task - detailed"
needs rewording).
"""

from ._api import Finding, Preset, Rule, Scope, Severity
from ._openapi import is_internal
from ._certification import trailing
from ._words import SUMMARY_RESTRICTED as RESTRICTED


def _allowed(c: str) -> bool:
    return c.isalnum() or c in " ()" or c in RESTRICTED


def check(ctx, op):
    summary = op.value.get("summary")
    if is_internal(op.value) or not isinstance(summary, str):
        return
    body = summary[:len(summary) - len(trailing(summary))]  # a trailing period: summary-trailing-punctuation
    where = [i for i, c in enumerate(body) if not _allowed(c)]
    if not where:
        return
    listed = ", ".join(f"'{c}'" for c in dict.fromkeys(summary[i] for i in where))
    yield Finding(f"{op.pointer}/summary", f"The summary contains {listed}; summaries should use only letters, "
                                           "digits, spaces and parentheses.", span=(where[0], where[0] + 1))


RULE = Rule(
    id="summary-characters",
    summary="Operation summaries use only letters, digits, spaces and parentheses.",
    severity=Severity.INFORMATION,
    category="strings",
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
