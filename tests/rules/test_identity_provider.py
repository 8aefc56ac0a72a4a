from ruletester import api_properties, case, err, rule_table

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, Severity

OA = "/properties/connectionParameters/token/oAuthSettings"
OAUTH2 = {"authorizationUrl": {"value": "https://login.contoso.com/authorize"},
          "tokenUrl": {"value": "https://login.contoso.com/token"},
          "refreshUrl": {"value": "https://login.contoso.com/token"}}
AAD = {"loginUri": {"value": "https://login.microsoftonline.com"}, "tenantId": {"value": "common"},
       "resourceUri": {"value": "https://graph.microsoft.com"}}


def provider(idp, custom=None, **extra):
    settings = {"identityProvider": idp, "clientId": "contoso", "scopes": [], "redirectMode": "Global", **extra}
    if custom is not None:
        settings["customParameters"] = custom
    return api_properties(connectionParameters={"token": {"type": "oauthSetting", "oAuthSettings": settings}})


def without_idp():
    doc = provider("oauth2", OAUTH2)
    del doc["properties"]["connectionParameters"]["token"]["oAuthSettings"]["identityProvider"]
    return doc


test_identity_provider = rule_table(
    "identity-provider",
    valid=[
        case("generic OAuth 2", api_properties=provider("oauth2", OAUTH2)),
        case("Microsoft Entra ID", api_properties=provider("aad", AAD)),
        case("Entra ID with on-behalf-of login",
             api_properties=provider("aad", {**AAD, "enableOnbehalfOfLogin": {"value": "false"}})),
        case("oauth2generic templates", api_properties=provider("oauth2generic", {
            "authorizationUrlTemplate": {"value": "https://x/authorize"}, "tokenUrlTemplate": {"value": "https://x/token"},
            "refreshUrlTemplate": {"value": "https://x/token"}, "scopeListDelimiter": {"value": " "}})),
        case("first-party certificate", api_properties=provider("aadcertificate", {"resourceUri": {"value": "x"}},
                                                                  properties={"IsFirstParty": "True"})),
        case("facebook takes what it takes", api_properties=provider("facebook", {})),
        case("API key connector", api_properties=api_properties()),
    ],
    invalid=[
        case("unknown provider: nearest as a suggestion", api_properties=provider("oauth", OAUTH2),
             errors=[err(f"{OA}/identityProvider", "'oauth' is not a supported")],
             output=provider("oauth2", OAUTH2)),
        case("unknown provider with nothing near", api_properties=provider("okta-sso", OAUTH2),
             errors=[err(f"{OA}/identityProvider", "not a supported")]),
        case("provider in another case: safe", api_properties=provider("AAD", AAD),
             errors=[err(f"{OA}/identityProvider", "'aad'")], output=provider("aad", AAD)),
        case("no provider", api_properties=without_idp(), errors=[err(OA, "no identityProvider")]),
        case("first-party-only provider is information", api_properties=provider("DocuSign", {}),
             errors=[err(f"{OA}/identityProvider", "not a documented identity provider")]),
        case("Entra ID without resourceUri", api_properties=provider("aad", {"loginUri": AAD["loginUri"]}),
             errors=[err(f"{OA}/customParameters", "'resourceUri'")]),
        case("OAuth 2 without any custom parameters", api_properties=provider("oauth2"),
             errors=[err(OA, "'authorizationUrl'"), err(OA, "'tokenUrl'"), err(OA, "'refreshUrl'")]),
        case("custom parameter in another case: safe rename",
             api_properties=provider("oauth2", {"authorizationUrl": OAUTH2["authorizationUrl"],
                                                "TokenUrl": OAUTH2["tokenUrl"], "refreshUrl": OAUTH2["refreshUrl"]}),
             errors=[err(f"{OA}/customParameters/TokenUrl", "written 'tokenUrl'")],
             output=provider("oauth2", OAUTH2)),
        case("unknown custom parameter", api_properties=provider("aad", {**AAD, "grantType": {"value": "code"}}),
             errors=[err(f"{OA}/customParameters/grantType", "takes no custom parameter")]),
        case("certificate provider outside first party", api_properties=provider(
            "aadcertificate", {"resourceUri": {"value": "x"}}, properties={"IsFirstParty": "False"}),
             errors=[err(OA, "first-party")]),
    ],
)


def test_tiers():
    rule = rules_by_id()["identity-provider"]
    custom = {"loginUri": AAD["loginUri"], "TenantId": AAD["tenantId"], "resourceUri": AAD["resourceUri"], "x": {}}
    got = run_rule(rule, RuleContext(api_properties=provider("aad", custom)))
    assert [f.severity for f in got] == [Severity.INFORMATION, Severity.WARNING]
