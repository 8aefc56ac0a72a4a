from ruletester import api_properties, case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = f"{OP}/parameters/0"
PROP = "/definitions/Task/properties/name"


def with_param(**changes) -> dict:
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"][0].update(changes)
    return doc


def with_property(**changes) -> dict:
    doc = swagger()
    doc["definitions"]["Task"]["properties"]["name"].update(changes)
    return doc


test_x_ms_summary_title_case = rule_table(
    "x-ms-summary-title-case",
    valid=[
        case("clean connector", swagger=swagger(), api_properties=api_properties()),
        case("minor words stay in lower case", swagger=with_param(**{"x-ms-summary": "Name of the Task in a List"})),
        case("acronyms, identifiers and unknown words", swagger=with_param(**{"x-ms-summary": "Task id or taskId, zorp"})),
        case("after a hyphen", swagger=with_param(**{"x-ms-summary": "Read-only Flag"})),
        case("a sentence is not a label", swagger=with_param(**{"x-ms-summary": "The task to get."})),
        case("schema titles are not x-ms-summary", swagger=with_property(title="due date")),
        case("descriptions are not labels", swagger=with_param(description="The due date.")),
    ],
    invalid=[
        case("parameter", swagger=with_param(**{"x-ms-summary": "Due date"}),
             errors=[err(f"{PARAM}/x-ms-summary", "write 'Due Date', not 'Due date'", span=(4, 8), range=(36, 34, 36, 38))],
             output=with_param(**{"x-ms-summary": "Due Date"})),
        case("a minor word first is capitalised", swagger=with_param(**{"x-ms-summary": "of task"}),
             errors=[err(f"{PARAM}/x-ms-summary", "'Of Task'", span=(0, 7), range=(36, 30, 36, 37))],
             output=with_param(**{"x-ms-summary": "Of Task"})),
        case("schema property", swagger=with_property(**{"x-ms-summary": "Task name of the owner"}),
             errors=[err(f"{PROP}/x-ms-summary", "'Task Name of the Owner'", span=(5, 22), range=(63, 33, 63, 50))],
             output=with_property(**{"x-ms-summary": "Task Name of the Owner"})),
    ],
)
