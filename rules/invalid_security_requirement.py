"""Security requirements name defined security schemes, with valid scopes.

## What it does
Checks the `security` lists of the document and of each operation. Validator codes:
- `SecurityRequirementMustBeDefined`: a name that is not in `securityDefinitions`;
- `SecurityRequirementMustHaveValue`: a requirement whose value is not a list (`null`);
- `SecurityRequirementMustHaveEmptyValue`: scopes listed for a scheme that is not OAuth 2
  (basic and apiKey take `[]`);
- `OAuthSecurityRequirementValueMustBeScopeName`: an OAuth 2 scope that the scheme's `scopes`
  does not declare.

A warning: 5% of certified connectors name a scheme that is not defined (authentication then
comes from apiProperties.json alone).

## Why is this bad?
Power Platform builds the connection from these: a requirement it cannot match leaves the
connector without authentication, and Microsoft's validator rejects it.

## Example
```json
{"securityDefinitions": {"api_key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
 "security": [{"apikey": ["read"]}]}
```

## Use instead
```json
{"securityDefinitions": {"api_key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
 "security": [{"api_key": []}]}
```

## Fix
Safe: `[]` for a non-OAuth requirement with scopes or no value. A suggestion for a name close to
a defined one.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Related, RenameKey, Rule, SetValue, Severity, pointer
from ._known_keys import did_you_mean
from ._openapi import operations


def check(ctx):
    swagger = ctx.swagger if isinstance(ctx.swagger, dict) else {}
    schemes = swagger.get("securityDefinitions") if isinstance(swagger.get("securityDefinitions"), dict) else {}
    lists = [("/security", swagger.get("security"))]
    lists += [(f"{op.pointer}/security", op.value.get("security")) for op in operations(ctx)]
    for base, requirements in lists:
        for i, requirement in enumerate(requirements) if isinstance(requirements, list) else ():
            for name, scopes in requirement.items() if isinstance(requirement, dict) else ():
                yield from _requirement(f"{base}/{i}/{pointer(name)[1:]}", name, scopes, schemes)


def _requirement(ptr, name, scopes, schemes):
    scheme = schemes.get(name)
    if not isinstance(scheme, dict):
        best, unique = did_you_mean(name, list(schemes))
        fixes = tuple(Fix(f"Rename to '{b}'", (RenameKey(ptr, b),), Applicability.SUGGESTION) for b in best[:3])
        yield Finding(ptr, f"'{name}' is not defined in securityDefinitions"
                           + (f"; did you mean '{best[0]}'?" if best else "."), target="key", fixes=fixes,
                      related=tuple(Related(pointer("securityDefinitions", b), "The closest definition.")
                                    for b in best[:1]), validator_code="SecurityRequirementMustBeDefined")
        return
    oauth = scheme.get("type") == "oauth2"
    if not isinstance(scopes, list):
        fixes = () if oauth else (Fix("Set it to []", (SetValue(ptr, []),)),)
        yield Finding(ptr, f"The requirement '{name}' needs a list of scopes ([] when there are none).",
                      fixes=fixes, validator_code="SecurityRequirementMustHaveValue")
    elif scopes and not oauth:
        yield Finding(ptr, f"'{name}' is a {scheme.get('type')} scheme, which has no scopes; its value must be [].",
                      fixes=(Fix("Set it to []", (SetValue(ptr, []),)),),
                      validator_code="SecurityRequirementMustHaveEmptyValue")
    elif oauth:
        declared = scheme.get("scopes") if isinstance(scheme.get("scopes"), dict) else {}
        for j, scope in enumerate(scopes):
            if isinstance(scope, str) and scope not in declared:
                yield Finding(f"{ptr}/{j}", f"The scope {scope!r} is not declared in the scopes of '{name}'.",
                              related=(Related(pointer("securityDefinitions", name), "The OAuth 2 scheme."),),
                              validator_code="OAuthSecurityRequirementValueMustBeScopeName")


RULE = Rule(
    id="invalid-security-requirement",
    summary="Security requirements name defined security schemes, with valid scopes.",
    severity=Severity.WARNING,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
