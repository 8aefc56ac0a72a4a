"""Every `@connectionParameters('name')` names a connection parameter of apiProperties.json.

## What it does
Finds the `@connectionParameters('name')` expressions in the parameters of
`policyTemplateInstances` (a `setheader` policy that hands a connection value to the service or
to script.csx, a `dynamichosturl` template, ...) and reports a name that is no connection
parameter of `connectionParameters` or of any `connectionParameterSets` set, with the closest one.
`'token:tenantId'` names the parameter `token`. A name that differs only in case is reported as
information: the platform matches it (8 certified connectors rely on that).

## Why is this bad?
The platform fills the expression in at run time; a name that does not exist fails every call
with "Property with name … is not present in connection parameters" (microsoft/PowerPlatformConnectors
PR 3706, where the script read the value through a header). Nothing checks it before then. In
microsoft/PowerPlatformConnectors (commit 8bff86e) 2 of 187 connectors with such expressions name
a parameter that does not exist at all.

## Example
```json
{"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-Identifier",
 "x-ms-apimTemplateParameter.value": "@connectionParameters('identifer')"}}
```

## Use instead
```json
{"templateId": "setheader", "parameters": {"x-ms-apimTemplateParameter.name": "X-Identifier",
 "x-ms-apimTemplateParameter.value": "@connectionParameters('identifier')"}}
```

## Fix
Replacing the name with the parameter's own spelling (same name, other case) is safe; the closest
other name is a suggestion.
"""

import re

from ._api import (Applicability, FileKind, Finding, Fix, FixAvailability, Related, ReplaceInString, Rule,
                   Severity, pointer)
from ._apiprops import PROPS, canonical, connection_parameters
from ._known_keys import did_you_mean
from ._openapi import api_properties

REFERENCE = re.compile(r"""@connectionParameters\(\s*['"]([^'":)]*)(?::[^'"]*)?['"]""")


def _strings(value, ptr):
    if isinstance(value, str):
        yield ptr, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, ptr + pointer(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{ptr}/{i}")


def check(ctx):
    props = api_properties(ctx)
    instances = props.get("policyTemplateInstances") if isinstance(props, dict) else None
    if not isinstance(instances, list):
        return
    params = {p.name: p for p in connection_parameters(ctx)}
    base = f"{PROPS}/policyTemplateInstances"
    for ptr, text in _strings(instances, base):
        for m in REFERENCE.finditer(text):
            name = m.group(1)
            if name in params:
                continue
            span = (m.start(1), m.end(1))
            same = canonical(name, params)
            if same is not None:
                yield Finding(ptr, f"The connection parameter is spelled '{same}'; '{name}' matches it only "
                                   "because the platform ignores case.", span=span, severity=Severity.INFORMATION,
                              fixes=(Fix(f"Write '{same}'", (ReplaceInString(ptr, *span, same),)),),
                              related=(Related(params[same].pointer, "Declared here.", FileKind.API_PROPERTIES),))
                continue
            best, _ = did_you_mean(name, list(params))
            hint = f"; did you mean '{best[0]}'?" if best else "."
            fixes = tuple(Fix(f"Change to '{b}'", (ReplaceInString(ptr, *span, b),), Applicability.SUGGESTION)
                          for b in best[:3])
            yield Finding(ptr, f"No connection parameter is named '{name}'{hint}", span=span, fixes=fixes)


RULE = Rule(
    id="unknown-connection-parameter",
    summary="Every @connectionParameters('name') names a connection parameter of apiProperties.json.",
    severity=Severity.ERROR,
    category="structure",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
)
