from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
TASK = {"description": "The task.", "schema": {"$ref": "#/definitions/Task"}}


def responding(responses, shared=None, **op_changes):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    op["responses"] = responses
    op.update(op_changes)
    if shared is not None:
        doc["responses"] = shared
    return doc


test_response_schema_missing = rule_table(
    "response-schema-missing",
    valid=[
        case("has a schema", swagger=swagger()),
        case("one of two success responses has one", swagger=responding({"200": TASK, "201": {"description": "OK"}})),
        case("no body", swagger=responding({"204": {"description": "Deleted."}, "202": {"description": "Accepted."}})),
        case("shared response with a schema", swagger=responding({"200": {"$ref": "#/responses/Task"}},
                                                                 shared={"Task": TASK})),
        case("webhook output in x-ms-notification-content", swagger=responding(
            {"201": {"description": "Created."}}, **{"x-ms-trigger": "single", "x-ms-notification-content": {
                "schema": {"type": "object", "properties": {"id": {"type": "string"}}}}})),
        case("internal operation", swagger=responding({"200": {"description": "OK"}},
                                                       **{"x-ms-visibility": "internal"})),
        case("no success response is another rule's", swagger=responding({"default": {"description": "OK"}})),
    ],
    invalid=[
        case("200 without schema", swagger=responding({"200": {"description": "OK"}}),
             errors=[err(f"{OP}/responses/200", "'200' response has no schema", code="SchemaDefinitionSetIncorrectly")]),
        case("shared response without schema", swagger=responding({"200": {"$ref": "#/responses/Ok"}},
                                                                   shared={"Ok": {"description": "OK"}}),
             errors=[err("/responses/Ok", "'200'")]),
        case("shared response reported once", swagger=responding(
            {"200": {"$ref": "#/responses/Ok"}}, shared={"Ok": {"description": "OK"}}) | {"paths": {
                "/a": {"get": {"operationId": "A", "responses": {"200": {"$ref": "#/responses/Ok"}}},
                       "post": {"operationId": "B", "responses": {"200": {"$ref": "#/responses/Ok"}}}}}},
             errors=[err("/responses/Ok")]),
        case("polling trigger", swagger=responding({"200": {"description": "OK"}}, **{"x-ms-trigger": "batch"}),
             errors=[err(f"{OP}/responses/200")]),
    ],
)
