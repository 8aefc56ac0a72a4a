from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext

ITEM = swagger()["paths"]["/tasks/{taskId}"]
GET = ITEM["get"]


def with_paths(**paths):
    doc = swagger()
    doc["paths"] = {k.replace("__", "/"): v for k, v in paths.items()}
    return doc


test_table = rule_table(
    "duplicate-path",
    valid=[case("different paths", swagger=with_paths(**{"__tasks__{taskId}": ITEM, "__tasks": ITEM})),
           case("same template, other methods", swagger=with_paths(
               **{"__tasks__{taskId}": ITEM, "__tasks__{id}": {"delete": GET}}))],
    invalid=[
        case("only variable names differ", swagger=with_paths(**{"__tasks__{taskId}": ITEM, "__tasks__{id}": ITEM}),
             errors=[err("/paths/~1tasks~1{id}/get", "same URL as GET /tasks/{taskId}")]),
        case("only case differs", swagger=with_paths(**{"__tasks__{taskId}": ITEM, "__Tasks__{taskId}": ITEM}),
             errors=[err("/paths/~1Tasks~1{taskId}", "repeats '/tasks/{taskId}'")]),
    ],
)


def test_codes_and_links():
    rule = rules_by_id()["duplicate-path"]
    (same,) = run_rule(rule, RuleContext(swagger=with_paths(**{"__a__{x}": ITEM, "__a__{y}": ITEM})))
    assert same.validator_code == "DuplicateOperationPath" and same.related[0].pointer == "/paths/~1a~1{x}/get"
    (case_,) = run_rule(rule, RuleContext(swagger=with_paths(**{"__a": ITEM, "__A": ITEM})))
    assert case_.validator_code == "PathRedefined" and case_.related[0].pointer == "/paths/~1a"
