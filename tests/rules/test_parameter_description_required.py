import copy

from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]
BODY = {"name": "body", "in": "body", "schema": {"type": "object"}}


def with_params(*params, internal_op=False, shared=None):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    op["parameters"] = [copy.deepcopy(p) for p in params]
    if internal_op:
        op["x-ms-visibility"] = "internal"
    if shared is not None:
        doc["parameters"] = shared
    return doc


def param(**changes):
    p = {k: v for k, v in PARAM.items() if k not in changes or changes[k] is not None}
    p.update({k: v for k, v in changes.items() if v is not None})
    return p


NO_DESCRIPTION = param(description=None)
HEADER = {"name": "X-Request-Id", "in": "header", "type": "string", "x-ms-summary": "Request ID"}

test_parameter_description_required = rule_table(
    "parameter-description-required",
    valid=[
        case("has one", swagger=swagger()),
        case("body parameter", swagger=with_params(PARAM, BODY)),
        case("internal parameter", swagger=with_params(PARAM, {**HEADER, "x-ms-visibility": "internal"})),
        case("internal operation", swagger=with_params(NO_DESCRIPTION, internal_op=True)),
        case("shared parameter used only by an internal operation",
             swagger=with_params({"$ref": "#/parameters/rid"}, internal_op=True, shared={"rid": HEADER})),
    ],
    invalid=[
        case("from the label", swagger=with_params(NO_DESCRIPTION),
             errors=[err(f"{OP}/parameters/0", "'taskId' has no description", code="RequiredPropertyMissing")],
             output=with_params(param(description="The task ID."))),
        case("header parameter", swagger=with_params(PARAM, HEADER), errors=[err(f"{OP}/parameters/1", "X-Request-Id")],
             output=with_params(PARAM, {**HEADER, "description": "The request ID."})),
        case("from the name when there is no label",
             swagger=with_params({"name": "due_date", "in": "query", "type": "string"}),
             errors=[err(f"{OP}/parameters/0")],
             output=with_params({"name": "due_date", "in": "query", "type": "string", "description": "The due date."})),
        case("blank", swagger=with_params(param(description=" ")),
             errors=[err(f"{OP}/parameters/0/description", "empty", code="RequiredValueEmpty")],
             output=with_params(param(description="The task ID."))),
        case("yes/no label: no fix", swagger=with_params({"name": "isActive", "in": "query", "type": "boolean"}),
             errors=[err(f"{OP}/parameters/0", "'isActive'")]),
        case("no name and no label: no fix", swagger=with_params({"in": "query", "type": "string"}),
             errors=[err(f"{OP}/parameters/0", "this parameter")]),
    ],
)
