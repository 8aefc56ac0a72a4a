from ruletester import api_properties, case, err, rule_table

OA = "/properties/connectionParameters/token/oAuthSettings"
GLOBAL = "https://global.consent.azure-apim.net/redirect"


def oauth(**settings):
    base = {"identityProvider": "oauth2", "clientId": "contoso", "scopes": []}
    base.update({k: v for k, v in settings.items() if v is not None})
    return api_properties(connectionParameters={"token": {"type": "oauthSetting", "oAuthSettings": base}})


test_oauth_redirect_mode = rule_table(
    "oauth-redirect-mode",
    valid=[
        case("Global with the global URL", api_properties=oauth(redirectMode="Global", redirectUrl=GLOBAL)),
        case("trailing slash", api_properties=oauth(redirectMode="Global", redirectUrl=GLOBAL + "/")),
        case("per-connector URL", api_properties=oauth(redirectMode="GlobalPerConnector",
                                                       redirectUrl=GLOBAL + "/contoso-5f1a-tasks")),
        case("per-connector without URL", api_properties=oauth(redirectMode="GlobalPerConnector")),
        case("Direct", api_properties=oauth(redirectMode="Direct", redirectUrl="https://contoso.com/callback")),
        case("no mode", api_properties=oauth()),
    ],
    invalid=[
        case("lower case: safe fix", api_properties=oauth(redirectMode="direct"),
             errors=[err(f"{OA}/redirectMode", "'Direct'")], output=oauth(redirectMode="Direct")),
        case("unknown mode near one", api_properties=oauth(redirectMode="GlobalPerConector"),
             errors=[err(f"{OA}/redirectMode", "not a redirect mode")], output=oauth(redirectMode="GlobalPerConnector")),
        case("not a string", api_properties=oauth(redirectMode=True),
             errors=[err(f"{OA}/redirectMode", "True is not a redirect mode")]),
        case("Global with a per-connector URL", api_properties=oauth(redirectMode="Global",
                                                                    redirectUrl=GLOBAL + "/contoso-5f1a"),
             errors=[err(f"{OA}/redirectUrl", "With redirectMode Global")]),
        case("per-connector with the shared URL", api_properties=oauth(redirectMode="GlobalPerConnector",
                                                                       redirectUrl=GLOBAL),
             errors=[err(f"{OA}/redirectUrl", "connector's own")]),
        case("sets are checked too", api_properties=api_properties(connectionParameterSets={"values": [
            {"name": "oauth", "parameters": oauth(redirectMode="global")["properties"]["connectionParameters"]}]}),
             errors=[err("/properties/connectionParameterSets/values/0/parameters/token/oAuthSettings/redirectMode")],
             output=api_properties(connectionParameterSets={"values": [
                 {"name": "oauth", "parameters": oauth(redirectMode="Global")["properties"]["connectionParameters"]}]})),
    ],
)
