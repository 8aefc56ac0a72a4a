from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import Applicability, RuleContext

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


test_deprecated_marker = rule_table(
    "deprecated-marker",
    valid=[
        case("not deprecated", swagger=swagger()),
        case("marked both ways", swagger=with_op(deprecated=True, summary="Get a task (deprecated)",
                                                description="Gets a task (deprecated).")),
        case("the word anywhere, any case", swagger=with_op(deprecated=True, summary="Get a task (Deprecated)",
                                                           description="This action is deprecated; use Get task V2.")),
        case("the word in a non-deprecated summary, not as a marker", swagger=with_op(summary="List deprecated tasks")),
        case("deprecated false", swagger=with_op(deprecated=False)),
        case("internal operation", swagger=with_op(deprecated=True, x_ms_visibility="internal")),
        case("missing summary is summary-required's", swagger=with_op(deprecated=True, summary=None,
                                                                     description="Gets a task (deprecated).")),
    ],
    invalid=[
        case("neither says so", swagger=with_op(deprecated=True),
             errors=[err(f"{OP}/summary", "its summary does not say so"),
                     err(f"{OP}/description", "its description does not say so")],
             output=with_op(deprecated=True, summary="Get a task (deprecated)",
                            description="Gets one task by its identifier (deprecated).")),
        case("summary with trailing space", swagger=with_op(deprecated=True, summary="Get a task ",
                                                           description="Deprecated: use Get task V2."),
             errors=[err(f"{OP}/summary")], output=with_op(deprecated=True, summary="Get a task (deprecated) ",
                                                           description="Deprecated: use Get task V2.")),
        case("marker without the flag", swagger=with_op(summary="Get a task (deprecated)"),
             errors=[err(f"{OP}/summary", "not marked", span=(11, 23))],
             output=with_op(summary="Get a task (deprecated)", deprecated=True)),
        case("marker with deprecated false", swagger=with_op(summary="Get a task (Deprecated)", deprecated=False),
             errors=[err(f"{OP}/summary", "not marked")],
             output=with_op(summary="Get a task (Deprecated)", deprecated=True)),
    ],
)


def test_long_summary_fix_is_a_suggestion():
    doc = with_op(deprecated=True, summary="x" * 70, description="Deprecated.")
    [finding] = run_rule(rules_by_id()["deprecated-marker"], RuleContext(swagger=doc))
    assert finding.fixes[0].applicability is Applicability.SUGGESTION
    [flag] = run_rule(rules_by_id()["deprecated-marker"], RuleContext(swagger=with_op(summary="A (deprecated)")))
    assert flag.fixes[0].applicability is Applicability.UNSAFE
