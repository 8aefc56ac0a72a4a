import copy

from ruletester import api_properties, case, err, rule_table

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, Severity

CP = "/properties/connectionParameters"


def ui(display="API Key", **constraints):
    return {"displayName": display, "description": "The key.", "tooltip": "Your key.",
            "constraints": {"tabIndex": 2, "clearText": False, "required": "true", **constraints}}


BASIC = {"username": {"type": "securestring", "uiDefinition": ui("Username", clearText=True)},
         "password": {"type": "securestring", "uiDefinition": ui("Password")}}
OAUTH = {"token": {"type": "oauthSetting", "oAuthSettings": {
    "identityProvider": "oauth2", "clientId": "contoso", "scopes": ["tasks.read"], "redirectMode": "Global",
    "redirectUrl": "https://global.consent.azure-apim.net/redirect", "properties": {"IsFirstParty": "False"},
    "customParameters": {"authorizationUrl": {"value": "https://login.contoso.com/authorize"},
                         "tokenUrl": {"value": "https://login.contoso.com/token"},
                         "refreshUrl": {"value": "https://login.contoso.com/token"}}}}}
ENTRA = {"token": {"type": "oauthSetting", "oAuthSettings": {
    "identityProvider": "aad", "clientId": "contoso", "scopes": [], "redirectMode": "Global",
    "customParameters": {"loginUri": {"value": "https://login.microsoftonline.com"}, "tenantId": {"value": "common"},
                         "resourceUri": {"value": "https://graph.microsoft.com"}}}},
    "token:TenantId": {"type": "string", "metadata": {"sourceType": "AzureActiveDirectoryTenant"},
                       "uiDefinition": {"displayName": "Tenant", "description": "The tenant.",
                                        "constraints": {"hidden": "true", "required": "false"}}}}


def params(value):
    return api_properties(connectionParameters=value)


def key(**changes):
    param = {"type": "securestring", "uiDefinition": ui()}
    param.update(changes)
    return params({"api_key": param})


def with_constraint(**constraints):
    return key(uiDefinition=ui(**constraints))


def oauth(**settings):
    value = copy.deepcopy(OAUTH)
    value["token"]["oAuthSettings"].update(settings)
    return params(value)


test_connection_parameter_shape = rule_table(
    "connection-parameter-shape",
    valid=[
        case("API key", api_properties=api_properties()),
        case("basic", api_properties=params(BASIC)),
        case("generic OAuth", api_properties=params(OAUTH)),
        case("Microsoft Entra ID with tenant", api_properties=params(ENTRA)),
        case("OAuth without uiDefinition", api_properties=oauth()),
        case("hidden parameter needs no display name",
             api_properties=params({"host": {"type": "string", "uiDefinition": {"constraints": {"hidden": "true"}}}}),),
        case("allowed values", api_properties=params({"region": {
            "type": "string", "allowedValues": [{"value": "eu"}],
            "uiDefinition": ui("Region", allowedValues=[{"text": "EU", "value": "eu"}])}})),
        case("multi-auth sets", api_properties=api_properties(connectionParameterSets={
            "uiDefinition": {"displayName": "Sign in", "description": "How to sign in."},
            "values": [{"name": "key", "uiDefinition": {"displayName": "Key"}, "parameters": params(BASIC)["properties"]
                        ["connectionParameters"]}]})),
        case("no connection parameters", api_properties={"properties": {"iconBrandColor": "#0b6cbd"}}),
    ],
    invalid=[
        case("boolean required: safe fix to the string", api_properties=with_constraint(required=True),
             errors=[err(f"{CP}/api_key/uiDefinition/constraints/required", "string \"true\", not true")],
             output=with_constraint(required="true")),
        case("boolean hidden", api_properties=with_constraint(hidden=False),
             errors=[err(f"{CP}/api_key/uiDefinition/constraints/hidden", "\"false\"")],
             output=with_constraint(hidden="false")),
        case("capitalized string", api_properties=with_constraint(required="True"),
             errors=[err(f"{CP}/api_key/uiDefinition/constraints/required")], output=with_constraint(required="true")),
        case("required is not a yes or no", api_properties=with_constraint(required="yes"),
             errors=[err(f"{CP}/api_key/uiDefinition/constraints/required", "must be the string")]),
        case("clearText as a string", api_properties=with_constraint(clearText="false"),
             errors=[err(f"{CP}/api_key/uiDefinition/constraints/clearText", "boolean")],
             output=with_constraint(clearText=False)),
        case("tabIndex as a string", api_properties=with_constraint(tabIndex="2"),
             errors=[err(f"{CP}/api_key/uiDefinition/constraints/tabIndex", "whole number")]),
        case("miscased type", api_properties=params({"token": {**OAUTH["token"], "type": "oAuthSetting"}}),
             errors=[err(f"{CP}/token/type", "'oauthSetting'")], output=params(OAUTH)),
        case("unknown type with a near one", api_properties=key(type="securestrng"),
             errors=[err(f"{CP}/api_key/type", "not a connection parameter type")], output=key()),
        case("no type", api_properties=params({"api_key": {"uiDefinition": ui()}}),
             errors=[err(f"{CP}/api_key", "no 'type'")]),
        case("parameter is not an object", api_properties=params({"api_key": "securestring"}),
             errors=[err(f"{CP}/api_key", "must be an object")]),
        case("bad name", api_properties=params({"api-key": {"type": "securestring", "uiDefinition": ui()}}),
             errors=[err(f"{CP}/api-key", "not a valid parameter name")]),
        case("miscased oAuthSettings key", api_properties=params(
            {"token": {"type": "oauthSetting", "oauthSettings": OAUTH["token"]["oAuthSettings"]}}),
             errors=[err(f"{CP}/token/oauthSettings", "'oAuthSettings'")], output=params(OAUTH)),
        case("OAuth settings on an API key: unsafe removal", api_properties=key(oAuthSettings={}),
             errors=[err(f"{CP}/api_key/oAuthSettings", "takes no 'oAuthSettings'")], output=key()),
        case("OAuth parameter without settings", api_properties=params({"token": {"type": "oauthSetting"}}),
             errors=[err(f"{CP}/token", "no 'oAuthSettings'")]),
        case("no uiDefinition", api_properties=params({"api_key": {"type": "securestring"}}),
             errors=[err(f"{CP}/api_key", "no 'uiDefinition'")]),
        case("no display name", api_properties=key(uiDefinition={"description": "The key."}),
             errors=[err(f"{CP}/api_key/uiDefinition", "no displayName")]),
        case("display name not a string", api_properties=key(uiDefinition={**ui(), "displayName": 3}),
             errors=[err(f"{CP}/api_key/uiDefinition/displayName", "must be a str")]),
        case("allowed values without value", api_properties=with_constraint(allowedValues=[{"text": "EU"}]),
             errors=[err(f"{CP}/api_key/uiDefinition/constraints/allowedValues", "'value'")]),
        case("a password in a plain string", api_properties=params({**BASIC, "password": {**BASIC["password"],
                                                                                       "type": "string"}}),
             errors=[err(f"{CP}/password/type", "securestring")], output=params(BASIC)),
        case("tenant without its metadata", api_properties=params(
            {**ENTRA, "token:TenantId": {**ENTRA["token:TenantId"], "metadata": {}}}),
             errors=[err(f"{CP}/token:TenantId", "AzureActiveDirectoryTenant")]),
        case("scopes as a string", api_properties=oauth(scopes="tasks.read"),
             errors=[err(f"{CP}/token/oAuthSettings/scopes", "list of strings")]),
        case("redirect URL as a list", api_properties=oauth(redirectUrl=["https://global.consent.azure-apim.net/redirect"]),
             errors=[err(f"{CP}/token/oAuthSettings/redirectUrl", "must be a string")]),
        case("IsFirstParty as a boolean", api_properties=oauth(properties={"IsFirstParty": False}),
             errors=[err(f"{CP}/token/oAuthSettings/properties/IsFirstParty", "string")], output=oauth()),
        case("custom parameter without value object", api_properties=oauth(customParameters={"tokenUrl": "https://x"}),
             errors=[err(f"{CP}/token/oAuthSettings/customParameters/tokenUrl", "{\"value\"")]),
    ],
)


def test_accepted_variants_are_warnings_and_real_faults_errors():
    rule = rules_by_id()["connection-parameter-shape"]
    boolean = run_rule(rule, RuleContext(api_properties=with_constraint(required=True)))
    unknown = run_rule(rule, RuleContext(api_properties=key(type="text")))
    assert [f.severity for f in boolean] == [Severity.WARNING]
    assert [f.severity for f in unknown] == [None] and rule.severity is Severity.ERROR
