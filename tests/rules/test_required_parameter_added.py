from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table


def add(required, **extra):
    return lambda d: d["paths"]["/tasks"]["get"]["parameters"].append(
        {"name": "region", "in": "query", "required": required, "type": "string", **extra})


test_table = rule_table(
    "required-parameter-added",
    valid=silent_pairs() + [
        pair("optional", add(False)),
        pair("internal with a default: the connector sends it", add(True, default="eu", **{"x-ms-visibility": "internal"})),
    ],
    invalid=[
        pair("required", add(True), errors=[err("/paths/~1tasks/get/parameters/2", "The required parameter has been added.",
                                                 value_path="operation/ListTasks/parameter/region")]),
        pair("a renamed required parameter is a new one",
             lambda d: d["paths"]["/tasks/{taskId}"]["get"]["parameters"][0].__setitem__("name", "id"),
             errors=[err("/paths/~1tasks~1{taskId}/get/parameters/0", "('id'.)",
                         value_path="operation/GetTask/parameter/id")]),
    ],
)
