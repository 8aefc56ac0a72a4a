from ruletester import case, err, rule_table, swagger


def with_tags(*names):
    return swagger(tags=[{"name": n} for n in names])


def with_headers(headers):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["responses"]["200"]["headers"] = headers
    return doc


H = "/paths/~1tasks~1{taskId}/get/responses/200/headers"
test_table = rule_table(
    "duplicate-name",
    valid=[case("distinct tags", swagger=with_tags("Tasks", "Lists")),
           case("distinct headers", swagger=with_headers({"X-Id": {"type": "string"}, "X-Rate": {"type": "integer"}}))],
    invalid=[
        case("tag twice", swagger=with_tags("Tasks", "Tasks"), errors=[err("/tags/1/name", "declared twice", code="TagRedefined")],
             output=with_tags("Tasks")),
        case("header twice in another case", swagger=with_headers({"X-Id": {"type": "string"},
                                                                  "x-id": {"type": "integer"}}),
             errors=[err(f"{H}/x-id", "repeats 'X-Id'", code="ResponseHeadersAreNotUnique")]),
    ],
)
