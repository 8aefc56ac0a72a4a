from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"


def summarised(summary, **changes):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    op["summary"] = summary
    op.update(changes)
    return doc


test_summary_length = rule_table(
    "summary-length",
    valid=[
        case("short", swagger=swagger()),
        case("exactly 80", swagger=summarised("x" * 80)),
        case("not a string", swagger=summarised(None)),
        case("option", swagger=summarised("x" * 100), options={"max": 120}),
    ],
    invalid=[
        case("81", swagger=summarised("x" * 81), errors=[err(f"{OP}/summary", "81 characters", span=(80, 81), code="OperationSummaryTooLong")]),
        case("internal operations too", swagger=summarised("x" * 90, **{"x-ms-visibility": "internal"}),
             errors=[err(f"{OP}/summary", "the limit is 80")]),
        case("spaces push it over: trimmed", swagger=summarised(" " + "x" * 80 + " "),
             errors=[err(f"{OP}/summary", "82 characters")], output=summarised("x" * 80)),
    ],
)
