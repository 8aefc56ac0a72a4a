import copy

from ruletester import case, err, rule_table, swagger

GOOD = {"type": "string", "x-ms-notification-url": True, "x-ms-visibility": "internal"}


def connector(prop=GOOD, required=("url",), param_required=True, in_definition=False, in_response=False):
    doc = swagger()
    schema = {"type": "object", "properties": {"url": prop}}
    if required is not None:
        schema["required"] = list(required)
    body = {"name": "body", "in": "body", "schema": schema}
    if param_required is not None:
        body["required"] = param_required
    if in_definition:
        doc["definitions"]["Hook"] = schema
        body["schema"] = {"$ref": "#/definitions/Hook"}
    op = {"operationId": "OnNewTask", "x-ms-trigger": "single", "parameters": [body],
          "responses": {"201": {"description": "Created"}}}
    if in_response:
        op["responses"]["201"]["schema"] = copy.deepcopy(schema)
        op["parameters"] = []
    doc["paths"]["/hooks"] = {"post": op, "x-ms-notification-content": {"schema": {"type": "object"}}}
    return doc


P = "/paths/~1hooks/post/parameters/0/schema/properties/url"
INTERNAL_BODY = connector(prop={"type": "string", "x-ms-notification-url": True})
INTERNAL_BODY["paths"]["/hooks"]["post"]["parameters"][0]["x-ms-visibility"] = "internal"
test_table = rule_table(
    "invalid-notification-url",
    valid=[case("required internal string", swagger=connector()),
           case("in a definition", swagger=connector(in_definition=True)),
           case("internal body parameter", swagger=INTERNAL_BODY)],
    invalid=[
        case("not a string", swagger=connector(prop={**GOOD, "type": "integer"}), errors=[err(P, "must be a string", code="NotificationUrlNotString")],
             output=connector()),
        case("not internal", swagger=connector(prop={"type": "string", "x-ms-notification-url": True}),
             errors=[err(P, "hidden from users", code="NotificationUrlNotInternal")], output=connector()),
        case("not required", swagger=connector(required=None, param_required=False),
             errors=[err(P, "must be required", code="NotificationUrlNotRequired")], output=connector()),
        case("not required in a definition", swagger=connector(required=None, in_definition=True),
             errors=[err("/definitions/Hook/properties/url", "must be required")],
             output=connector(in_definition=True)),
        case("in a response", swagger=connector(in_response=True),
             errors=[err("/paths/~1hooks/post/responses/201/schema/properties/url/x-ms-notification-url",
                         "belongs on a property of a request body", code="NotificationUrlNotAllowedInThisPosition")]),
    ],
)
