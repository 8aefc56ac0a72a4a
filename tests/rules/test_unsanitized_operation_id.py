from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"


def with_id(operation_id, reference=None):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["operationId"] = operation_id
    if reference:
        doc["definitions"]["Task"]["properties"]["name"]["x-ms-dynamic-values"] = {"operationId": reference,
                                                                                  "value-path": "id"}
    return doc


TAKEN = with_id("Get-Task")
TAKEN["paths"]["/other"] = {"get": {"operationId": "GetTask", "responses": {"200": {"description": "OK"}}}}

test_table = rule_table(
    "unsanitized-operation-id",
    valid=[case("letters and digits", swagger=with_id("GetTask2")),
           case("underscore revision suffix", swagger=with_id("GetTask_V2"))],
    invalid=[
        case("dashes", swagger=with_id("Get-Task"), errors=[err(f"{OP}/operationId", "sanitizes it to 'GetTask'", code="OperationIdSanitized")],
             output=with_id("GetTask")),
        case("references follow the rename", swagger=with_id("get.task", reference="get.task"),
             errors=[err(f"{OP}/operationId", "'.'")], output=with_id("gettask", reference="gettask")),
        case("sanitized name taken: no fix", swagger=TAKEN, errors=[err(f"{OP}/operationId")]),
    ],
)
