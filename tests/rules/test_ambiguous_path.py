from ruletester import case, err, rule_table, swagger

ITEM = swagger()["paths"]["/tasks/{taskId}"]


def with_paths(paths):
    doc = swagger()
    doc["paths"] = paths
    return doc


test_table = rule_table(
    "ambiguous-path",
    valid=[case("different lengths", swagger=with_paths({"/tasks/{taskId}": ITEM, "/tasks/{taskId}/notes": ITEM})),
           case("different fixed segments", swagger=with_paths({"/tasks/open": ITEM, "/tasks/closed": ITEM})),
           case("other method", swagger=with_paths({"/tasks/{taskId}": ITEM, "/tasks/latest": {"delete": ITEM["get"]}}))],
    invalid=[case("variable against fixed segment", swagger=with_paths({"/tasks/{taskId}": ITEM, "/tasks/latest": ITEM}),
                  errors=[err("/paths/~1tasks~1latest/get", "can match the same URL", code="PartialDuplicateOperationPath")])],
)
