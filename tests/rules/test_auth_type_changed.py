from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules._api import FileKind

OAUTH = {"oauth2_auth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://login.contoso.com/a",
                         "tokenUrl": "https://login.contoso.com/t", "scopes": {}}}


def oauth_props(provider):
    return api_properties(connectionParameters={"token": {"type": "oauthSetting", "oAuthSettings": {
        "identityProvider": provider, "clientId": "x", "scopes": [], "redirectMode": "GlobalPerConnector"}}})


test_table = rule_table(
    "auth-type-changed",
    valid=[case("same", swagger=swagger(), base_swagger=swagger()),
           case("same provider", swagger=swagger(), api_properties=oauth_props("aad"), base_api_properties=oauth_props("aad")),
           case("a security definition renamed, same type", base_swagger=swagger(),
                swagger=swagger(securityDefinitions={"key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}))],
    invalid=[
        case("apiKey to oauth2", swagger=swagger(securityDefinitions=OAUTH), base_swagger=swagger(),
             errors=[err("/securityDefinitions", "from 'apiKey' to 'oauth2'")]),
        case("identity provider", swagger=swagger(), api_properties=oauth_props("oauth2"), base_api_properties=oauth_props("aad"),
             errors=[err("/properties/connectionParameters/token/oAuthSettings/identityProvider", "from 'aad' to 'oauth2'",
                         file=FileKind.API_PROPERTIES)]),
        case("connection parameter type", swagger=swagger(), api_properties=oauth_props("aad"),
             base_api_properties=api_properties(connectionParameters={"token": {"type": "securestring"}}),
             errors=[err("/properties/connectionParameters/token/type", "from 'securestring' to 'oauthSetting'")]),
    ],
)
