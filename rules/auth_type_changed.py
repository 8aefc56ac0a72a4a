"""The connector keeps the authentication type of the base connector.

## What it does
Reports a changed authentication: the types of the swagger's `securityDefinitions` (apiKey,
basic, oauth2), a connection parameter's `type` (`securestring` → `oauthSetting`), or an OAuth
`identityProvider`. Not a check of Microsoft's validator.

## Why is this bad?
Existing connections were created and signed in for the old authentication; they stop working
and every user must create a new connection.

## Example
Base: `"securityDefinitions": {"api_key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}`; new:
```json
{"securityDefinitions": {"oauth2_auth": {"type": "oauth2", "flow": "accessCode",
  "authorizationUrl": "https://login.contoso.com/authorize", "tokenUrl": "https://login.contoso.com/token"}}}
```

## Use instead
Keep the authentication; offer the new one beside it with `connectionParameterSets` (multiple
authentication types), so existing connections keep theirs.

## Fix
None.
"""

from ._api import Rule, Severity
from ._breaking import AUTH_TYPE_CHANGED, findings


def check(ctx):
    return findings(ctx, AUTH_TYPE_CHANGED)


RULE = Rule(
    id="auth-type-changed",
    summary="The connector keeps the authentication type of the base connector.",
    severity=Severity.ERROR,
    category="breaking",
    docs=__doc__,
    check=check,
)
