from breaking_pairs import base_path_into_paths, pair, silent_pairs
from ruletester import err, rule_table


def move(doc):
    doc["paths"]["/v2/tasks"] = {"get": doc["paths"]["/tasks"].pop("get")}


def rename_template(doc):
    doc["paths"]["/tasks/{id}"] = doc["paths"].pop("/tasks/{taskId}")


test_table = rule_table(
    "operation-path-changed",
    valid=silent_pairs() + [pair("deleted, not moved", lambda d: d["paths"]["/tasks"].pop("get")),
                            pair("basePath moved into every path: the same addresses (Dynatrace)", base_path_into_paths),
                            pair("basePath changed: host-changed reports it once", lambda d: d.__setitem__("basePath", "/v2"))],
    invalid=[
        pair("moved to another path", move,
             errors=[err("/paths/~1v2~1tasks/get", "The path template has been changed for the operation.",
                         value_path="operation/ListTasks")]),
        pair("path parameter renamed", rename_template,
             errors=[err("/paths/~1tasks~1{id}/get", "/tasks/{taskId} → /tasks/{id}", value_path="operation/GetTask")]),
    ],
)
