import copy

from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]
BODY = {"name": "body", "in": "body", "schema": {"type": "object"}}


def with_params(*params, internal_op=False, path_params=None, shared=None):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    op["parameters"] = [copy.deepcopy(p) for p in params]
    if internal_op:
        op["x-ms-visibility"] = "internal"
    if path_params is not None:
        doc["paths"]["/tasks/{taskId}"]["parameters"] = path_params
        doc["paths"]["/tasks/{taskId}"]["delete"] = {"operationId": "DeleteTask", "summary": "Delete a task",
                                                     "description": "Deletes a task.",
                                                     "responses": {"204": {"description": "Deleted."}}}
    if shared is not None:
        doc["parameters"] = shared
    return doc


def param(**changes):
    p = {k: v for k, v in PARAM.items() if k not in changes or changes[k] is not None}
    p.update({k: v for k, v in changes.items() if v is not None})
    return p


NO_SUMMARY = param(**{"x-ms-summary": None})
QUERY = {"name": "dueDate", "in": "query", "type": "string", "description": "The due date."}

test_parameter_summary_required = rule_table(
    "parameter-summary-required",
    valid=[
        case("has one", swagger=swagger()),
        case("body parameter", swagger=with_params(PARAM, BODY)),
        case("internal parameter", swagger=with_params(PARAM, {**QUERY, "x-ms-visibility": "internal"})),
        case("internal operation", swagger=with_params(NO_SUMMARY, internal_op=True)),
        case("not a string is the structure rule's", swagger=with_params(param(**{"x-ms-summary": 1}))),
    ],
    invalid=[
        case("path parameter", swagger=with_params(NO_SUMMARY),
             errors=[err(f"{OP}/parameters/0", "'taskId' has no x-ms-summary", code="RequiredPropertyMissing")],
             output=with_params(param(**{"x-ms-summary": None}) | {"x-ms-summary": "Task ID"})),
        case("query parameter", swagger=with_params(PARAM, QUERY),
             errors=[err(f"{OP}/parameters/1", "'dueDate'")],
             output=with_params(PARAM, {"name": "dueDate", "in": "query", "type": "string", "x-ms-summary": "Due Date",
                                        "description": "The due date."})),
        case("empty", swagger=with_params(param(**{"x-ms-summary": ""})),
             errors=[err(f"{OP}/parameters/0/x-ms-summary", "empty", code="RequiredValueEmpty")], output=swagger()),
        case("path-item parameter reported once", swagger=with_params(PARAM, path_params=[QUERY]),
             errors=[err("/paths/~1tasks~1{taskId}/parameters/0", "'dueDate'")],
             output=with_params(PARAM, path_params=[{**QUERY, "x-ms-summary": "Due Date"}])),
        case("shared parameter reported at its definition",
             swagger=with_params(PARAM, {"$ref": "#/parameters/due"}, shared={"due": QUERY}),
             errors=[err("/parameters/due", "'dueDate'")],
             output=with_params(PARAM, {"$ref": "#/parameters/due"}, shared={"due": {
                 "name": "dueDate", "in": "query", "type": "string", "x-ms-summary": "Due Date",
                 "description": "The due date."}})),
        case("no name: no fix", swagger=with_params(PARAM, {"in": "query", "type": "string", "description": "x"}),
             errors=[err(f"{OP}/parameters/1", "this parameter")]),
    ],
)
