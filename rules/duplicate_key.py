"""An object does not repeat a key.

## What it does
Reports the second (and later) occurrence of a key inside the same JSON object, with a link to
the first one.

## Why is this bad?
JSON parsers disagree on duplicate keys: most keep the last value silently, some keep the first,
some reject the file. The author usually meant only one of them, and the other is lost without a
word. Three certified connectors ship duplicated `description`, `operationId` and
`x-ms-visibility` keys.

## Example
```json
{"summary": "List tasks", "description": "Lists tasks.", "description": "Lists all tasks."}
```

## Use instead
```json
{"summary": "List tasks", "description": "Lists all tasks."}
```

## Fix
None: only the author knows which of the two values is right.
"""

from ._api import FixAvailability, Rule, Severity

# Reported by the parser (connector_lint.jsonparse) or the engine, not by a check of its own.
RULE = Rule(
    id="duplicate-key",
    summary="An object does not repeat a key.",
    severity=Severity.ERROR,
    category="syntax",
    fixable=FixAvailability.NONE,
    docs=__doc__,
    check=None,
)
