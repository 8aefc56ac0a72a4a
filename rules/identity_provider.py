"""OAuth connection parameters name a supported identity provider, with that provider's custom parameters.

## What it does
For every `oAuthSettings` in apiProperties.json, checks `identityProvider`:
- it is present and one of the documented identifiers `oauth2` (generic OAuth 2), `oauth2generic`,
  `aad` (Microsoft Entra ID), `aadcertificate` and `facebook` (another case is a warning);
- providers that Microsoft names but gives no identifier for (DocuSign, Dropbox, GitHub,
  Salesforce) are reported as information: only Microsoft's own connectors use them;
- its `customParameters` are the ones that provider takes: `oauth2` requires `authorizationUrl`,
  `tokenUrl` and `refreshUrl`; `oauth2generic` requires `authorizationUrlTemplate` and
  `tokenUrlTemplate` (plus optional query-string, body, refresh and `scopeListDelimiter`
  templates); `aad` and `aadcertificate` require `resourceUri` (optional `loginUri`,
  `tenantId`, `enableOnbehalfOfLogin`, and `loginUriAAD` for `aadcertificate`). A known parameter
  in another case (`AuthorizationUrl`) is information; an unknown one a warning;
- `aadcertificate` is for first-party connectors: it needs `properties.IsFirstParty` `"True"`.

## Why is this bad?
The platform only knows these providers (paconn apiProperties schema, connection-parameters
docs); an unknown identifier or a missing required URL makes the connection fail to create.
No certified connector uses an unknown provider; two (DocuSign) use the undocumented `DocuSign`.
The errors fire on 2 certified connectors (0.3%): an `aad` provider without `resourceUri` and an
`aadcertificate` one outside first party.

## Example
```json
{"oAuthSettings": {"identityProvider": "azuread", "clientId": "...", "scopes": [],
                   "customParameters": {"loginUri": {"value": "https://login.microsoftonline.com"}}}}
```

## Use instead
```json
{"oAuthSettings": {"identityProvider": "aad", "clientId": "...", "scopes": [],
                   "customParameters": {"loginUri": {"value": "https://login.microsoftonline.com"},
                                        "tenantId": {"value": "common"},
                                        "resourceUri": {"value": "https://graph.microsoft.com"}}}}
```

## Fix
A provider or custom parameter written in another case gets its documented spelling (safe). An
unknown provider can be replaced by the nearest known one (a suggestion).
"""

from ._api import (Applicability, FileKind, Finding, Fix, FixAvailability, RenameKey, Rule, SetValue, Severity,
                   pointer)
from ._apiprops import IDENTITY_PROVIDERS, canonical, nearest, oauth_settings

FIRST_PARTY_ONLY = ("DocuSign", "Dropbox", "GitHub", "Salesforce")


def check(ctx):
    for oauth in oauth_settings(ctx):
        ptr, settings = oauth.pointer, oauth.settings
        idp = settings.get("identityProvider")
        if not isinstance(idp, str) or not idp.strip():
            yield Finding(ptr if "identityProvider" not in settings else f"{ptr}/identityProvider",
                          "oAuthSettings has no identityProvider; use oauth2, oauth2generic, aad, aadcertificate or "
                          "facebook.")
            continue
        if idp not in IDENTITY_PROVIDERS:
            same = canonical(idp, IDENTITY_PROVIDERS)
            if same:
                yield Finding(f"{ptr}/identityProvider", f"The identity provider is written '{same}'.",
                              severity=Severity.WARNING,
                              fixes=(Fix(f"Write '{same}'", (SetValue(f"{ptr}/identityProvider", same),)),))
                idp = same
            elif canonical(idp, FIRST_PARTY_ONLY):
                yield Finding(f"{ptr}/identityProvider", f"'{idp}' is not a documented identity provider; only "
                              "Microsoft's own connectors use it.", severity=Severity.INFORMATION)
                continue
            else:
                guess = nearest(idp, IDENTITY_PROVIDERS, cutoff=0.5)
                fixes = (Fix(f"Use '{guess}'", (SetValue(f"{ptr}/identityProvider", guess),),
                             Applicability.SUGGESTION),) if guess else ()
                yield Finding(f"{ptr}/identityProvider", f"'{idp}' is not a supported identity provider; use "
                              "oauth2, oauth2generic, aad, aadcertificate or facebook.", fixes=fixes)
                continue
        if IDENTITY_PROVIDERS[idp] is not None:
            yield from _custom(ptr, idp, settings.get("customParameters"))
        if idp == "aadcertificate":
            props = settings.get("properties")
            if not (isinstance(props, dict) and props.get("IsFirstParty") == "True"):
                yield Finding(ptr, "The aadcertificate provider is for first-party connectors: it needs "
                                   "\"properties\": {\"IsFirstParty\": \"True\"}.")


def _custom(ptr, idp, custom):
    required, optional = IDENTITY_PROVIDERS[idp]
    where = f"{ptr}/customParameters" if isinstance(custom, dict) else ptr
    custom = custom if isinstance(custom, dict) else {}
    known = required + optional
    for key in custom:
        if key in known:
            continue
        same = canonical(key, known)
        kptr = f"{ptr}/customParameters{pointer(key)}"
        if same and same not in custom:
            yield Finding(kptr, f"The custom parameter '{key}' is written '{same}'.", target="key",
                          severity=Severity.INFORMATION, fixes=(Fix(f"Rename to '{same}'", (RenameKey(kptr, same),)),))
        else:
            yield Finding(kptr, f"The {idp} provider takes no custom parameter '{key}'.", target="key",
                          severity=Severity.WARNING)
    lowered = {k.lower() for k in custom}
    for key in required:
        if key.lower() not in lowered:
            yield Finding(where, f"The {idp} provider needs the custom parameter '{key}'.")


RULE = Rule(
    id="identity-provider",
    summary="OAuth settings name a supported identity provider with its required custom parameters.",
    severity=Severity.ERROR,
    category="structure",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
