from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]


def with_params(params, path_params=None, global_params=None):
    doc = swagger()
    item = doc["paths"]["/tasks/{taskId}"]
    item["get"]["parameters"] = params
    if path_params is not None:
        item["parameters"] = path_params
    if global_params is not None:
        doc["parameters"] = global_params
    return doc


STUB = {"name": "taskId", "in": "path", "required": True, "type": "string", "x-ms-url-encoding": "single",
        "x-ms-summary": "Task Id", "description": "The task id."}

test_table = rule_table(
    "path-parameter-mismatch",
    valid=[case("matching", swagger=swagger()),
           case("from the path item", swagger=with_params([], path_params=[PARAM])),
           case("through a $ref", swagger=with_params([{"$ref": "#/parameters/id"}], global_params={"id": PARAM}))],
    invalid=[
        case("variable without a parameter", swagger=with_params([]),
             errors=[err(OP, "no path parameter for '{taskId}'", code="OperationMissingPathParameter")], output=with_params([STUB])),
        case("parameter not in the template", swagger=with_params([PARAM, {**PARAM, "name": "other"}]),
             errors=[err(f"{OP}/parameters/1/name", "'other' is not a variable", code="PathParameterNotDefinedInTemplate")]),
        case("case differs", swagger=with_params([{**PARAM, "name": "taskid"}]),
             errors=[err(f"{OP}/parameters/0/name", "differs in case")], output=swagger()),
        case("shared parameter reported once", swagger=with_params(
            [], path_params=[PARAM, {**PARAM, "name": "extra"}]) | {"paths": {"/tasks/{taskId}": {
                "parameters": [PARAM, {**PARAM, "name": "extra"}],
                "get": {**swagger()["paths"]["/tasks/{taskId}"]["get"], "parameters": []},
                "delete": {**swagger()["paths"]["/tasks/{taskId}"]["get"], "parameters": [], "operationId": "Del"}}}},
             errors=[err("/paths/~1tasks~1{taskId}/parameters/1/name", "'extra'")]),
    ],
)
