import copy

from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import Applicability, RuleContext, Severity

OP = "/paths/~1tasks~1{taskId}/get"


def doc(change):
    d = swagger()
    change(d)
    return d


def op(d):
    return d["paths"]["/tasks/{taskId}"]["get"]


def task(d):
    return d["definitions"]["Task"]


def internal_empty_summary(d):
    op(d).update({"summary": "", "x-ms-visibility": "internal"})


test_empty_property = rule_table(
    "empty-property",
    valid=[
        case("nothing empty", swagger=swagger()),
        case("required strings are the *-required rules'", swagger=doc(lambda d: op(d).update(summary=""))),
        case("info description is description-required's", swagger=doc(lambda d: d["info"].update(description=""))),
        case("examples and defaults are data", swagger=doc(lambda d: task(d)["properties"]["name"].update(
            default="", example={"description": "", "tags": []}, enum=["", "a"]))),
        case("a property named like a keyword", swagger=doc(lambda d: task(d)["properties"].update(
            description={"type": "string", "description": "Its text."}, tags={"type": "array", "items": {}}))),
        case("a required empty property schema", swagger=doc(lambda d: task(d).update(
            required=["any"], properties={**task(d)["properties"], "any": {}}))),
        case("operation-level security [] means no auth", swagger=doc(lambda d: op(d).update(security=[]))),
        case("wizard boilerplate: empty top-level containers", swagger=swagger(
            tags=[], parameters={}, responses={}, definitions={}, securityDefinitions={})),
        case("a free-form object", swagger=doc(lambda d: task(d)["properties"].update(
            extra={"type": "object", "properties": {}}))),
        case("empty operation parameters, tags, headers and annotation", swagger=doc(lambda d: (
            op(d).update(parameters=[], tags=[], **{"x-ms-api-annotation": {}}),
            op(d)["responses"]["200"].update(headers={}, examples={})))),
        case("response description is required by OpenAPI", swagger=doc(
            lambda d: op(d)["responses"]["200"].update(description=""))),
    ],
    invalid=[
        case("empty description of a property", swagger=doc(lambda d: task(d)["properties"]["name"].update(
            description="")), errors=[err("/definitions/Task/properties/name/description", "'description' is empty",
                                          code="RequiredValueEmpty")],
            output=doc(lambda d: task(d)["properties"]["name"].pop("description"))),
        case("blank summary of an internal operation", swagger=doc(internal_empty_summary),
             errors=[err(f"{OP}/summary", "'summary' is empty", code="RequiredValueEmpty")],
             output=doc(lambda d: (internal_empty_summary(d), op(d).pop("summary")))),
        case("blank format", swagger=doc(lambda d: op(d)["parameters"][0].update(format=" ")),
             errors=[err(f"{OP}/parameters/0/format", "blank", code="RequiredValueEmpty")],
             output=swagger()),
        case("empty title of a nested free-form schema", swagger=doc(lambda d: task(d)["properties"].update(
            owner={"type": "object", "properties": {}, "title": ""})),
            errors=[err("/definitions/Task/properties/owner/title", code="RequiredValueEmpty")],
            output=doc(lambda d: task(d)["properties"].update(owner={"type": "object", "properties": {}}))),
        case("empty property schema", swagger=doc(lambda d: task(d)["properties"].update(extra={})),
             errors=[err("/definitions/Task/properties/extra", "empty schema")], output=swagger()),
    ],
)


def test_severity_tiers_and_safety():
    d = swagger()
    task(d)["properties"]["name"]["description"] = ""
    task(d)["properties"]["name"]["format"] = ""
    task(d)["properties"]["x"] = {}
    findings = {f.pointer: f for f in run_rule(rules_by_id()["empty-property"], RuleContext(swagger=d))}
    name = "/definitions/Task/properties/name"
    assert findings[f"{name}/description"].severity is None
    assert findings[f"{name}/format"].severity is Severity.INFORMATION
    assert findings["/definitions/Task/properties/x"].severity is Severity.INFORMATION
    assert findings["/definitions/Task/properties/x"].fixes[0].applicability is Applicability.UNSAFE
    assert findings[f"{name}/format"].fixes[0].applicability is Applicability.SAFE
    assert findings["/definitions/Task/properties/x"].validator_code is None  # a guideline, not a rejection
    assert rules_by_id()["empty-property"].validator_code is None


def test_tolerates_any_shape():
    rule = rules_by_id()["empty-property"]
    for value in (None, [], "x", {"paths": []}, {"paths": {"/a": {"get": []}}, "definitions": {"A": []}},
                  {"definitions": {"A": {"properties": [], "items": "x", "allOf": {}}}}):
        run_rule(rule, RuleContext(swagger=copy.deepcopy(value)))
