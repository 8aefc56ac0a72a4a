import copy

from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, Severity

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]


def texts(summary="Get a task", description="Gets one task by its identifier.", label="Task ID",
          param_description="The identifier of the task.", internal_param=False, **op_changes):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    op.update(summary=summary, description=description, **op_changes)
    op["parameters"] = [dict(copy.deepcopy(PARAM), **{"x-ms-summary": label, "description": param_description})]
    if internal_param:
        op["parameters"][0]["x-ms-visibility"] = "internal"
    return doc


test_summary_same_as_description = rule_table(
    "summary-same-as-description",
    valid=[
        case("different", swagger=swagger()),
        case("description starts with the summary", swagger=texts(description="Get a task by its identifier.")),
        case("internal operation", swagger=texts(description="Get a task", **{"x-ms-visibility": "internal"})),
        case("internal parameter", swagger=texts(param_description="Task ID", internal_param=True)),
        case("blank both", swagger=texts(summary="", description="")),
        case("missing description", swagger=texts(description=None)),
    ],
    invalid=[
        case("operation", swagger=texts(description="Get a task."),
             errors=[err(f"{OP}/description", "repeats the summary", range=(28, 24, 28, 37))]),
        case("case and spaces", swagger=texts(description="  get A task "), errors=[err(f"{OP}/description", range=(28, 24, 28, 39))]),
        case("parameter", swagger=texts(param_description="Task ID"),
             errors=[err(f"{OP}/parameters/0/description", "repeats the x-ms-summary", range=(37, 28, 37, 37))]),
    ],
)


def test_parameter_finding_is_a_hint():
    rule = rules_by_id()["summary-same-as-description"]
    findings = run_rule(rule, RuleContext(swagger=texts(description="Get a task", param_description="task id")))
    assert [f.severity for f in findings] == [None, Severity.HINT]
