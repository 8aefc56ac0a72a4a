from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext


def with_second(operation_id):
    doc = swagger()
    doc["paths"]["/tasks"] = {"get": {"operationId": operation_id, "responses": {"200": {"description": "OK"}}}}
    return doc


test_table = rule_table(
    "duplicate-operation-id",
    valid=[case("unique", swagger=with_second("ListTasks")),
           case("differs in case only is a different id", swagger=with_second("gettask")),
           case("missing ids are not duplicates", swagger=with_second(None))],
    invalid=[case("duplicate", swagger=with_second("GetTask"),
                  errors=[err("/paths/~1tasks/get/operationId", "already used by GET /tasks/{taskId}", code="OperationIdNotUnique")])],
)


def test_the_duplicate_links_to_the_first_use():
    (finding,) = run_rule(rules_by_id()["duplicate-operation-id"], RuleContext(swagger=with_second("GetTask")))
    assert [r.pointer for r in finding.related] == ["/paths/~1tasks~1{taskId}/get/operationId"]
