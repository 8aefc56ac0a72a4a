"""Strings contain no raw control characters.

## What it does
Reports a raw control character (a TAB, a carriage return, U+0000 to U+001F) typed inside a JSON
string.

## Why is this bad?
JSON requires control characters inside strings to be escaped (`\t`, `\n`, `\u0001`). Strict
parsers, including the one Microsoft's tools use, reject the file. A certified connector carries a
raw TAB in a description today.

## Example
```json
{"description": "Gets the task	by its ID."}
```

## Use instead
```json
{"description": "Gets the task\tby its ID."}
```

## Fix
Always, safe: replace the character by its escape.
"""

from ._api import FixAvailability, Rule, Severity

# Reported by the parser (connector_lint.jsonparse) or the engine, not by a check of its own.
RULE = Rule(
    id="control-character",
    summary="Strings contain no raw control characters.",
    severity=Severity.ERROR,
    category="syntax",
    fixable=FixAvailability.ALWAYS,
    docs=__doc__,
    check=None,
)
