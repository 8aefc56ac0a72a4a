from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table


def add(required):
    def edit(d):
        d["definitions"]["TaskInput"]["properties"]["project"] = {"type": "string"}
        if required:
            d["definitions"]["TaskInput"]["required"].append("project")
    return edit


test_table = rule_table(
    "required-input-added",
    valid=silent_pairs() + [pair("a new optional field", add(False)),
                            pair("an optional field removed", lambda d: d["definitions"]["TaskInput"]["properties"].pop("priority"))],
    invalid=[pair("a new required field", add(True),
                  errors=[err("/definitions/TaskInput/properties/project",
                              "The required input field has been added. Existing flows will not send this new field.",
                              value_path="operation/CreateTask/parameter/body/schema/project")])],
)
