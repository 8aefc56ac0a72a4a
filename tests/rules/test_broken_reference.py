import copy

from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]


def with_response_ref(ref):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["responses"]["200"]["schema"] = {"$ref": ref}
    return doc


def with_param_ref(ref, global_params=None):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"] = [{"$ref": ref}]
    doc["parameters"] = global_params if global_params is not None else {"taskId": PARAM}
    return doc


ALIAS = swagger()
ALIAS["definitions"]["Item"] = {"$ref": "#/definitions/Task"}
ALIAS_FIXED = copy.deepcopy(ALIAS)
ALIAS_FIXED["definitions"]["Item"] = copy.deepcopy(ALIAS["definitions"]["Task"])

test_table = rule_table(
    "broken-reference",
    valid=[case("existing definition", swagger=swagger()),
           case("existing parameter", swagger=with_param_ref("#/parameters/taskId")),
           case("escaped name", swagger=with_response_ref("#/definitions/a~1b") | {"definitions": {
               **swagger()["definitions"], "a/b": {"type": "object"}}})],
    invalid=[
        case("typo in a definition name", swagger=with_response_ref("#/definitions/Tsk"),
             errors=[err(f"{OP}/responses/200/schema/$ref", "did you mean 'Task'")],
             output=with_response_ref("#/definitions/Task")),
        case("missing with no near name", swagger=with_response_ref("#/definitions/Project"),
             errors=[err(f"{OP}/responses/200/schema/$ref", "'Project' is not defined")]),
        case("schema pointing at a parameter", swagger=with_response_ref("#/parameters/taskId"),
             errors=[err(f"{OP}/responses/200/schema/$ref", "must point at an entry of 'definitions'", code="SchemaReferenceNotValid")]),
        case("another file", swagger=with_response_ref("common.json#/definitions/Task"),
             errors=[err(f"{OP}/responses/200/schema/$ref", "not a reference within this document")]),
        case("missing parameter", swagger=with_param_ref("#/parameters/id"),
             errors=[err(f"{OP}/parameters/0/$ref", "not defined in 'parameters'")]),
        case("definition that is only a reference", swagger=ALIAS,
             errors=[err("/definitions/Item", "only a reference")], output=ALIAS_FIXED),
        case("parameter entry that is a reference", swagger=with_param_ref(
            "#/parameters/taskId", {"taskId": PARAM, "id": {"$ref": "#/parameters/taskId"}}),
             errors=[err("/parameters/id", "only a reference", code="ParameterRefLoopNotAllowed")],
             output=with_param_ref("#/parameters/taskId", {"taskId": PARAM, "id": PARAM})),
    ],
)


def test_codes_and_related():
    rule = rules_by_id()["broken-reference"]
    (typo,) = run_rule(rule, RuleContext(swagger=with_response_ref("#/definitions/Tsk")))
    assert typo.validator_code == "SchemaReferenceNotFound" and typo.related[0].pointer == "/definitions/Task"
    (param,) = run_rule(rule, RuleContext(swagger=with_param_ref("#/parameters/id")))
    assert param.validator_code == "ParameterReferenceNotFound"
    (loop,) = run_rule(rule, RuleContext(swagger=ALIAS))
    assert loop.validator_code == "SchemaRefLoopNotAllowed" and loop.related[0].pointer == "/definitions/Task"
    (bad,) = run_rule(rule, RuleContext(swagger=with_response_ref("#/definitions/a~2")))
    assert bad.validator_code == "JsonPointerNotValid"


def test_response_and_parameter_reference_codes():
    def codes(change) -> set:
        doc = swagger()
        change(doc["paths"]["/tasks/{taskId}"]["get"], doc)
        rule = rules_by_id()["broken-reference"]
        return {f.validator_code or rule.validator_code for f in run_rule(rule, RuleContext(swagger=doc))}

    assert "ResponseReferenceNotFound" in codes(lambda op, d: op["responses"].update({"404": {"$ref": "#/responses/No"}}))
    assert "ResponseReferenceNotValid" in codes(
        lambda op, d: op["responses"].update({"404": {"$ref": "#/definitions/Task"}}))
    assert "ParameterReferenceNotValid" in codes(lambda op, d: op.update(parameters=[{"$ref": "#/definitions/Task"}]))
    assert "ResponseRefLoopNotAllowed" in codes(lambda op, d: (
        d.update(responses={"A": {"$ref": "#/responses/B"}, "B": {"$ref": "#/responses/A"}}),
        op["responses"].update({"404": {"$ref": "#/responses/A"}})))


def test_refs_in_path_item_parameters_and_in_operations_without_parameters():
    """The parameter lists come from _openapi.parameter_lists (path item first), responses from every operation."""
    doc = swagger()
    item = doc["paths"]["/tasks/{taskId}"]
    item["parameters"] = [{"$ref": "#/parameters/nope"}]
    del item["get"]["parameters"]
    item["get"]["responses"]["404"] = {"$ref": "#/responses/Gone"}
    item["x-note"] = {"parameters": [{"$ref": "#/parameters/not-an-operation"}]}
    found = run_rule(rules_by_id()["broken-reference"], RuleContext(swagger=doc))
    assert sorted((f.pointer, f.validator_code) for f in found) == [
        (f"{OP}/responses/404/$ref", "ResponseReferenceNotFound"),
        ("/paths/~1tasks~1{taskId}/parameters/0/$ref", "ParameterReferenceNotFound")]
