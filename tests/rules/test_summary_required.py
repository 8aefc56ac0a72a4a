from ruletester import case, err, rule_table, swagger

from connector_lint_rules._api import Preset

OP = "/paths/~1tasks~1{taskId}/get"


def with_op(**changes):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    for key, value in changes.items():
        key = key.replace("_", "-") if key.startswith("x_") else key
        if value is None:
            op.pop(key, None)
        else:
            op[key] = value
    return doc


def added(summary, **changes):
    doc = with_op(summary=None, **changes)
    doc["paths"]["/tasks/{taskId}"]["get"]["summary"] = summary
    return doc


test_summary_required = rule_table(
    "summary-required",
    valid=[
        case("has a summary", swagger=swagger()),
        case("internal operation", swagger=with_op(summary=None, x_ms_visibility="internal")),
        case("not a string is the structure rule's", swagger=with_op(summary=5)),
        case("no paths", swagger=swagger(paths={})),
    ],
    invalid=[
        case("missing", swagger=with_op(summary=None), errors=[err(OP, "GET /tasks/{taskId} has no summary", code="RequiredPropertyMissing")],
             output=added("Get task")),
        case("missing, acronyms and revision", swagger=with_op(summary=None, operationId="GetTaskURL_V2"),
             errors=[err(OP, "no summary")], output=added("Get task URL", operationId="GetTaskURL_V2")),
        case("missing, no operationId: no fix", swagger=with_op(summary=None, operationId=None),
             errors=[err(OP, "no summary")]),
        case("empty", swagger=with_op(summary=" "), errors=[err(f"{OP}/summary", "empty", code="RequiredValueEmpty")],
             output=with_op(summary="Get task")),
        case("advanced operations count", swagger=with_op(summary=None, x_ms_visibility="advanced", operationId=None),
             errors=[err(OP)]),
        case("custom connectors too", swagger=with_op(summary=None, operationId=None), preset=Preset.CUSTOM,
             errors=[err(OP)]),
    ],
)
