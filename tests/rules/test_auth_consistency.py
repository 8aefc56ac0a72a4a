from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules._api import FileKind

OAUTH_DEF = {"oauth2_auth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://x/authorize",
                             "tokenUrl": "https://x/token", "scopes": {}}}
BASIC_DEF = {"basic_auth": {"type": "basic"}}
OAUTH_PARAMS = {"token": {"type": "oauthSetting", "oAuthSettings": {"identityProvider": "oauth2"}}}
BASIC_PARAMS = {"username": {"type": "securestring"}, "password": {"type": "securestring"}}


def definitions(value):
    return swagger(securityDefinitions=value)


test_auth_consistency = rule_table(
    "auth-consistency",
    valid=[
        case("API key both sides", swagger=swagger(), api_properties=api_properties()),
        case("OAuth both sides", swagger=definitions(OAUTH_DEF), api_properties=api_properties(
            connectionParameters=OAUTH_PARAMS)),
        case("types compared without case", swagger=definitions(OAUTH_DEF), api_properties=api_properties(
            connectionParameters={"token": {"type": "oAuthSetting", "oAuthSettings": {}}})),
        case("basic both sides", swagger=definitions(BASIC_DEF), api_properties=api_properties(
            connectionParameters=BASIC_PARAMS)),
        case("no authentication anywhere", swagger=definitions({}), api_properties=api_properties(
            connectionParameters={})),
        case("OAuth in a multi-auth set", swagger=definitions(OAUTH_DEF), api_properties=api_properties(
            connectionParameters={}, connectionParameterSets={"values": [{"name": "o", "parameters": OAUTH_PARAMS}]})),
        case("no apiProperties: nothing to compare", swagger=definitions(OAUTH_DEF)),
        case("no swagger: nothing to compare", api_properties=api_properties(connectionParameters=OAUTH_PARAMS)),
    ],
    invalid=[
        case("API key in the swagger, OAuth in apiProperties", swagger=swagger(),
             api_properties=api_properties(connectionParameters=OAUTH_PARAMS),
             errors=[err("/securityDefinitions/api_key", "it has: oauthSetting", file=FileKind.SWAGGER),
                     err("/properties/connectionParameters/token", "no oauth2 security definition",
                         file=FileKind.API_PROPERTIES)]),
        case("OAuth in the swagger, API key in apiProperties", swagger=definitions(OAUTH_DEF),
             api_properties=api_properties(), errors=[err("/securityDefinitions/oauth2_auth", "oauthSetting")]),
        case("basic without parameters", swagger=definitions(BASIC_DEF),
             api_properties=api_properties(connectionParameters={}),
             errors=[err("/securityDefinitions/basic_auth", "no connection parameters")]),
        case("OAuth parameters, no securityDefinitions", swagger=swagger(securityDefinitions=None),
             api_properties=api_properties(connectionParameters=OAUTH_PARAMS),
             errors=[err("/properties/connectionParameters/token", "no oauth2")]),
    ],
)
