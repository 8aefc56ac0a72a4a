"""Only JSON whitespace separates tokens.

## What it does
Reports characters that look like spaces but are not JSON whitespace, such as U+2003 (EM SPACE),
U+00A0 (no-break space) or U+200B (zero-width space), used between tokens.

## Why is this bad?
JSON allows only space, TAB, line feed and carriage return between tokens; anything else makes a
strict parser reject the file. These characters sneak in when text is pasted from a word
processor or a web page, and they are invisible in most editors. One certified connector is
indented with EM SPACEs.

## Example
```json
{\u2003"swagger": "2.0"}
```

## Use instead
```json
{ "swagger": "2.0"}
```

## Fix
Always, safe: replace the character with a space.
"""

from ._api import FixAvailability, Rule, Severity

# Reported by the parser (connector_lint.jsonparse) or the engine, not by a check of its own.
RULE = Rule(
    id="invalid-whitespace",
    summary="Only JSON whitespace separates tokens.",
    severity=Severity.ERROR,
    category="syntax",
    fixable=FixAvailability.ALWAYS,
    docs=__doc__,
    check=None,
)
