from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

SENTENCE = "An enum value has been removed from the input field."

test_table = rule_table(
    "input-enum-value-removed",
    valid=silent_pairs() + [pair("values reordered", lambda d: d["parameters"]["status"]["enum"].reverse())],
    invalid=[
        pair("shared parameter", lambda d: d["parameters"]["status"]["enum"].remove("done"),
             errors=[err("/parameters/status/enum", "('status': 'done'.)", value_path="operation/ListTasks/parameter/status/enum")]),
        pair("body field", lambda d: d["definitions"]["TaskInput"]["properties"]["priority"].__setitem__("enum", [1, 2]),
             errors=[err("/definitions/TaskInput/properties/priority/enum", SENTENCE,
                         value_path="operation/CreateTask/parameter/body/schema/priority/enum")]),
    ],
)
