from ruletester import case, err, rule_table, swagger

PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]


def with_param(name):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"].append(
        {"name": name, "in": "query", "type": "string", "x-ms-summary": "C", "description": "C."})
    return doc


test_table = rule_table(
    "reserved-parameter-name",
    valid=[case("other names", swagger=with_param("accountConnectionId"))],
    invalid=[case("connectionId", swagger=with_param("connectionId"),
                  errors=[err("/paths/~1tasks~1{taskId}/get/parameters/1/name", "reserved", code="ConnectionIdParameterNotAllowed")]),
             case("any case", swagger=with_param("ConnectionID"),
                  errors=[err("/paths/~1tasks~1{taskId}/get/parameters/1/name", "reserved")])],
)
