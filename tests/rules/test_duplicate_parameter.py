from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]
TOP = {"name": "top", "in": "query", "type": "integer", "x-ms-summary": "Top", "description": "How many."}


def with_params(params, path_params=None):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"] = params
    if path_params is not None:
        doc["paths"]["/tasks/{taskId}"]["parameters"] = path_params
    doc["parameters"] = {"top": TOP}
    return doc


test_table = rule_table(
    "duplicate-parameter",
    valid=[case("distinct", swagger=with_params([PARAM, TOP])),
           case("same name, other location", swagger=with_params([PARAM, TOP, {**TOP, "in": "header"}])),
           case("operation overrides the path item", swagger=with_params([PARAM, TOP], path_params=[TOP]))],
    invalid=[
        case("identical twice", swagger=with_params([PARAM, TOP, TOP]),
             errors=[err(f"{OP}/parameters/2", "declared twice, identically")], output=with_params([PARAM, TOP])),
        case("through a $ref", swagger=with_params([PARAM, TOP, {"$ref": "#/parameters/top"}]),
             errors=[err(f"{OP}/parameters/2", "identically")], output=with_params([PARAM, TOP])),
        case("different twice", swagger=with_params([PARAM, TOP, {**TOP, "type": "string"}]),
             errors=[err(f"{OP}/parameters/2", "differently")]),
        case("in the path item", swagger=with_params([PARAM], path_params=[TOP, {**TOP, "type": "string"}]),
             errors=[err("/paths/~1tasks~1{taskId}/parameters/1", "differently")]),
    ],
)


def test_codes():
    rule = rules_by_id()["duplicate-parameter"]
    codes = [f.validator_code for f in run_rule(rule, RuleContext(swagger=with_params(
        [PARAM, TOP, TOP, {**TOP, "type": "string"}], path_params=[TOP, {**TOP, "type": "string"}])))]
    # the operation's list is checked per operation, the path item's once (the engine sorts by place)
    assert sorted(codes) == ["OperationParametersAreNotUnique", "OperationParametersContainDuplicateParameter",
                             "PathParametersContainDuplicateParameter"]
