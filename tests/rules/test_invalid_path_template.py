from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext

ITEM = swagger()["paths"]["/tasks/{taskId}"]


def with_path(path, base=None):
    doc = swagger()
    doc["paths"] = {path: ITEM}
    return doc


test_table = rule_table(
    "invalid-path-template",
    valid=[case("a template", swagger=swagger()),
           case("several variables in a segment", swagger=with_path("/files/{name}.{ext}")),
           case("x- keys under paths", swagger={**swagger(), "paths": {**swagger()["paths"], "x-note": {}}})],
    invalid=[
        case("no leading slash", swagger=with_path("tasks/{taskId}"),
             errors=[err("/paths/tasks~1{taskId}", "must start with '/'")], output=swagger()),
        case("query in the path", swagger=with_path("/tasks/{taskId}?expand=all"),
             errors=[err("/paths/~1tasks~1{taskId}?expand=all", "contains '?'")]),
        case("wildcard", swagger=with_path("/tasks/*"), errors=[err("/paths/~1tasks~1*", "contains '*'")]),
        case("unclosed brace", swagger=with_path("/tasks/{taskId"),
             errors=[err("/paths/~1tasks~1{taskId", "is not closed")]),
        case("variable spans segments", swagger=with_path("/tasks/{task/id}"),
             errors=[err("/paths/~1tasks~1{task~1id}", "spans segments")]),
        case("empty variable", swagger=with_path("/tasks/{}"), errors=[err("/paths/~1tasks~1{}", "no name")]),
        case("default value", swagger=with_path("/tasks/{taskId=1}"),
             errors=[err("/paths/~1tasks~1{taskId=1}", "default value")], output=swagger()),
    ],
)


def test_each_problem_has_its_code():
    rule = rules_by_id()["invalid-path-template"]
    codes = {f.validator_code for p in ("tasks", "/a?b", "/a*", "/{a", "/{a=1}")
             for f in run_rule(rule, RuleContext(swagger=with_path(p)))}
    assert codes == {"OperationPathMustStartWithSlash", "OperationPathMayNotContainQueryOrFragment",
                     "OperationPathContainsUnsupportedCharacters", "OperationPathTemplateNotValid",
                     "OperationPathVariablesContainDefaults"}
