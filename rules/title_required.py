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

from ._api import Applicability, Finding, Fix, FixAvailability, InsertKey, Preset, Rule, SetValue, Severity
from ._openapi import info

_GENERIC = {"api", "apis", "www", "app", "rest", "gateway", "services", "service", "prod", "v1", "v2", "cloud", "web"}
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu"}


def check(ctx):
    doc, inf = ctx.swagger, info(ctx)
    if not isinstance(doc, dict) or inf is None:
        return  # no swagger, or no info object: invalid-swagger-structure says so
    title = inf.get("title")
    guess = _from_host(doc.get("host"))
    if "title" not in inf:
        fixes = (Fix(f"Add \"title\": \"{guess}\"", (InsertKey("/info", "title", guess, after=None),),
                     Applicability.SUGGESTION),) if guess else ()
        yield Finding("/info", "The connector has no title (info.title).", fixes=fixes)
    elif isinstance(title, str) and not title.strip():
        fixes = (Fix(f"Set the title to \"{guess}\"", (SetValue("/info/title", guess),), Applicability.SUGGESTION),) \
            if guess else ()
        yield Finding("/info/title", "The connector title is empty.", fixes=fixes, validator_code="RequiredValueEmpty")


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
