from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules._api import FileKind

ENTRA_SECRET = "q7X8Q~e1Vb2nKp9sLr4tWy6zA0cD3fGh5jMnPqRsTu"
RANDOM_KEY = "k3J9sd8f7G6h5J4k3L2mZq"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
PARAM = "/paths/~1tasks~1{taskId}/get/parameters/0"


def oauth(**settings):
    base = {"identityProvider": "oauth2", "clientId": "0d1c6d3e-1111-4a6b-9d0e-2f3a4b5c6d7e", "scopes": [],
            "redirectMode": "Global", "customParameters": {
                "authorizationUrl": {"value": "https://login.contoso.com/authorize"},
                "tokenUrl": {"value": "https://login.contoso.com/token"},
                "refreshUrl": {"value": "https://login.contoso.com/token"}}}
    base.update(settings)
    return api_properties(connectionParameters={"token": {"type": "oauthSetting", "oAuthSettings": base}})


def with_test_value(value, name="taskId"):
    doc = swagger()
    param = doc["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]
    param["name"] = name
    param["x-ms-test-value"] = value
    return doc


def without_test_value(name):
    doc = with_test_value("x", name)
    del doc["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]["x-ms-test-value"]
    return doc


def with_nested_test_value(value, prop="access/token~"):
    """A body parameter whose schema property `prop` (a name needing escapes) has a test value
    (none when `value` is None)."""
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"].append(
        {"name": "body", "in": "body", "schema": {"type": "object", "properties": {
            "notes": {"type": "array", "items": [{"type": "string"}]},
            prop: {"type": "string", **({} if value is None else {"x-ms-test-value": value})}}}})
    return doc


def key_with_default(value):
    doc = api_properties()
    doc["properties"]["connectionParameters"]["api_key"]["defaultValue"] = value
    return doc


def with_description(text):
    doc = api_properties()
    doc["properties"]["connectionParameters"]["api_key"]["uiDefinition"]["description"] = text
    return doc


CP = "/properties/connectionParameters"

test_no_secrets = rule_table(
    "no-secrets",
    valid=[
        case("placeholder secrets", api_properties=oauth(clientSecret="[[DUMMY]]")),
        case("placeholder in capitals", api_properties=oauth(clientSecret="YOUR_CLIENT_SECRET")),
        case("placeholder in angle brackets", api_properties=oauth(clientSecret="<<Please add your secret here>>")),
        case("short word", api_properties=oauth(clientSecret="test")),
        case("null secret", api_properties=oauth(clientSecret=None)),
        case("client IDs are not secrets", api_properties=oauth(clientId="60mOMrhl23bdJmprB0pDzrLF7MXCqyzHMTitaOZeU7E")),
        case("random identifier as a test value", swagger=with_test_value("AyTvkgHzjkm6lLktZ2uzmmUAHQQh", "planId")),
        case("GUID test value on a key parameter", swagger=with_test_value("40649f36-46b6-43a6-95e2-9554b7933919", "apiKey")),
        case("placeholder test value for a key", swagger=with_test_value("insert api key here", "api_key")),
        case("paging tokens are not credentials", swagger=with_test_value(RANDOM_KEY, "nextPageToken")),
        case("no default value", api_properties=api_properties()),
        case("random test value of a schema property not named as a credential",
             swagger=with_nested_test_value(RANDOM_KEY, "planId")),
    ],
    invalid=[
        case("real client secret: unsafe removal", api_properties=oauth(clientSecret=ENTRA_SECRET),
             errors=[err(f"{CP}/token/oAuthSettings/clientSecret", "real secret")], output=oauth()),
        case("random secret without a known shape", api_properties=oauth(clientSecret="Zt8kLq2vN5pWx9rB4mQ"),
             errors=[err(f"{CP}/token/oAuthSettings/clientSecret", "real secret")], output=oauth()),
        case("secret in a custom parameter",
             api_properties=oauth(customParameters={"clientSecret": {"value": "Zt8kLq2vN5pWx9rB4mQ"}}),
             errors=[err(f"{CP}/token/oAuthSettings/customParameters/clientSecret/value", "'clientSecret'")]),
        case("test value of a key parameter", swagger=with_test_value(RANDOM_KEY, "api_key"),
             errors=[err(f"{PARAM}/x-ms-test-value", "test value", file=FileKind.SWAGGER)],
             output=without_test_value("api_key")),
        case("JWT test value on any parameter", swagger=with_test_value(JWT, "taskId"),
             errors=[err(f"{PARAM}/x-ms-test-value", "test value")], output=without_test_value("taskId")),
        case("password inside an object test value", swagger=with_test_value({"user": "ana", "password": "Zt8kLq2vN5pWx9rB"}),
             errors=[err(f"{PARAM}/x-ms-test-value/password", "test value")], output=without_test_value("taskId")),
        case("test value of a credential-named schema property, its name escaped in the pointer",
             swagger=with_nested_test_value(RANDOM_KEY),
             errors=[err("/paths/~1tasks~1{taskId}/get/parameters/1/schema/properties/access~1token~0/x-ms-test-value",
                         "test value")],
             output=with_nested_test_value(None)),
        case("default value of a securestring", api_properties=key_with_default(RANDOM_KEY),
             errors=[err(f"{CP}/api_key/defaultValue", "real credential")], output=api_properties()),
        case("a known token shape anywhere in apiProperties",
             api_properties=with_description("Use ghp_abcdefghijklmnopqrstuvwxyz0123456789AB to test."),
             errors=[err(f"{CP}/api_key/uiDefinition/description", "shape of a real credential")]),
    ],
)
