from ruletester import case, err, rule_table, swagger


def with_dynamic(operation_id, where="query"):
    doc = swagger()
    doc["paths"]["/tasks"] = {"get": {"operationId": "ListProjects", "responses": {"200": {"description": "OK"}}}}
    dynamic = {"operationId": operation_id, "value-path": "id"}
    if where == "query":
        doc["paths"]["/tasks/{taskId}"]["get"]["parameters"].append(
            {"name": "project", "in": "query", "type": "string", "x-ms-dynamic-values": dynamic})
    elif where == "definition":
        doc["definitions"]["Task"]["properties"]["name"]["x-ms-dynamic-values"] = dynamic
    elif where == "capabilities":
        doc["x-ms-capabilities"] = {"testConnection": {"operationId": operation_id}}
    elif where == "replacement":
        doc["paths"]["/tasks/{taskId}"]["get"]["x-ms-api-annotation"] = {
            "replacement": {"api": "other", "operationId": operation_id}}
    return doc


Q = "/paths/~1tasks~1{taskId}/get/parameters/1/x-ms-dynamic-values/operationId"
test_table = rule_table(
    "unknown-operation-reference",
    valid=[case("existing", swagger=with_dynamic("ListProjects")),
           case("replacement in another connector", swagger=with_dynamic("Anything", "replacement"))],
    invalid=[
        case("typo", swagger=with_dynamic("ListProject"), errors=[err(Q, "did you mean 'ListProjects'", code="OperationIdNotFound")],
             output=with_dynamic("ListProjects")),
        case("in a definition", swagger=with_dynamic("Nope", "definition"),
             errors=[err("/definitions/Task/properties/name/x-ms-dynamic-values/operationId", "'Nope'")]),
        case("test connection", swagger=with_dynamic("Ping", "capabilities"),
             errors=[err("/x-ms-capabilities/testConnection/operationId", "testConnection")]),
    ],
)
