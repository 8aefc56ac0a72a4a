from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import Applicability, RuleContext

OP = "/paths/~1tasks~1{taskId}/get"
TASK = {"$ref": "#/definitions/Task"}
ERROR = {"type": "object", "properties": {"message": {"type": "string"}}}


def responding(responses, shared=None):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["responses"] = responses
    if shared is not None:
        doc["responses"] = shared
    return doc


test_default_response_schema = rule_table(
    "default-response-schema",
    valid=[
        case("no default", swagger=swagger()),
        case("default without schema", swagger=responding({"200": {"description": "OK", "schema": TASK},
                                                           "default": {"description": "Error."}})),
        case("default not an object", swagger=responding({"200": {"description": "OK"}, "default": "Error"})),
    ],
    invalid=[
        case("beside a success schema: removed", swagger=responding({
            "200": {"description": "OK", "schema": TASK}, "default": {"description": "Error.", "schema": ERROR}}),
            errors=[err(f"{OP}/responses/default/schema", "default response has a schema", code="DefaultResponseHasSchema")],
            output=responding({"200": {"description": "OK", "schema": TASK}, "default": {"description": "Error."}})),
        case("success without schema: moved", swagger=responding({
            "200": {"description": "OK"}, "default": {"description": "The task.", "schema": TASK}}),
            errors=[err(f"{OP}/responses/default/schema")],
            output=responding({"200": {"description": "OK", "schema": TASK}, "default": {"description": "The task."}})),
        case("only default: moved to a new 200", swagger=responding({"default": {"description": "The task.",
                                                                                 "schema": TASK}}),
             errors=[err(f"{OP}/responses/default/schema")],
             output=responding({"default": {"description": "The task."},
                                "200": {"description": "The task.", "schema": TASK}})),
        case("only 204: removed", swagger=responding({"204": {"description": "Done."},
                                                      "default": {"description": "Error.", "schema": ERROR}}),
             errors=[err(f"{OP}/responses/default/schema")],
             output=responding({"204": {"description": "Done."}, "default": {"description": "Error."}})),
        case("moved to the first success response with a body", swagger=responding({
            "204": {"description": "Done."}, "202": {"description": "Accepted."},
            "default": {"description": "Job.", "schema": TASK}}), errors=[err(f"{OP}/responses/default/schema")],
            output=responding({"204": {"description": "Done."}, "202": {"description": "Accepted.", "schema": TASK},
                               "default": {"description": "Job."}})),
        case("shared success response: no fix", swagger=responding(
            {"200": {"$ref": "#/responses/Ok"}, "default": {"description": "Task.", "schema": TASK}},
            shared={"Ok": {"description": "OK"}}), errors=[err(f"{OP}/responses/default/schema")]),
    ],
)


def test_fix_safety():
    rule = rules_by_id()["default-response-schema"]
    [remove] = run_rule(rule, RuleContext(swagger=responding({"201": {"description": "OK", "schema": TASK},
                                                              "default": {"description": "E", "schema": ERROR}})))
    [move] = run_rule(rule, RuleContext(swagger=responding({"default": {"description": "E", "schema": TASK}})))
    assert remove.fixes[0].applicability is Applicability.SAFE
    assert move.fixes[0].applicability is Applicability.UNSAFE
