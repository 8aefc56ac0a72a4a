"""Deprecated operations say so in their summary and description, and only they do.

## What it does
For an operation with `"deprecated": true`, flags a `summary` or `description` that does not
contain the word "deprecated". For an operation without it, flags a summary with the marker
"(deprecated)" although the operation is not marked. Internal operations are not checked.

## Why is this bad?
Microsoft's page on deprecating an operation asks for both: `"deprecated": true`, which hides the
operation from new flows and apps, and "(deprecated)" appended to the summary and description,
which tells the users of existing flows and the documentation page's readers. A summary that says
"(deprecated)" on an operation that is not marked keeps offering it to new users.

## Example
```json
{"summary": "Get rows", "description": "Gets a list of rows.", "deprecated": true}
```

## Use instead
```json
{"summary": "Get rows (deprecated)", "description": "Gets a list of rows (deprecated).", "deprecated": true}
```

## Fix
Appending " (deprecated)" to the summary or description (before its closing punctuation) is safe;
it is a suggestion when the summary would go over 80 characters. Marking an operation deprecated
because its summary says so is unsafe: it hides the operation from new flows.
"""

import re

from ._api import (Applicability, Finding, Fix, FixAvailability, InsertKey, Preset, ReplaceInString, Rule, Scope,
                   SetValue, Severity)
from ._openapi import is_internal

_WORD = re.compile(r"\bdeprecated\b", re.I)
_MARKER = re.compile(r"\(\s*deprecated\s*\)", re.I)
_END = re.compile(r"[\s.!?:;,]*$")


def check(ctx, op):
    if is_internal(op.value):
        return
    summary, description = op.value.get("summary"), op.value.get("description")
    if op.value.get("deprecated") is True:
        for key, text, limit in (("summary", summary, 80), ("description", description, None)):
            if isinstance(text, str) and text.strip() and not _WORD.search(text):
                at = _END.search(text).start()
                safe = limit is None or len(text) + 13 <= limit
                edit = ReplaceInString(f"{op.pointer}/{key}", at, at, " (deprecated)")
                fix = Fix("Append \" (deprecated)\"", (edit,), Applicability.SAFE if safe else Applicability.SUGGESTION)
                yield Finding(f"{op.pointer}/{key}", f"The operation is deprecated, but its {key} does not say so; "
                                                     "append \"(deprecated)\".", fixes=(fix,))
    elif isinstance(summary, str) and _MARKER.search(summary):
        m = _MARKER.search(summary)
        edit = SetValue(f"{op.pointer}/deprecated", True) if "deprecated" in op.value else \
            InsertKey(op.pointer, "deprecated", True)
        yield Finding(f"{op.pointer}/summary", "The summary says the operation is deprecated, but it is not marked "
                                               "\"deprecated\": true, so the designer still offers it.",
                      span=m.span(), fixes=(Fix("Mark the operation deprecated", (edit,), Applicability.UNSAFE),))


RULE = Rule(
    id="deprecated-marker",
    summary="Deprecated operations say so in their summary and description, and only they do.",
    severity=Severity.WARNING,
    category="certification",
    fixable=FixAvailability.ALWAYS,
    scope=Scope.OPERATION,
    preset_severity={Preset.CUSTOM: Severity.INFORMATION},
    docs=__doc__,
    check=check,
)
