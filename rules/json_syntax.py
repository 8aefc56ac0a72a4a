"""The file is valid JSON.

## What it does
Reports every place where the file stops being JSON: a missing or trailing comma, a missing colon,
an unclosed or extra bracket, an unterminated string, an invalid escape, a stray word such as
`True` or a comment. The parser recovers at each fault and lints everything it can still read, so
one missing comma does not hide the rest of the connector.

## Why is this bad?
Microsoft's tools (`paconn`, the certification pipeline, the custom-connector wizard) read the
file with a strict JSON parser and reject it whole. Eleven certified connectors on GitHub are not
valid JSON today: trailing and missing commas, unbalanced brackets.

## Example
```json
{
  "swagger": "2.0",
  "info": {"title": "Contoso", "version": "1.0",},
  "host": "api.contoso.com"
  "basePath": "/"
}
```

## Use instead
```json
{
  "swagger": "2.0",
  "info": {"title": "Contoso", "version": "1.0"},
  "host": "api.contoso.com",
  "basePath": "/"
}
```

## Fix
Sometimes. Removing a trailing or extra comma, inserting a missing comma or colon, and writing
`true`/`false`/`null` for Python's spellings are safe fixes. Closing an unterminated string is
unsafe (only the author knows where the string should end). Unbalanced brackets have no automatic
fix: the message points at the bracket that is not closed.
"""

from ._api import FixAvailability, Rule, Severity

# Reported by the parser (connector_lint.jsonparse) or the engine, not by a check of its own.
RULE = Rule(
    id="json-syntax",
    summary="The file is valid JSON.",
    severity=Severity.ERROR,
    category="syntax",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=None,
)
