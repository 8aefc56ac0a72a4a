"""A rule failed while checking this connector.

## What it does
When a rule raises an exception, connector-lint reports it as this diagnostic, naming the rule and
the place in its code, and runs every other rule as usual.

## Why is this bad?
It is a bug in connector-lint, not in your connector: the named rule could not check this file,
so its findings may be missing. Nothing else is affected.

## Example
```json
{"message": "Rule summary-length failed: TypeError: ... at summary_length.py:31."}
```

## Use instead
```json
{"message": "(no internal errors)"}
```

## Fix
None. Please report the message with the file that caused it; turn the rule off in the
configuration until it is fixed.
"""

from ._api import FixAvailability, Rule, Severity

# Reported by the parser (connector_lint.jsonparse) or the engine, not by a check of its own.
RULE = Rule(
    id="internal-error",
    summary="A rule failed while checking this connector.",
    severity=Severity.ERROR,
    category="internal",
    fixable=FixAvailability.NONE,
    docs=__doc__,
    check=None,
)
