"""apiDefinition.swagger.json is at most 1 MB.

## What it does
Flags a swagger file larger than 1 MB (1,048,576 bytes; option `maxBytes`), measured in bytes
as saved (UTF-8).

## Why is this bad?
Certification says swagger files shouldn't be greater than 1 MB, and the platform's limits for
custom connectors say the same: large definitions make the designer slow to load the connector.
Split a large API into several connectors (HubSpot has three). One of the 619 certified
connectors (Encodian, 1.05 MiB) is over the limit.

## Example
A 1.3 MB `apiDefinition.swagger.json` with 400 operations for every corner of a product's API.

## Use instead
Two or more connectors, each for one area of the product, every swagger under 1 MB. Shared
definitions that only one operation uses can often be inlined more compactly, and unused
`definitions` removed.

## Fix
None: splitting a connector is a design decision.
"""

from ._api import Finding, Rule, Severity


def check(ctx):
    size, limit = ctx.swagger_size, ctx.options["maxBytes"]
    if isinstance(size, int) and size > limit:
        yield Finding("", f"The swagger file is {size / 1048576:.2f} MB ({size:,} bytes); the limit is "
                          f"{limit / 1048576:.2f} MB. Split the connector or remove unused definitions.")


RULE = Rule(
    id="swagger-size",
    summary="The swagger file is at most 1 MB.",
    severity=Severity.ERROR,
    category="certification",
    options={"maxBytes": 1048576},
    docs=__doc__,
    check=check,
)
