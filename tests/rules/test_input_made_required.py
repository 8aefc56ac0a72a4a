from breaking_pairs import changed, pair, silent_pairs
from ruletester import case, err, rule_table


def with_internal_header(required: bool):
    """An internal header with a default (the connector sends it, no flow does), as Actsoft's 65."""
    def edit(d):
        d["paths"]["/tasks"]["get"]["parameters"].append(
            {"name": "Accept", "in": "header", "required": required, "type": "string", "default": "application/json",
             "x-ms-visibility": "internal"})
    return changed(edit)


def with_internal_field(required: list):
    def edit(d):
        d["definitions"]["TaskInput"]["properties"]["kind"] = {"type": "string", "default": "task",
                                                               "x-ms-visibility": "internal"}
        d["definitions"]["TaskInput"]["required"] = required
    return changed(edit)


SENTENCE = "The input field has been changed from optional to required."

test_table = rule_table(
    "input-made-required",
    valid=silent_pairs() + [
        pair("required made optional", lambda d: d["definitions"]["TaskInput"]["required"].clear()),
        case("an internal parameter with a default made required (Actsoft)", swagger=with_internal_header(True),
             base_swagger=with_internal_header(False)),
        case("an internal field with a default made required", swagger=with_internal_field(["name", "kind"]),
             base_swagger=with_internal_field(["name"])),
    ],
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
