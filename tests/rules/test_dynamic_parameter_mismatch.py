from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext

LIST = {"operationId": "ListProjects", "parameters": [
    {"name": "workspace", "in": "query", "required": True, "type": "string"},
    {"name": "top", "in": "query", "type": "integer"}],
    "responses": {"200": {"description": "OK"}}}
WORKSPACE = {"name": "workspace", "in": "query", "required": True, "type": "string", "x-ms-summary": "Workspace",
             "description": "The workspace."}


def connector(parameters, dynamic_kind="x-ms-dynamic-values", source=WORKSPACE):
    doc = swagger()
    doc["paths"]["/projects"] = {"get": LIST}
    params = doc["paths"]["/tasks/{taskId}"]["get"]["parameters"]
    params.append(source)
    params.append({"name": "project", "in": "query", "type": "string", "x-ms-summary": "Project",
                   "description": "The project.", dynamic_kind: {"operationId": "ListProjects",
                                                                 "parameters": parameters}})
    return doc


def with_body_property(name):
    """A dynamic list that references 'workspace', on an operation whose body has a property `name`."""
    doc = connector({"workspace": {"parameterReference": "workspace"}}, "x-ms-dynamic-list")
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"].append(
        {"name": "body", "in": "body", "schema": {"type": "object", "properties": {name: {"type": "string"}}}})
    return doc


D = "/paths/~1tasks~1{taskId}/get/parameters/2/x-ms-dynamic-values"
test_table = rule_table(
    "dynamic-parameter-mismatch",
    valid=[case("a reference", swagger=connector({"workspace": {"parameter": "workspace"}})),
           case("a literal", swagger=connector({"workspace": "main", "top": 10})),
           case("the list form", swagger=connector({"workspace": {"parameterReference": "workspace"},
                                                    "top": {"value": 5}}, "x-ms-dynamic-list")),
           case("a body property of another name", swagger=with_body_property("owner"))],
    invalid=[
        case("unknown target parameter", swagger=connector({"workspace": "main", "xyz": "x"}),
             errors=[err(f"{D}/parameters/xyz", "not a parameter of ListProjects")]),
        case("misspelled target parameter", swagger=connector({"workspace": "main", "tpo": 3}),
             errors=[err(f"{D}/parameters/tpo", "did you mean 'top'")], output=connector({"workspace": "main", "top": 3})),
        case("required parameter not passed", swagger=connector({"top": 1}),
             errors=[err(D, "requires 'workspace'")]),
        case("literal of the wrong type", swagger=connector({"workspace": "main", "top": "ten"}),
             errors=[err(f"{D}/parameters/top", "takes integer values", code="OperationParameterStaticTypeMismatch")]),
        case("reference of another type", swagger=connector(
            {"workspace": "main", "top": {"parameter": "workspace"}}),
             errors=[err(f"{D}/parameters/top", "is string but 'top' of the called operation is integer", code="OperationParameterTypeMismatch")]),
        case("optional source feeds a required target", swagger=connector(
            {"workspace": {"parameter": "workspace"}}, source={**WORKSPACE, "required": False}),
             errors=[err(f"{D}/parameters/workspace", "is optional", code="OperationParameterRequiredMismatch")]),
        case("reference to an internal parameter", swagger=connector(
            {"workspace": {"parameter": "workspace"}}, source={**WORKSPACE, "x-ms-visibility": "internal",
                                                               "default": "main"}),
             errors=[err(f"{D}/parameters/workspace", "is internal", code="SourcePropertyInternal")],
             output=connector({"workspace": "main"}, source={**WORKSPACE, "x-ms-visibility": "internal",
                                                             "default": "main"})),
        case("reference to nothing", swagger=connector({"workspace": {"parameter": "space"}}),
             errors=[err(f"{D}/parameters/workspace", "neither a parameter nor a body property")]),
        case("a reference naming a parameter and a body property", swagger=with_body_property("workspace"),
             errors=[err("/paths/~1tasks~1{taskId}/get/parameters/2/x-ms-dynamic-list/parameters/workspace",
                         "names both a parameter and a body property", code="OperationParameterNameIsAmbiguous")]),
    ],
)


def test_links_to_the_called_parameter():
    (finding,) = run_rule(rules_by_id()["dynamic-parameter-mismatch"],
                          RuleContext(swagger=connector({"top": 1})))
    assert finding.validator_code == "OperationMissingRequiredProperty"
    assert finding.related[0].pointer == "/paths/~1projects/get/parameters/0"


def test_an_extension_in_a_definition_is_checked_against_the_operations_using_it():
    doc = connector({"workspace": {"parameter": "workspace"}})
    doc["definitions"]["Task"]["properties"]["name"]["x-ms-dynamic-values"] = {
        "operationId": "ListProjects", "parameters": {"workspace": {"parameter": "space"}}}
    doc["paths"]["/tasks/{taskId}"]["put"] = {
        "operationId": "UpdateTask", "responses": {"200": {"description": "OK"}},
        "parameters": [doc["paths"]["/tasks/{taskId}"]["get"]["parameters"][0],
                       {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Task"}}]}
    findings = run_rule(rules_by_id()["dynamic-parameter-mismatch"], RuleContext(swagger=doc))
    assert [(f.pointer, f.validator_code) for f in findings] == [(
        "/definitions/Task/properties/name/x-ms-dynamic-values/parameters/workspace", "OperationParameterNameNotFound")]
    assert "PUT /tasks/{taskId}" in findings[0].message
