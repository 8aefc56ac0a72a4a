from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

test_table = rule_table(
    "input-enum-added",
    valid=silent_pairs() + [pair("a value added to an enum", lambda d: d["parameters"]["status"]["enum"].append("late"))],
    invalid=[
        pair("enum added to a parameter", lambda d: d["paths"]["/tasks"]["get"]["parameters"][1].__setitem__("enum", ["a"]),
             errors=[err("/paths/~1tasks/get/parameters/1/enum", "The list of enum values has been added to the input field.",
                         value_path="operation/ListTasks/parameter/boardId/enum")]),
        pair("enum added to a body field", lambda d: d["definitions"]["Owner"]["properties"]["team"].__setitem__("enum", ["a"]),
             errors=[err("/definitions/Owner/properties/team/enum", "Existing flows may use values outside of this list.",
                         value_path="operation/CreateTask/parameter/body/schema/owner/team/enum")]),
    ],
)
