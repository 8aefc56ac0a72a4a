import copy

from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]


def labelled(label, internal_op=False):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    op["parameters"] = [dict(copy.deepcopy(PARAM), **{"x-ms-summary": label})]
    if internal_op:
        op["x-ms-visibility"] = "internal"
    return doc


test_parameter_summary_length = rule_table(
    "parameter-summary-length",
    valid=[
        case("short", swagger=swagger()),
        case("exactly 80", swagger=labelled("x" * 80)),
        case("not a string", swagger=labelled(None)),
        case("option", swagger=labelled("x" * 90), options={"max": 100}),
    ],
    invalid=[
        case("81", swagger=labelled("x" * 81),
             errors=[err(f"{OP}/parameters/0/x-ms-summary", "81 characters", span=(80, 81))]),
        case("internal operations too", swagger=labelled("x" * 85, internal_op=True),
             errors=[err(f"{OP}/parameters/0/x-ms-summary")]),
        case("spaces push it over: trimmed", swagger=labelled("x" * 80 + "  "),
             errors=[err(f"{OP}/parameters/0/x-ms-summary")], output=labelled("x" * 80)),
    ],
)
