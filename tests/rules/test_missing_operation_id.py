import copy

from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"


def with_op(**changes):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    for key, value in changes.items():
        if value is None:
            op.pop(key)
        else:
            op[key] = value
    return doc


def reordered(doc, **first):
    """The operation with `first` keys moved after 'summary' (where the fix inserts them)."""
    doc = copy.deepcopy(doc)
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    items = []
    for key, value in op.items():
        items.append((key, value))
        if key == "summary":
            items += list(first.items())
    op.clear()
    op.update(items)
    return doc


NO_ID = with_op(operationId=None)
TAKEN = with_op(operationId=None)
TAKEN["paths"]["/other"] = {"get": {"operationId": "GetATask", "responses": {"200": {"description": "OK"}}}}

test_table = rule_table(
    "missing-operation-id",
    valid=[case("has one", swagger=swagger()),
           case("wrong type is another rule's", swagger=with_op(operationId=3))],
    invalid=[
        case("missing", swagger=NO_ID, errors=[err(OP, "has no operationId", code="OperationIdRequired")],
             output=reordered(NO_ID, operationId="GetATask")),
        case("empty", swagger=with_op(operationId=""), errors=[err(f"{OP}/operationId", "empty")],
             output=with_op(operationId="GetATask")),
        case("generated name already taken", swagger=TAKEN, errors=[err(OP)],
             output=reordered(TAKEN, operationId="GetATask2")),
        case("no summary: method and path", swagger=with_op(operationId=None, summary=None), errors=[err(OP)],
             output=with_op(summary=None, operationId="GetTasksTaskId")),
    ],
)
