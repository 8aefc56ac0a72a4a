from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

test_table = rule_table(
    "operation-hidden",
    valid=silent_pairs() + [
        pair("made advanced, not hidden", lambda d: d["paths"]["/tasks"]["get"].__setitem__("x-ms-visibility", "advanced")),
        pair("internal before and after", lambda d: d["paths"]["/boards"]["get"].__setitem__("summary", "List all boards")),
    ],
    invalid=[pair("made internal", lambda d: d["paths"]["/tasks"]["get"].__setitem__("x-ms-visibility", "internal"),
                  errors=[err("/paths/~1tasks/get/x-ms-visibility", "The operation has been hidden.",
                              value_path="operation/ListTasks/x-ms-visibility")])],
)
