from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"


def responding(schema, code="200", definitions=None, **op_changes):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    op["responses"] = {code: {"description": "OK", "schema": schema}}
    op.update(op_changes)
    if definitions:
        doc["definitions"].update(definitions)
    return doc


test_response_schema_empty = rule_table(
    "response-schema-empty",
    valid=[
        case("described", swagger=swagger()),
        case("a string body", swagger=responding({"type": "string"})),
        case("a file", swagger=responding({"type": "string", "format": "binary"})),
        case("an array", swagger=responding({"type": "array", "items": {"type": "string"}})),
        case("a dictionary", swagger=responding({"type": "object", "additionalProperties": {"type": "string"}})),
        case("dynamic schema", swagger=responding({"x-ms-dynamic-schema": {"operationId": "GetSchema",
                                                                           "value-path": "schema"}})),
        case("dynamic properties", swagger=responding({"type": "object", "x-ms-dynamic-properties": {
            "operationId": "GetSchema", "itemValuePath": "schema"}})),
        case("allOf", swagger=responding({"allOf": [{"$ref": "#/definitions/Task"}]})),
        case("error responses are not outputs", swagger=responding({}, code="400")),
        case("internal operation", swagger=responding({}, **{"x-ms-visibility": "internal"})),
        case("unresolvable $ref is broken-reference's", swagger=responding({"$ref": "#/definitions/Nope"})),
    ],
    invalid=[
        case("empty object", swagger=responding({}), errors=[err(f"{OP}/responses/200/schema", "no properties")]),
        case("object without properties", swagger=responding({"type": "object", "properties": {},
                                                             "description": "The task."}),
             errors=[err(f"{OP}/responses/200/schema")]),
        case("through a $ref", swagger=responding({"$ref": "#/definitions/Empty"}, definitions={"Empty": {
            "type": "object"}}), errors=[err(f"{OP}/responses/200/schema", "/definitions/Empty is empty")]),
        case("shared response reported once", swagger=swagger(responses={"Ok": {"description": "OK", "schema": {}}},
                                                               paths={"/a": {
            "get": {"operationId": "A", "responses": {"200": {"$ref": "#/responses/Ok"}}},
            "post": {"operationId": "B", "responses": {"200": {"$ref": "#/responses/Ok"}}}}}),
             errors=[err("/responses/Ok/schema")]),
        case("201", swagger=responding({"type": "object"}, code="201"), errors=[err(f"{OP}/responses/201/schema")]),
    ],
)
