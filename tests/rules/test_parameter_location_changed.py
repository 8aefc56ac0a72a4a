from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

test_table = rule_table(
    "parameter-location-changed",
    valid=silent_pairs(),
    invalid=[
        pair("query to header", lambda d: d["paths"]["/tasks"]["get"]["parameters"][1].__setitem__("in", "header"),
             errors=[err("/paths/~1tasks/get/parameters/1/in", "The location has been changed for the parameter.",
                         value_path="operation/ListTasks/parameter/boardId/in")]),
        pair("a shared parameter: reported where it is defined",
             lambda d: d["parameters"]["status"].__setitem__("in", "header"),
             errors=[err("/parameters/status/in", "'query' → 'header'", value_path="operation/ListTasks/parameter/status/in")]),
    ],
)
