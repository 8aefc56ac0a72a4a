from ruletester import api_properties, case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"


def with_op(top=None, **changes) -> dict:
    doc = swagger(**(top or {}))
    doc["paths"]["/tasks/{taskId}"]["get"].update(changes)
    return doc


test_summary_sentence_case = rule_table(
    "summary-sentence-case",
    valid=[
        case("clean connector", swagger=swagger(), api_properties=api_properties()),
        case("names keep their capital", swagger=with_op(summary="Export a task to Excel on Monday")),
        case("the connector's own name", swagger=with_op({"title": "Task Board"}, summary="Get a Board")),
        case("acronyms and unknown words", swagger=with_op(summary="Get the ID of a Zendexa task as JSON")),
        case("a name the descriptions capitalise", swagger=with_op(
            summary="Start a Sprint", description="Starts a Sprint in the board.")),
        case("a new part after a dash or a colon", swagger=with_op(summary="Tasks - Get all: Open ones")),
        case("descriptions are not summaries", swagger=with_op(description="Gets All Tasks.")),
    ],
    invalid=[
        case("title case", swagger=with_op(summary="Get All Open Items"),
             errors=[err(f"{OP}/summary", "write 'Get all open items', not 'Get All Open Items'", span=(4, 18), range=(27, 25, 27, 39))],
             output=with_op(summary="Get all open items")),
        case("lower-case start", swagger=with_op(summary="get a task"),
             errors=[err(f"{OP}/summary", "write 'Get a task', not 'get a task'", span=(0, 3), range=(27, 21, 27, 24))],
             output=with_op(summary="Get a task")),
        case("names are kept while the rest is fixed", swagger=with_op(summary="Export Task To Excel"),
             errors=[err(f"{OP}/summary", "'Export task to Excel'", span=(7, 14), range=(27, 28, 27, 35))],
             output=with_op(summary="Export task to Excel")),
    ],
)


def test_the_fix_is_unsafe():
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import Applicability

    ctx = case("x", swagger=with_op(summary="Get All Items")).context()
    [finding] = run_rule(rules_by_id()["summary-sentence-case"], ctx)
    assert finding.fixes[0].applicability is Applicability.UNSAFE
