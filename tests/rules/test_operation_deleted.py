from breaking_pairs import changed, pair, released, silent_pairs
from ruletester import case, err, rule_table

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, apply_edits

DELETED = "The operation has been deleted. This change breaks existing flows."


def delete_list(doc):
    del doc["paths"]["/tasks"]["get"]


def delete_path(doc):
    del doc["paths"]["/boards"]


def rename(doc):
    doc["paths"]["/tasks"]["get"]["operationId"] = "GetTasks"


def restored_list(doc):
    op = {**released()["paths"]["/tasks"]["get"]}
    items = list(op.items())
    items.insert([k for k, _ in items].index("description") + 1, ("deprecated", True))
    doc["paths"]["/tasks"] = {"post": doc["paths"]["/tasks"]["post"], "get": dict(items)}


test_table = rule_table(
    "operation-deleted",
    valid=silent_pairs() + [pair("the operation moved to another path keeps its id",
                                 lambda d: d["paths"].__setitem__("/v2/tasks", {"get": d["paths"]["/tasks"].pop("get")}))],
    invalid=[
        pair("deleted, its path item stays", delete_list,
             errors=[err("/paths/~1tasks", DELETED, value_path="operation/ListTasks")],
             output=changed(lambda d: (delete_list(d), restored_list(d)))),
        pair("renamed operationId is a deletion", rename,
             errors=[err("/paths/~1tasks/get/operationId", "renamed from 'ListTasks' to 'GetTasks'",
                         value_path="operation/ListTasks")],
             output=released()),
    ],
)


def test_a_deleted_path_item_is_restored_under_paths_with_the_definitions_it_needs():
    new = changed(lambda d: (delete_path(d), d["paths"]["/tasks"].pop("post"), d["definitions"].pop("TaskInput"),
                             d["definitions"].pop("Owner")))
    ctx = RuleContext(swagger=new, base=RuleContext(swagger=released()))
    found = run_rule(rules_by_id()["operation-deleted"], ctx)
    assert [(f.pointer, f.value_path) for f in found] == [("/paths/~1tasks", "operation/CreateTask"),
                                                          ("/paths", "operation/ListBoards")]
    for finding in found:
        fix = finding.fixes[0]
        assert fix.applicability.value == "unsafe"
        new = apply_edits(new, fix.edits)
    assert new["paths"]["/boards"]["get"]["deprecated"] is True
    assert new["definitions"]["TaskInput"] == released()["definitions"]["TaskInput"]
    assert new["definitions"]["Owner"] == released()["definitions"]["Owner"]
    assert run_rule(rules_by_id()["operation-deleted"], RuleContext(swagger=new, base=RuleContext(swagger=released()))) == []


def test_no_base_no_findings_even_when_everything_is_gone():
    assert run_rule(rules_by_id()["operation-deleted"], RuleContext(swagger=changed(lambda d: d["paths"].clear()))) == []


def test_a_restored_path_item_keeps_its_own_parameters():
    old = released()
    old["paths"]["/boards"]["parameters"] = [{"$ref": "#/parameters/status"}]
    new = changed(lambda d: (delete_path(d), d.pop("parameters")))
    [finding] = run_rule(rules_by_id()["operation-deleted"], RuleContext(swagger=new, base=RuleContext(swagger=old)))
    fixed = apply_edits(new, finding.fixes[0].edits)
    assert fixed["paths"]["/boards"]["parameters"] == [{"$ref": "#/parameters/status"}]
    assert fixed["parameters"]["status"] == old["parameters"]["status"]


def test_a_restored_definition_whose_name_needs_escaping_keeps_its_name():
    old = released()
    old["definitions"]["Task/In~put"] = old["definitions"].pop("TaskInput")
    old["paths"]["/tasks"]["post"]["parameters"][0]["schema"] = {"$ref": "#/definitions/Task~1In~0put"}
    new = changed(lambda d: (delete_path(d), d["paths"]["/tasks"].pop("post"), d["definitions"].pop("TaskInput")))
    found = run_rule(rules_by_id()["operation-deleted"], RuleContext(swagger=new, base=RuleContext(swagger=old)))
    for finding in found:
        new = apply_edits(new, finding.fixes[0].edits)
    assert new["definitions"]["Task/In~put"] == old["definitions"]["Task/In~put"]
