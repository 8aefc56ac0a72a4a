from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules._api import FileKind


def props_with(**params):
    return api_properties(connectionParameters=params)


KEY = {"type": "securestring", "uiDefinition": {"displayName": "API Key"}}
REGION = {"type": "string", "uiDefinition": {"displayName": "Region"}}

test_table = rule_table(
    "connection-parameter-removed",
    valid=[case("same parameters", swagger=swagger(), api_properties=props_with(api_key=KEY),
                base_api_properties=props_with(api_key=KEY)),
           case("display name changed", swagger=swagger(),
                api_properties=props_with(api_key={**KEY, "uiDefinition": {"displayName": "Key"}}),
                base_api_properties=props_with(api_key=KEY)),
           case("a parameter added", swagger=swagger(), api_properties=props_with(api_key=KEY, region=REGION),
                base_api_properties=props_with(api_key=KEY))],
    invalid=[
        case("renamed", swagger=swagger(), api_properties=props_with(apiKey=KEY), base_api_properties=props_with(api_key=KEY),
             errors=[err("/properties/connectionParameters", "'api_key' has been removed (renamed to 'apiKey'?)",
                         file=FileKind.API_PROPERTIES)]),
        case("removed", swagger=swagger(), api_properties=props_with(api_key=KEY),
             base_api_properties=props_with(api_key=KEY, region=REGION),
             errors=[err("/properties/connectionParameters", "'region' has been removed: existing connections")]),
    ],
)
