import copy

from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, Severity

OP = "/paths/~1tasks~1{taskId}/get"


def with_op(**changes):
    """The builder's swagger with keys of its one operation replaced (None removes one)."""
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    for key, value in changes.items():
        key = key.replace("_", "-") if key.startswith("x_") else key
        if value is None:
            op.pop(key, None)
        else:
            op[key] = value
    return doc


PATH_PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]
BODY = {"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Task"}}


def params(*extra, path_param=PATH_PARAM):
    return [path_param, *extra]


test_table = rule_table(
    "invalid-operation-structure",
    valid=[
        case("a clean operation", swagger=swagger()),
        case("extensions certified connectors use", swagger=with_op(
            x_ms_openai_data={"openai-enabled": True, "operations": [{"operationId": "GetTask",
                                                                      "x-ms-require-user-confirmation": True}]},
            x_ms_require_user_confirmation=False, x_ms_pageable={"nextLinkName": "@odata.nextLink"},
            x_ms_visibility="important", x_ms_api_annotation={"family": "GetTask", "revision": 1})),
        case("a trigger", swagger=with_op(x_ms_trigger="batch", x_ms_trigger_hint="Add a task.",
                                          x_ms_trigger_metadata={"kind": "query", "mode": "polling"})),
        case("dynamic values on a query parameter", swagger=with_op(parameters=params(
            {"name": "list", "in": "query", "type": "string", "x-ms-summary": "List", "description": "The list.",
             "x-ms-dynamic-values": {"operationId": "GetLists", "value-path": "id", "value-title": "name",
                                     "parameters": {"board": {"parameter": "board"}, "flags": ["a"]}}}))),
    ],
    invalid=[
        case("misspelled extension", swagger=with_op(**{"x-ms-visibilty": "advanced"}),
             errors=[err(f"{OP}/x-ms-visibilty", "did you mean 'x-ms-visibility'", code="AdditionalPropertyNotAllowed")],
             output=with_op(x_ms_visibility="advanced")),
        case("trigger value in the wrong case", swagger=with_op(x_ms_trigger="Single"),
             errors=[err(f"{OP}/x-ms-trigger", "'batch' or 'single'", code="JsonValueNotInEnum")], output=with_op(x_ms_trigger="single")),
        case("no responses", swagger=with_op(responses={}), errors=[err(f"{OP}/responses", "at least one response")]),
        case("path parameter not required", swagger=with_op(parameters=params(path_param={**PATH_PARAM, "required": False})),
             errors=[err(f"{OP}/parameters/0/required", "\"required\": true", code="PathParameterMustBeRequired")], output=swagger()),
        case("body parameter with a type", swagger=with_op(parameters=params({**BODY, "type": "object"})),
             errors=[err(f"{OP}/parameters/1/type", "move 'type' into 'schema'")]),
        case("dynamic schema on the body parameter", swagger=with_op(parameters=params(
            {**BODY, "schema": {"type": "object"}, "x-ms-dynamic-schema": {"operationId": "GetSchema"}})),
             errors=[err(f"{OP}/parameters/1/x-ms-dynamic-schema", "belongs inside the body parameter's 'schema'", code="DynamicExtensionDefinitionNotAllowedInParameter")],
             output=with_op(parameters=params(
                 {**BODY, "schema": {"type": "object", "x-ms-dynamic-schema": {"operationId": "GetSchema"}}}))),
        case("unsupported next link name", swagger=with_op(x_ms_pageable={"nextLinkName": "next"}),
             errors=[err(f"{OP}/x-ms-pageable/nextLinkName", "\"nextLink\" or \"@odata.nextLink\"")]),
        case("allowEmptyValue on a header", swagger=with_op(parameters=params(
            {"name": "h", "in": "header", "type": "string", "allowEmptyValue": True})),
             errors=[err(f"{OP}/parameters/1/allowEmptyValue", "only applies to query and formData", code="AllowEmptyValueOnlyValidForQueryFormData")],
             output=with_op(parameters=params({"name": "h", "in": "header", "type": "string"}))),
        case("file outside formData", swagger=with_op(parameters=params({"name": "f", "in": "query", "type": "file"})),
             errors=[err(f"{OP}/parameters/1/type", "Only formData parameters", code="FileParameterMustBeInFormData")]),
        case("response code not a status", swagger=with_op(responses={"2XX": {"description": "OK"}}),
             errors=[err(f"{OP}/responses/2XX", "three-digit HTTP status code", code="ResponseMustBeDefaultOrHttpStatusCode")]),
        case("enum value without a display name", swagger=with_op(parameters=params(
            {"name": "s", "in": "query", "type": "string", "enum": ["open"], "x-ms-enum-values": [{"value": "open"}]})),
             errors=[err(f"{OP}/parameters/1/x-ms-enum-values/0", "needs a 'displayName'", code="MissingEnumValuesDisplayName")],
             output=with_op(parameters=params({"name": "s", "in": "query", "type": "string", "enum": ["open"],
                                               "x-ms-enum-values": [{"value": "open", "displayName": "open"}]}))),
        case("dynamic values without an operation", swagger=with_op(parameters=params(
            {"name": "s", "in": "query", "type": "string", "x-ms-dynamic-values": {"value-path": "id"}})),
             errors=[err(f"{OP}/parameters/1/x-ms-dynamic-values", "needs one of 'operationId'", code="OneOfPropertiesRequired")]),
        case("a parameter reference with siblings", swagger=with_op(parameters=params(
            {"$ref": "#/parameters/top", "description": "Top."})),
             errors=[err(f"{OP}/parameters/1/description", "next to '$ref' is ignored", code="AdditionalPropertyNotAllowedAdjacentToRef")],
             output=with_op(parameters=params({"$ref": "#/parameters/top"}))),
    ],
)


def test_codes_and_severities():
    rule = rules_by_id()["invalid-operation-structure"]
    (empty,) = run_rule(rule, RuleContext(swagger=with_op(responses={})))
    assert (empty.validator_code, empty.severity) == ("OperationMustHaveResponse", Severity.WARNING)
    (page,) = run_rule(rule, RuleContext(swagger=with_op(x_ms_pageable={"nextLinkName": "next"})))
    assert page.validator_code == "InvalidNextLinkNameValue" and page.severity is None
    (body,) = run_rule(rule, RuleContext(swagger=with_op(parameters=params({**BODY, "type": "object"}))))
    assert body.validator_code == "BodyParameterPropertyNotValid"


def test_an_edit_inside_one_operation_changes_only_its_findings():
    rule = rules_by_id()["invalid-operation-structure"]
    doc = with_op(x_ms_trigger="Single")
    before = run_rule(rule, RuleContext(swagger=doc))
    doc = copy.deepcopy(doc)
    doc["paths"]["/tasks/{taskId}"]["get"]["x-ms-trigger"] = "single"
    assert before and run_rule(rule, RuleContext(swagger=doc)) == []
