from ruletester import case, err, rule_table, swagger

PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]
BODY = {"name": "body", "in": "body", "schema": {"type": "object"}}
FORM = {"name": "file", "in": "formData", "type": "file"}


def with_params(method, params, path_params=None):
    doc = swagger()
    item = doc["paths"]["/tasks/{taskId}"]
    op = item.pop("get")
    item[method] = {**op, "parameters": [PARAM, *params]}
    if path_params is not None:
        item["parameters"] = path_params
    return doc


P = "/paths/~1tasks~1{taskId}"
test_table = rule_table(
    "invalid-request-body",
    valid=[case("a get without body", swagger=swagger()),
           case("a post with one body", swagger=with_params("post", [BODY])),
           case("a post with form data", swagger=with_params("post", [FORM]))],
    invalid=[
        case("body in a get", swagger=with_params("get", [BODY]),
             errors=[err(f"{P}/get/parameters/1", "cannot send a request body", code="BodyOrFormDataParameterInFetchOperationNotAllowed")]),
        case("two bodies", swagger=with_params("post", [BODY, {**BODY, "name": "b2"}]),
             errors=[err(f"{P}/post/parameters/2", "second body parameter", code="OperationParametersContainMultipleBodyParameters")]),
        case("body and form data", swagger=with_params("post", [BODY, FORM]),
             errors=[err(f"{P}/post", "both a body parameter and formData", code="ParameterListContainsFormDataAndBody")]),
        case("two bodies in the path item", swagger=with_params("post", [], path_params=[BODY, {**BODY, "name": "x"}]),
             errors=[err(f"{P}/parameters/1", "second body parameter", code="PathParametersContainMultipleBodyParameters")]),
    ],
)
