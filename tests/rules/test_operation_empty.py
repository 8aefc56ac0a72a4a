from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, Severity


def with_paths(**extra):
    doc = swagger()
    doc["paths"].update({path.replace("_", "/"): item for path, item in extra.items()})
    return doc


WEBHOOK = {"x-ms-notification-content": {"description": "Event.", "schema": {"type": "object"}}}

test_operation_empty = rule_table(
    "operation-empty",
    valid=[
        case("operations", swagger=swagger()),
        case("webhook notification path", swagger=with_paths(_hook=WEBHOOK)),
        case("operation with only responses", swagger=with_paths(_ping={"get": {"responses": {"200": {
            "description": "OK"}}}})),
        case("path item $ref is another rule's", swagger=with_paths(_ref={"$ref": "#/x"})),
        case("no paths at all is the structure rule's", swagger={"swagger": "2.0", "info": {}}),
    ],
    invalid=[
        case("no operations", swagger=swagger(paths={}), errors=[err("/paths", "no operations")]),
        case("empty path", swagger=with_paths(_projects={}), errors=[err("/paths/~1projects", "has no operation")],
             output=swagger()),
        case("path with only parameters", swagger=with_paths(_projects={"parameters": []}),
             errors=[err("/paths/~1projects")], output=swagger()),
        case("empty operation", swagger=with_paths(_projects={"get": {}, "post": {"summary": "Add a project"}}),
             errors=[err("/paths/~1projects/get", "GET /projects is empty"),
                     err("/paths/~1projects/post", "POST /projects is empty")],
             output=with_paths(_projects={})),
    ],
)


def test_an_empty_path_is_a_warning():
    findings = run_rule(rules_by_id()["operation-empty"],
                        RuleContext(swagger=with_paths(_a={}, _b={"get": {"x-ms-visibility": "advanced"}})))
    assert [(f.pointer, f.severity) for f in findings] == [("/paths/~1a", Severity.WARNING), ("/paths/~1b/get", None)]
