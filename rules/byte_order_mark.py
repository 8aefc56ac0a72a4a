"""The file does not start with a byte-order mark.

## What it does
Reports a UTF-8 byte-order mark (U+FEFF) at the start of a connector file.

## Why is this bad?
`paconn` reads the swagger with `utf-8-sig` and accepts a BOM, but reads `apiProperties.json` with
plain `open()`, so a BOM there breaks `paconn create` and `paconn update`. Other JSON tools
reject a BOM outright. Four certified swaggers start with one.

## Example
```json
\ufeff{"swagger": "2.0"}
```

## Use instead
```json
{"swagger": "2.0"}
```

## Fix
Always, safe: remove the byte-order mark.
"""

from ._api import FixAvailability, Rule, Severity

# Reported by the parser (connector_lint.jsonparse) or the engine, not by a check of its own.
RULE = Rule(
    id="byte-order-mark",
    summary="The file does not start with a byte-order mark.",
    severity=Severity.WARNING,
    category="syntax",
    fixable=FixAvailability.ALWAYS,
    docs=__doc__,
    check=None,
)
