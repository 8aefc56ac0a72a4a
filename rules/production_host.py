"""The swagger's `host` is a production host, not a development, test or staging one.

## What it does
Splits `host` into labels (at dots) and each label into words (at `-` and `_`), leaving out the
top-level domain, and flags a word that names a non-production environment: `dev`, `test`,
`staging`, `stage`, `stg`, `sandbox`, `uat`, `qa`, `preprod`, optionally followed by digits
(`test01`). `localhost` and IP addresses (v4 or v6) are flagged too. Whole words only:
`developer.example.com`, `latest.example.com` and `*.dev` domains are fine. The words are the
option `words`.

## Why is this bad?
Certification requires the production version of the host URL: "Staging, dev, and test host URLs
aren't allowed". A connector that ships pointing at a test back end breaks for every user once
that environment changes. The check is a heuristic (a company may really be called "QA"), so it
is a warning: it fires on 15 of the 619 certified connectors (2.4%), among them
`dev-api.usbank.com`, `sandbox-api.navisphere.com`, `sm.uat.ortitletech.com` and `localhost:4433`. Custom
connectors often point at test back ends on purpose: off for them.

## Example
```json
{"host": "api-staging.contoso.com"}
```

## Use instead
```json
{"host": "api.contoso.com"}
```

## Fix
None: only the author knows the production host.
"""

import ipaddress
import re

from ._api import Finding, Preset, Rule, Severity

WORDS = ("dev", "test", "staging", "stage", "stg", "sandbox", "uat", "qa", "preprod")


def _host_part(host: str) -> str:
    if host.startswith("["):  # [v6]:port
        return host[1:host.find("]")] if "]" in host else host[1:]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def check(ctx):
    host = ctx.swagger.get("host") if isinstance(ctx.swagger, dict) else None
    if not isinstance(host, str) or not host.strip():
        return
    name = _host_part(host.strip())
    try:
        ipaddress.ip_address(name)
        yield Finding("/host", f"The host {host} is an IP address; certified connectors call a production host name.")
        return
    except ValueError:
        pass
    if name.lower() == "localhost" or name.lower().endswith(".localhost"):
        yield Finding("/host", f"The host {host} is the local machine; certified connectors call a production host.")
        return
    words = re.compile(r"(?:%s)\d*" % "|".join(map(re.escape, ctx.options["words"])), re.I)
    labels = list(re.finditer(r"[^.]+", name))
    if len(labels) > 1:
        labels = labels[:-1]  # the top-level domain: swapi.dev is a production host
    for label in labels:
        for word in re.finditer(r"[^-_]+", label.group()):
            if words.fullmatch(word.group()):
                start = host.find(name) + label.start() + word.start()
                yield Finding("/host", f"The host looks like a '{word.group()}' environment; certified connectors "
                                       "call the production host.", span=(start, start + len(word.group())))
                return


RULE = Rule(
    id="production-host",
    summary="The host is a production host, not a dev, test or staging one.",
    severity=Severity.WARNING,
    category="certification",
    policy_code="5000.2.6.4",
    options={"words": list(WORDS)},
    preset_severity={Preset.CUSTOM: Severity.OFF},
    docs=__doc__,
    check=check,
)
