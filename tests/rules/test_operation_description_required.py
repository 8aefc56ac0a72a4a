from ruletester import case, err, rule_table, swagger

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


def reordered(description, summary="Get a task"):
    """The builder's operation with the description right after the summary (where the fix puts it)."""
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    rest = {k: v for k, v in op.items() if k not in ("summary", "description")}
    op.clear()
    op.update({"summary": summary, "description": description, **rest})
    return doc


test_operation_description_required = rule_table(
    "operation-description-required",
    valid=[
        case("has a description", swagger=swagger()),
        case("internal operation", swagger=with_op(description=None, x_ms_visibility="internal")),
        case("not a string is the structure rule's", swagger=with_op(description=False)),
    ],
    invalid=[
        case("missing", swagger=with_op(description=None), errors=[err(OP, "GET /tasks/{taskId} has no description", code="RequiredPropertyMissing")],
             output=reordered("Gets a task.")),
        case("missing, verb ending in -ch", swagger=with_op(description=None, summary="Search tasks"),
             errors=[err(OP, "no description")], output=reordered("Searches tasks.", summary="Search tasks")),
        case("missing, summary not a verb: no fix", swagger=with_op(description=None, summary="Task details"),
             errors=[err(OP)]),
        case("missing, no summary: no fix", swagger=with_op(description=None, summary=None), errors=[err(OP)]),
        case("empty", swagger=with_op(description=""), errors=[err(f"{OP}/description", "empty", code="RequiredValueEmpty")],
             output=with_op(description="Gets a task.")),
    ],
)
