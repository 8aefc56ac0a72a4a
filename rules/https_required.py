"""The connector calls its service over HTTPS only.

## What it does
Checks the swagger's `schemes`: a connector whose only scheme is `http` is reported as an error,
and one that lists `http` beside `https` as a warning (the platform may pick either).

## Why is this bad?
Certification requires the service to use HTTPS with TLS 1.2 or later (policy 5000.3.1.6): the
connector sends users' credentials and data to the host. In the certified corpus 3 of 607
connectors (0.5%) list only `http` and 8 more list both. Whether the host's TLS version is 1.2 or
later can only be seen by connecting to it, which connector-lint never does.

## Example
```json
{"host": "api.contoso.com", "schemes": ["http", "https"]}
```

## Use instead
```json
{"host": "api.contoso.com", "schemes": ["https"]}
```

## Fix
Removing `http` from a list that also has `https` is safe for the connector's users but is offered
as unsafe (the service must answer on HTTPS); writing `https` in place of the only `http` is
unsafe too.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Preset, RemoveKey, Rule, SetValue, Severity


def check(ctx):
    schemes = ctx.swagger.get("schemes") if isinstance(ctx.swagger, dict) else None
    if not isinstance(schemes, list):
        return
    names = [s.lower() if isinstance(s, str) else s for s in schemes]
    for i, name in enumerate(names):
        if name != "http":
            continue
        ptr = f"/schemes/{i}"
        if "https" in names:
            yield Finding(ptr, "The connector also allows plain http; certification requires HTTPS only.",
                          severity=Severity.WARNING,
                          fixes=(Fix("Remove 'http'", (RemoveKey(ptr),), Applicability.UNSAFE),))
        else:
            yield Finding(ptr, "The connector calls its service over plain http; certification requires HTTPS "
                               "(TLS 1.2 or later).",
                          fixes=(Fix("Use 'https'", (SetValue(ptr, "https"),), Applicability.UNSAFE),))


RULE = Rule(
    id="https-required",
    summary="The connector calls its service over HTTPS only.",
    severity=Severity.ERROR,
    category="certification",
    policy_code="5000.3.1.6",
    fixable=FixAvailability.ALWAYS,
    preset_severity={Preset.CUSTOM: Severity.WARNING},
    docs=__doc__,
    check=check,
)
