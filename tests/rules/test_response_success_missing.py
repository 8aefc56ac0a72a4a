from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
TASK = {"description": "The task.", "schema": {"$ref": "#/definitions/Task"}}


def responding(responses):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["responses"] = responses
    return doc


test_response_success_missing = rule_table(
    "response-success-missing",
    valid=[
        case("200", swagger=swagger()),
        case("201 and default", swagger=responding({"201": TASK, "default": {"description": "Error."}})),
        case("204 only", swagger=responding({"204": {"description": "Deleted."}})),
        case("no responses is the structure rule's", swagger=responding({})),
        case("responses not an object", swagger=responding([])),
    ],
    invalid=[
        case("only default", swagger=responding({"default": TASK}),
             errors=[err(f"{OP}/responses", "only 'default'", code="OperationShouldHaveSuccessfulResponse")], output=responding({"200": TASK})),
        case("default and errors", swagger=responding({"default": TASK, "404": {"description": "Not found."}}),
             errors=[err(f"{OP}/responses", "only 'default'")],
             output=responding({"200": TASK, "404": {"description": "Not found."}})),
        case("only errors", swagger=responding({"400": {"description": "Bad request."}}),
             errors=[err(f"{OP}/responses", "no success (2xx)")],
             output=responding({"400": {"description": "Bad request."}, "200": {"description": "OK"}})),
        case("only a redirect", swagger=responding({"302": {"description": "Found."}}),
             errors=[err(f"{OP}/responses")],
             output=responding({"302": {"description": "Found."}, "200": {"description": "OK"}})),
    ],
)
