"""The base connector given for the breaking-change check can be read.

## What it does
When a base is given (`--base`, `connectorLint.base`) but its copy of the connector cannot be read
or parsed (not valid JSON, not an object), reports once that the breaking-change comparison was
skipped, and why. Silent without a base.

## Why is this bad?
Without the base, none of the breaking-change rules can run: an update could break existing flows
unnoticed.

## Example
The base revision's `apiDefinition.swagger.json` ends in the middle of an object.

## Use instead
Compare against a revision where the connector is valid JSON (e.g. the released branch,
`origin/dev`).

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import BASE_UNREADABLE, findings


def check(ctx):
    return findings(ctx, BASE_UNREADABLE)


RULE = Rule(
    id="base-unreadable",
    summary="The base connector given for the breaking-change check can be read.",
    severity=Severity.WARNING,
    category="breaking",
    docs=__doc__,
    check=check,
)
