from ruletester import api_properties, case, err, rule_table, swagger

GUID = "8f3c0c9e-3c1a-4a55-b1f2-0d4c6e8a9b10"
GOOD = {"connectorId": "shared_contoso-5f1a", "environment": GUID, "apiProperties": "apiProperties.json",
        "apiDefinition": "apiDefinition.swagger.json", "powerAppsUrl": "https://api.powerapps.com",
        "powerAppsApiVersion": "2016-11-01"}


def settings(**changes):
    out = dict(GOOD)
    out.update(changes)
    return out


BOTH = {"swagger": swagger(), "api_properties": api_properties()}

test_settings_file = rule_table(
    "settings-file",
    valid=[
        case("paconn download output", settings=GOOD, **BOTH),
        case("default environment", settings=settings(environment=f"Default-{GUID}"), **BOTH),
        case("script and sign-in keys", settings=settings(script="script.csx", tenant="common"), script="// code",
             **BOTH),
        case("no settings file", **BOTH),
    ],
    invalid=[
        case("named icon is missing", settings=settings(icon="icon.png"), **BOTH,
             errors=[err("/icon", "no such file")]),
        case("named swagger is missing", settings=GOOD, api_properties=api_properties(),
             errors=[err("/apiDefinition", "'apiDefinition.swagger.json'")]),
        case("a path above the connector", settings=settings(apiProperties="../../victim/apiProperties.json"), **BOTH,
             errors=[err("/apiProperties", "outside the connector folder")]),
        case("an absolute path", settings=settings(apiDefinition="/etc/passwd"), **BOTH,
             errors=[err("/apiDefinition", "outside the connector folder")]),
        case("a Windows drive", settings=settings(icon="C:\\Users\\icon.png"), **BOTH,
             errors=[err("/icon", "outside the connector folder")]),
        case("path not a string", settings=settings(apiProperties=""), **BOTH,
             errors=[err("/apiProperties", "name of a file")]),
        case("environment display name", settings=settings(environment="Contoso (default)"), **BOTH,
             errors=[err("/environment", "environment id")]),
        case("upper-case environment: safe fix", settings=settings(environment=f"default-{GUID.upper()}"), **BOTH,
             errors=[err("/environment", f"Default-{GUID}")], output=settings(environment=f"Default-{GUID}")),
        case("wrong API version: safe fix", settings=settings(powerAppsApiVersion="2020-01-01"), **BOTH,
             errors=[err("/powerAppsApiVersion", "2016-11-01")], output=GOOD),
        case("http URL", settings=settings(flowUrl="http://api.flow.microsoft.com"), **BOTH,
             errors=[err("/flowUrl", "https URL")]),
        case("misspelled key: suggestion", settings=settings(enviroment=GUID) | {"environment": None}, **BOTH,
             errors=[err("/environment", "environment id"), err("/enviroment", "did you mean 'environment'")]),
        case("misspelled key renamed", settings={k: v for k, v in settings(enviroment=GUID).items()
                                                 if k != "environment"}, **BOTH,
             errors=[err("/enviroment", "did you mean 'environment'")],
             output={(("environment" if k == "enviroment" else k)): v for k, v in settings(enviroment=GUID).items()
                     if k != "environment"}),
        case("not an object", settings=["apiDefinition.swagger.json"], **BOTH, errors=[err("", "must be an object")]),
    ],
)
