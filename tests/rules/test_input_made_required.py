from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

SENTENCE = "The input field has been changed from optional to required."

test_table = rule_table(
    "input-made-required",
    valid=silent_pairs() + [pair("required made optional", lambda d: d["definitions"]["TaskInput"]["required"].clear())],
    invalid=[
        pair("body property", lambda d: d["definitions"]["TaskInput"]["required"].append("priority"),
             errors=[err("/definitions/TaskInput/required/1", SENTENCE,
                         value_path="operation/CreateTask/parameter/body/schema/priority/required")]),
        pair("nested through a $ref", lambda d: d["definitions"]["Owner"].__setitem__("required", ["email"]),
             errors=[err("/definitions/Owner/required/0", SENTENCE,
                         value_path="operation/CreateTask/parameter/body/schema/owner/email/required")]),
        pair("query parameter", lambda d: d["paths"]["/tasks"]["get"]["parameters"][1].__setitem__("required", True),
             errors=[err("/paths/~1tasks/get/parameters/1/required", SENTENCE,
                         value_path="operation/ListTasks/parameter/boardId/required")]),
    ],
)
