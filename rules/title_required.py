"""The connector has a title (`info.title`).

## What it does
Flags a swagger whose `info` has no `title`, or a title that is empty or only spaces.

## Why is this bad?
The title is the connector's name in the gallery, in the designer and on its documentation page.
Microsoft's validator rejects a swagger without one (`RequiredPropertyMissing`), and an empty
title (`RequiredValueEmpty`). No certified connector lacks one.

## Example
```json
{"info": {"title": "", "version": "1.0"}, "host": "api.contoso.com"}
```

## Use instead
```json
{"info": {"title": "Contoso", "version": "1.0"}, "host": "api.contoso.com"}
```

## Fix
A suggestion takes the name from the host (`api.contoso.com` gives "Contoso"); the author must
check it, since the title should be the product's name.
"""

from ._api import FixAvailability, Preset, Rule, Severity
from ._openapi import info
from ._text import missing_or_blank

_GENERIC = {"api", "apis", "www", "app", "rest", "gateway", "services", "service", "prod", "v1", "v2", "cloud", "web"}
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu"}


def check(ctx):
    doc, inf = ctx.swagger, info(ctx)
    if not isinstance(doc, dict) or inf is None:
        return  # no swagger, or no info object: invalid-swagger-structure says so
    finding = missing_or_blank("/info", inf, "title", _from_host(doc.get("host")),
                               "The connector has no title (info.title).", "The connector title is empty.")
    if finding:
        yield finding


def _from_host(host) -> str | None:
    """The organisation's name from a host: api.contoso.com -> Contoso (None for IPs and templates)."""
    if not isinstance(host, str) or any(c in host for c in "{}[]:/ ") or host.replace(".", "").isdigit():
        return None
    labels = [l for l in host.lower().split(".") if l]
    if len(labels) < 2:
        return None
    labels = labels[:-1]  # the top-level domain
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]  # contoso.co.uk
    name = labels[-1]
    if name in _GENERIC or not name.isalnum():
        return None
    return name[:1].upper() + name[1:]


RULE = Rule(
    id="title-required",
    summary="The connector has a title.",
    severity=Severity.ERROR,
    category="certification",
    validator_code="RequiredPropertyMissing",
    fixable=FixAvailability.SOMETIMES,
    preset_severity={Preset.CUSTOM: Severity.WARNING},
    docs=__doc__,
    check=check,
)
