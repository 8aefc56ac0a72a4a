"""The swagger's `securityDefinitions` agree with the connection parameters in apiProperties.json.

## What it does
Compares the authentication each file describes:
- an `oauth2` security definition needs an `oauthSetting` connection parameter;
- an `apiKey` definition needs a `securestring` parameter (where the user enters the key);
- a `basic` definition needs `securestring` parameters for the user name and password;
- an `oauthSetting` parameter without any `oauth2` definition is reported as information.
Parameters of every `connectionParameterSets` set count (multiple authentication types), and
type names are compared without case.

## Why is this bad?
apiProperties.json decides how connections are created; the swagger's `securityDefinitions` is
what the custom-connector wizard, the documentation and Microsoft's reviewers read. When they
disagree, the connector is documented with one kind of sign-in and behaves with another, and an
import into the wizard loses the real one. 10 certified connectors (1.6%) have a definition with
no matching parameter (mostly an `apiKey` definition on a connector that signs in with OAuth);
this is a warning. 25 (4.0%) have OAuth parameters and no `oauth2` definition, which the
platform accepts: information.

## Example
```json
{"securityDefinitions": {"oauth2_auth": {"type": "oauth2", "flow": "accessCode", "scopes": {},
  "authorizationUrl": "https://login.contoso.com/authorize", "tokenUrl": "https://login.contoso.com/token"}}}
```
with `"connectionParameters": {"api_key": {"type": "securestring"}}` in apiProperties.json.

## Use instead
```json
{"securityDefinitions": {"api_key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}}
```

## Fix
None: only the author knows which of the two is right.
"""

from ._api import FileKind, Finding, Related, Rule, Severity, pointer
from ._apiprops import connection_parameters

NEEDS = {"oauth2": ("oauthsetting", "OAuth connection parameter (type oauthSetting)"),
         "apikey": ("securestring", "securestring connection parameter for the key"),
         "basic": ("securestring", "securestring connection parameters for the user name and password")}


def check(ctx):
    if not isinstance(ctx.swagger, dict) or ctx.api_properties is None:
        return  # nothing to compare
    definitions = ctx.swagger.get("securityDefinitions")
    definitions = definitions if isinstance(definitions, dict) else {}
    params = [p for p in connection_parameters(ctx) if isinstance(p.value, dict)]
    types = {str(p.value.get("type")).lower() for p in params}
    kinds = set()
    for name, definition in definitions.items():
        kind = str(definition.get("type")).lower() if isinstance(definition, dict) else ""
        kinds.add(kind)
        if kind in NEEDS and NEEDS[kind][0] not in types:
            has = ", ".join(sorted({str(p.value.get("type")) for p in params})) or "no connection parameters"
            yield Finding(pointer("securityDefinitions", name), f"The swagger declares {definition['type']} "
                          f"authentication, but apiProperties.json has no {NEEDS[kind][1]} (it has: {has}).",
                          file=FileKind.SWAGGER, target="key")
    if "oauth2" not in kinds:
        for p in params:
            if str(p.value.get("type")).lower() == "oauthsetting":
                related = (Related("/securityDefinitions" if definitions else "", "The swagger's security definitions",
                                   FileKind.SWAGGER),)
                yield Finding(p.pointer, f"'{p.name}' signs in with OAuth, but the swagger has no oauth2 security "
                                         "definition.", severity=Severity.INFORMATION, target="key", related=related)
                break


RULE = Rule(
    id="auth-consistency",
    summary="The swagger's security definitions agree with the connection parameters.",
    severity=Severity.WARNING,
    category="structure",
    file=FileKind.API_PROPERTIES,
    docs=__doc__,
    check=check,
)
