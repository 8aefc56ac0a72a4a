from ruletester import api_properties, case, err, rule_table

PTR = "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.value"


def with_header(value, **props):
    return api_properties(policyTemplateInstances=[{
        "templateId": "setheader", "title": "Pass the key",
        "parameters": {"x-ms-apimTemplateParameter.name": "X-Api-Key", "x-ms-apimTemplateParameter.value": value},
    }], **props)


REF = "@connectionParameters('api_key')"
test_unknown_connection_parameter = rule_table(
    "unknown-connection-parameter",
    valid=[
        case("an existing parameter", api_properties=with_header(REF)),
        case("double quotes and a sub-property", api_properties=with_header('@connectionParameters("api_key:tenant")')),
        case("no policies", api_properties=api_properties()),
        case("a parameter of a connection parameter set", api_properties=with_header(
            "@connectionParameters('region')", connectionParameterSets={"values": [
                {"name": "a", "parameters": {"region": {"type": "string"}}}]})),
        case("text without a reference", api_properties=with_header("Bearer token")),
    ],
    invalid=[
        case("a misspelled name", api_properties=with_header("@connectionParameters('api_kye')"),
             errors=[err(PTR, "did you mean 'api_key'", span=(23, 30))],
             output=with_header(REF)),
        case("a name in another case: information, safe fix", api_properties=with_header("@connectionParameters('API_KEY')"),
             errors=[err(PTR, "spelled 'api_key'", span=(23, 30))], output=with_header(REF)),
        case("a name nothing resembles", api_properties=with_header("https://@connectionParameters('identifier').x.com"),
             errors=[err(PTR, "No connection parameter is named 'identifier'.")]),
    ],
)
