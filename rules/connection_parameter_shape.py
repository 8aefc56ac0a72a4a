"""Connection parameters in apiProperties.json have the documented shape.

## What it does
Checks every parameter of `connectionParameters` (and of each `connectionParameterSets` set):
- its name is letters, digits and `_`, or two such names joined by `:` (`token:TenantId`);
- `type` is one of `string`, `securestring`, `int`, `bool`, `oauthSetting`, `gatewaySetting`
  (another case, such as `oAuthSetting`, is a warning);
- it has only the keys its type allows: `oauthSetting` takes `oAuthSettings` (required) and
  `uiDefinition`; the others take `uiDefinition`, `allowedValues`, `defaultValue`, `metadata`
  (`gatewaySetting`: `gatewaySettings`); a key in another case (`oauthSettings`) is a warning;
- a parameter the user fills in (not `oauthSetting`, not hidden) has a `uiDefinition` with a
  `displayName`; `displayName`, `description` and `tooltip` are strings, `tabIndex` a number;
- `uiDefinition.constraints`: `required` and `hidden` are the strings `"true"` or `"false"`,
  `clearText` is a boolean, `tabIndex` a number, `allowedValues` a list of items with a `value`;
- a parameter named like a secret (`password`, `api_key`, `client_secret`...) is a `securestring`,
  so the connection dialog masks it;
- `oAuthSettings`: `scopes` is a list of strings, `clientId` and `redirectUrl` strings,
  `properties.IsFirstParty` the string `"True"` or `"False"`, each `customParameters` entry an
  object with a string `value`; `token:TenantId` carries
  `metadata.sourceType: "AzureActiveDirectoryTenant"` (the Microsoft Entra ID shape).

## Why is this bad?
These are the shapes of the certification page's examples (basic, API key, generic OAuth,
OAuth 2 provider, Microsoft Entra ID) and of the paconn apiProperties schema; the platform
rejects or misreads others. Boolean `required`/`hidden` values, miscased keys and secrets in plain
`string` parameters are accepted by the platform today (21 certified connectors, 3.4%, have one),
so they are warnings; the remaining errors fire on 2 certified connectors (0.3%).

## Example
```json
{"api_key": {"type": "securestring",
             "uiDefinition": {"displayName": "API Key", "constraints": {"required": true}}}}
```

## Use instead
```json
{"api_key": {"type": "securestring",
             "uiDefinition": {"displayName": "API Key", "description": "The API key for this connection.",
                              "constraints": {"required": "true", "clearText": false}}}}
```

## Fix
These fixes are safe: booleans in `required`/`hidden` become the strings `"true"`/`"false"`,
`"true"` in `clearText` becomes a boolean, a known type or key in another case gets its
documented spelling, a boolean `IsFirstParty` becomes a string. These are unsafe: removing a key
the type does not allow, and making a secret-named `string` parameter a `securestring` (existing
connections change). An unknown type can be replaced by the nearest known one (a suggestion).
"""

import json
import re

from ._api import (Applicability, FileKind, Finding, Fix, FixAvailability, RemoveKey, RenameKey, Rule, SetValue,
                   Severity, pointer)
from ._apiprops import (CONNECTION_PARAMETER_NAME, CONNECTION_PARAMETER_TYPES, canonical, connection_parameters,
                        nearest)

PRIMITIVE_KEYS = ("type", "uiDefinition", "allowedValues", "defaultValue", "metadata")
KEYS = {"oauthSetting": ("type", "oAuthSettings", "uiDefinition"),
        "gatewaySetting": ("type", "uiDefinition", "gatewaySettings")}
UI_KEYS = {"displayName": str, "description": str, "tooltip": str, "tabIndex": int, "constraints": dict, "schema": dict}
SECRET_NAME = re.compile(r"^(password|passwd|pwd|api_?key|apikey|.*secret.*|access_?key|subscription_?key)$", re.I)
WARN = Severity.WARNING


def _fix(title, *edits, applicability=Applicability.SAFE):
    return (Fix(title, tuple(edits), applicability),)


def check(ctx):
    for param in connection_parameters(ctx):
        ptr, value = param.pointer, param.value
        if not CONNECTION_PARAMETER_NAME.fullmatch(param.name):
            yield Finding(ptr, f"'{param.name}' is not a valid parameter name: use letters, digits and '_'.",
                          target="key")
        if not isinstance(value, dict):
            yield Finding(ptr, f"The connection parameter '{param.name}' must be an object with a 'type'.")
            continue
        kind = value.get("type")
        if not isinstance(kind, str):
            yield Finding(ptr, f"The connection parameter '{param.name}' has no 'type'.")
            continue
        if kind not in CONNECTION_PARAMETER_TYPES:
            same = canonical(kind, CONNECTION_PARAMETER_TYPES)
            guess = same or nearest(kind, CONNECTION_PARAMETER_TYPES)
            fixes = _fix(f"Write '{guess}'", SetValue(f"{ptr}/type", guess),
                         applicability=Applicability.SAFE if same else Applicability.SUGGESTION) if guess else ()
            yield Finding(f"{ptr}/type", f"'{kind}' should be written '{same}'." if same else
                          f"'{kind}' is not a connection parameter type; use one of "
                          f"{', '.join(CONNECTION_PARAMETER_TYPES)}.",
                          severity=WARN if same else None, fixes=fixes)
            kind = same or kind
        yield from _keys(ptr, param.name, value, kind)
        yield from _ui(ptr, param.name, value, kind)
        if kind == "string" and SECRET_NAME.match(param.name.split(":")[-1]):
            yield Finding(f"{ptr}/type", f"'{param.name}' holds a secret; make it a 'securestring' so it is masked.",
                          severity=WARN, fixes=_fix("Make it a securestring", SetValue(f"{ptr}/type", "securestring"),
                                                    applicability=Applicability.UNSAFE))
        if param.name == "token:TenantId":
            source = value.get("metadata", {}).get("sourceType") if isinstance(value.get("metadata"), dict) else None
            if source != "AzureActiveDirectoryTenant":
                yield Finding(ptr, "'token:TenantId' needs "
                                   "\"metadata\": {\"sourceType\": \"AzureActiveDirectoryTenant\"}.")
        if kind == "oauthSetting" and isinstance(value.get("oAuthSettings"), dict):
            yield from _oauth(f"{ptr}/oAuthSettings", value["oAuthSettings"])


def _keys(ptr, name, value, kind):
    allowed = KEYS.get(kind, PRIMITIVE_KEYS)
    for key in value:
        if key in allowed:
            continue
        same, kptr = canonical(key, allowed), ptr + pointer(key)
        if same and same not in value:
            yield Finding(kptr, f"'{key}' should be written '{same}'.", target="key", severity=WARN,
                          fixes=_fix(f"Rename to '{same}'", RenameKey(kptr, same)))
        else:
            yield Finding(kptr, f"A '{kind}' parameter takes no '{key}'.", target="key",
                          fixes=_fix(f"Remove '{key}'", RemoveKey(kptr), applicability=Applicability.UNSAFE))
    if kind == "oauthSetting" and not any(k.lower() == "oauthsettings" for k in value):
        yield Finding(ptr, f"The OAuth parameter '{name}' has no 'oAuthSettings'.")


def _ui(ptr, name, value, kind):
    ui = value.get("uiDefinition")
    constraints = ui.get("constraints") if isinstance(ui, dict) else None
    hidden = isinstance(constraints, dict) and str(constraints.get("hidden")).lower() == "true"
    if ui is None:
        if kind not in ("oauthSetting", "gatewaySetting") and not hidden:
            yield Finding(ptr, f"'{name}' has no 'uiDefinition'; the connection dialog needs its displayName.")
        return
    if not isinstance(ui, dict):
        yield Finding(f"{ptr}/uiDefinition", "'uiDefinition' must be an object.")
        return
    if "displayName" not in ui and kind not in ("oauthSetting", "gatewaySetting") and not hidden:
        yield Finding(f"{ptr}/uiDefinition", f"'{name}' has no displayName for the connection dialog.")
    for key, want in UI_KEYS.items():
        if key in ui and ui[key] is not None and not isinstance(ui[key], want):
            yield Finding(f"{ptr}/uiDefinition/{key}", f"uiDefinition '{key}' must be a {want.__name__}.")
    if isinstance(constraints, dict):
        yield from _constraints(f"{ptr}/uiDefinition/constraints", constraints)


def _constraints(ptr, c):
    for key in ("required", "hidden"):
        v = c.get(key)
        miscased = isinstance(v, str) and v.lower() in ("true", "false") and v not in ("true", "false")
        if isinstance(v, bool) or miscased:
            text = str(v).lower()
            yield Finding(f"{ptr}/{key}", f"'{key}' must be the string \"{text}\", not {json.dumps(v)}.", severity=WARN,
                          fixes=_fix(f"Write \"{text}\"", SetValue(f"{ptr}/{key}", text)))
        elif key in c and v not in ("true", "false"):
            yield Finding(f"{ptr}/{key}", f"'{key}' must be the string \"true\" or \"false\".")
    clear = c.get("clearText")
    if isinstance(clear, str) and clear.lower() in ("true", "false"):
        yield Finding(f"{ptr}/clearText", "'clearText' is a boolean, not a string.", severity=WARN,
                      fixes=_fix("Make it a boolean", SetValue(f"{ptr}/clearText", clear.lower() == "true")))
    elif "clearText" in c and not isinstance(clear, bool):
        yield Finding(f"{ptr}/clearText", "'clearText' must be true or false.")
    if "tabIndex" in c and (isinstance(c["tabIndex"], bool) or not isinstance(c["tabIndex"], int)):
        yield Finding(f"{ptr}/tabIndex", "'tabIndex' must be a whole number.")
    values = c.get("allowedValues")
    if values is not None and not (isinstance(values, list)
                                   and all(isinstance(v, dict) and "value" in v for v in values)):
        yield Finding(f"{ptr}/allowedValues", "'allowedValues' must be a list of objects with a 'value'.")


def _oauth(ptr, o):
    scopes = o.get("scopes")
    if scopes is not None and not (isinstance(scopes, list) and all(isinstance(s, str) for s in scopes)):
        yield Finding(f"{ptr}/scopes", "'scopes' must be a list of strings.")
    for key in ("clientId", "redirectUrl"):
        if o.get(key) is not None and not isinstance(o[key], str):
            yield Finding(f"{ptr}/{key}", f"'{key}' must be a string.")
    props = o.get("properties")
    first = props.get("IsFirstParty") if isinstance(props, dict) else None
    if isinstance(first, bool):
        yield Finding(f"{ptr}/properties/IsFirstParty", f"'IsFirstParty' is the string \"{first}\", not a boolean.",
                      severity=WARN,
                      fixes=_fix(f"Write \"{first}\"", SetValue(f"{ptr}/properties/IsFirstParty", str(first))))
    elif first is not None and first not in ("True", "False"):
        yield Finding(f"{ptr}/properties/IsFirstParty", "'IsFirstParty' must be the string \"True\" or \"False\".")
    custom = o.get("customParameters")
    if custom is not None and not isinstance(custom, dict):
        yield Finding(f"{ptr}/customParameters", "'customParameters' must be an object.")
    for key, item in (custom.items() if isinstance(custom, dict) else ()):
        if not (isinstance(item, dict) and isinstance(item.get("value"), (str, type(None)))):
            yield Finding(f"{ptr}/customParameters{pointer(key)}",
                          f"The custom parameter '{key}' must be {{\"value\": \"...\"}}.")


RULE = Rule(
    id="connection-parameter-shape",
    summary="Connection parameters in apiProperties.json have the documented shape.",
    severity=Severity.ERROR,
    category="structure",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
)
