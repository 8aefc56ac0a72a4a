from ruletester import case, err, rule_table, swagger

ITEM = {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}


def connector(dynamic, response=None, kind="x-ms-dynamic-values"):
    doc = swagger()
    schema = response if response is not None else {
        "type": "object", "properties": {"value": {"type": "array", "items": {"$ref": "#/definitions/Project"}}}}
    doc["definitions"]["Project"] = ITEM
    doc["paths"]["/projects"] = {"get": {"operationId": "ListProjects", "responses": {
        "200": {"description": "OK", "schema": schema}}}}
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"].append(
        {"name": "project", "in": "query", "type": "string", kind: {"operationId": "ListProjects", **dynamic}})
    return doc


D = "/paths/~1tasks~1{taskId}/get/parameters/1/x-ms-dynamic-values"
test_table = rule_table(
    "dynamic-response-path",
    valid=[case("paths exist", swagger=connector({"value-collection": "value", "value-path": "id", "value-title": "name"})),
           case("array response without collection", swagger=connector(
               {"value-path": "id"}, response={"type": "array", "items": ITEM})),
           case("free-form response is not judged", swagger=connector(
               {"value-collection": "items", "value-path": "x"}, response={"type": "object"})),
           case("list form", swagger=connector({"itemsPath": "value", "itemValuePath": "id"}, kind="x-ms-dynamic-list"))],
    invalid=[
        case("missing collection", swagger=connector({"value-collection": "items", "value-path": "id"}),
             errors=[err(f"{D}/value-collection", "has no 'items'", code="InvokedOperationShouldProduceArray")]),
        case("object response without collection", swagger=connector({"value-path": "id"}),
             errors=[err(f"{D}/operationId", "is not an array")]),
        case("missing title property", swagger=connector({"value-collection": "value", "value-path": "id",
                                                          "value-title": "title"}),
             errors=[err(f"{D}/value-title", "have no 'title'", code="InvokedOperationShouldProduceProperty")]),
    ],
)
