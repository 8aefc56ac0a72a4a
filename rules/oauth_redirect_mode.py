"""OAuth settings use a known `redirectMode`, with a `redirectUrl` that agrees with it.

## What it does
For every `oAuthSettings` in apiProperties.json:
- `redirectMode` is `Global`, `GlobalPerConnector` or `Direct`; the same word in another case
  (`global`, `direct`) is a warning; anything else an error;
- `redirectUrl`, when given, agrees with the mode (information): `Global` uses the shared
  `https://global.consent.azure-apim.net/redirect`, `GlobalPerConnector` a per-connector URL
  below it (`.../redirect/<connector id>`), which the platform assigns.

## Why is this bad?
The redirect mode decides which consent URL the identity provider sends users back to; the app
registration must allow exactly that URL (certification asks OAuth apps to allow
`https://global.consent.azure-apim.net/redirect`). The paconn schema accepts `Global` and
`Direct`; `GlobalPerConnector` came later (31 certified connectors use it). A mode in the wrong
case is read by the platform today (one certified connector has `direct`), but the schema
rejects it. A URL that disagrees with the mode (7 certified connectors) usually means the app
registration lists the wrong one, so it is reported as information.

## Example
```json
{"oAuthSettings": {"identityProvider": "oauth2", "redirectMode": "global",
                   "redirectUrl": "https://global.consent.azure-apim.net/redirect"}}
```

## Use instead
```json
{"oAuthSettings": {"identityProvider": "oauth2", "redirectMode": "Global",
                   "redirectUrl": "https://global.consent.azure-apim.net/redirect"}}
```

## Fix
A mode in another case gets the documented spelling (safe); an unknown mode can be replaced by
the nearest known one (a suggestion).
"""

from ._api import Applicability, FileKind, Finding, Fix, FixAvailability, Rule, SetValue, Severity
from ._apiprops import REDIRECT_MODES, canonical, nearest, oauth_settings

GLOBAL_URL = "https://global.consent.azure-apim.net/redirect"


def check(ctx):
    for oauth in oauth_settings(ctx):
        ptr, settings = f"{oauth.pointer}/redirectMode", oauth.settings
        mode = settings.get("redirectMode")
        if mode is None:
            continue
        if mode not in REDIRECT_MODES:
            same = canonical(mode, REDIRECT_MODES) if isinstance(mode, str) else None
            if same:
                yield Finding(ptr, f"The redirect mode is written '{same}'.", severity=Severity.WARNING,
                              fixes=(Fix(f"Write '{same}'", (SetValue(ptr, same),)),))
                mode = same
            else:
                guess = nearest(mode, REDIRECT_MODES) if isinstance(mode, str) else None
                fixes = (Fix(f"Use '{guess}'", (SetValue(ptr, guess),), Applicability.SUGGESTION),) if guess else ()
                yield Finding(ptr, f"{mode!r} is not a redirect mode; use Global, GlobalPerConnector or Direct.",
                              fixes=fixes)
                continue
        url = settings.get("redirectUrl")
        if not isinstance(url, str) or not url.strip():
            continue
        url = url.strip().rstrip("/")
        upt = f"{oauth.pointer}/redirectUrl"
        if mode == "Global" and url.lower() != GLOBAL_URL:
            yield Finding(upt, f"With redirectMode Global the redirect URL is {GLOBAL_URL}.",
                          severity=Severity.INFORMATION)
        elif mode == "GlobalPerConnector" and not url.lower().startswith(GLOBAL_URL + "/"):
            yield Finding(upt, f"With redirectMode GlobalPerConnector the redirect URL is the connector's own "
                               f"{GLOBAL_URL}/<connector id>, which the platform assigns.",
                          severity=Severity.INFORMATION)


RULE = Rule(
    id="oauth-redirect-mode",
    summary="OAuth settings use the redirect mode Global, GlobalPerConnector or Direct, with a matching URL.",
    severity=Severity.ERROR,
    category="structure",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
