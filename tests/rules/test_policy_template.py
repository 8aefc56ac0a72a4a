from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, Severity

PTI = "/properties/policyTemplateInstances"
HOST = {"templateId": "dynamichosturl", "title": "Host",
        "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('region').contoso.com",
                       "x-ms-apimTemplate-operationName": ["GetTask"]}}
HEADER = {"templateId": "setheader", "title": "Header",
          "parameters": {"x-ms-apimTemplateParameter.name": "X-Client", "x-ms-apimTemplateParameter.value": "flow",
                         "x-ms-apimTemplateParameter.existsAction": "override",
                         "x-ms-apimTemplate-policySection": "Failure"}}


def policies(*items):
    return api_properties(policyTemplateInstances=list(items))


def header(**params):
    return {**HEADER, "parameters": {**HEADER["parameters"], **params}}


def host(**params):
    return {**HOST, "parameters": {**HOST["parameters"], **params}}


test_policy_template = rule_table(
    "policy-template",
    valid=[
        case("documented templates", api_properties=policies(HOST, HEADER), swagger=swagger()),
        case("template ids without case", api_properties=policies({**HOST, "templateId": "DynamicHostUrl"}),
             swagger=swagger()),
        case("operation names not checked without a swagger", api_properties=policies(host(**{
            "x-ms-apimTemplate-operationName": ["Elsewhere"]}))),
        case("route with a documented method", api_properties=policies({"templateId": "routerequesttoendpoint",
            "parameters": {"x-ms-apimTemplateParameter.newPath": "/v2/tasks",
                           "x-ms-apimTemplateParameter.httpMethod": "@Request.OriginalHTTPMethod"}})),
        case("no policies", api_properties=api_properties()),
    ],
    invalid=[
        case("unknown template near a known one", api_properties=policies({**HOST, "templateId": "dynamichostur"}),
             errors=[err(f"{PTI}/0/templateId", "did you mean 'dynamichosturl'")], output=policies(HOST)),
        case("undocumented template is information",
             api_properties=policies({"templateId": "moveproperties", "parameters": {}}),
             errors=[err(f"{PTI}/0/templateId", "not a documented policy template")]),
        case("no template id", api_properties=policies({"title": "x"}), errors=[err(f"{PTI}/0", "no templateId")]),
        case("missing required parameter", api_properties=policies({"templateId": "setheader", "parameters": {
            "x-ms-apimTemplateParameter.name": "X-Client"}}),
             errors=[err(f"{PTI}/0/parameters", "needs 'x-ms-apimTemplateParameter.value'")]),
        case("no parameters", api_properties=policies({"templateId": "updatenextlink"}),
             errors=[err(f"{PTI}/0", "needs 'parameters'")]),
        case("parameter the template does not take", api_properties=policies(host(**{
            "x-ms-apimTemplateParameter.newPath": "/x"})),
             errors=[err(f"{PTI}/0/parameters/x-ms-apimTemplateParameter.newPath", "takes no parameter")]),
        case("undocumented exists action", api_properties=policies(header(**{
            "x-ms-apimTemplateParameter.existsAction": "replace"})),
             errors=[err(f"{PTI}/0/parameters/x-ms-apimTemplateParameter.existsAction", "override, skip, append")]),
        case("Failure section only for setheader", api_properties=policies({
            "templateId": "stringreplace", "parameters": {
                "x-ms-apimTemplateParameter.propertyParentPath": "@body()", "x-ms-apimTemplateParameter.sourceString": "a",
                "x-ms-apimTemplateParameter.replacementString": "b", "x-ms-apimTemplateParameter.newPropertyPath": "c",
                "x-ms-apimTemplate-policySection": "Failure"}}),
             errors=[err(f"{PTI}/0/parameters/x-ms-apimTemplate-policySection", "Request, Response.")]),
        case("operation that is not in the swagger", swagger=swagger(), api_properties=policies(host(**{
            "x-ms-apimTemplate-operationName": ["GetTask", "GetTasks"]})),
             errors=[err(f"{PTI}/0/parameters/x-ms-apimTemplate-operationName/1", "did you mean 'GetTask'")],
             output=policies(host(**{"x-ms-apimTemplate-operationName": ["GetTask", "GetTask"]}))),
        case("operation name as a string: safe wrap", swagger=swagger(), api_properties=policies(host(**{
            "x-ms-apimTemplate-operationName": "GetTask"})),
             errors=[err(f"{PTI}/0/parameters/x-ms-apimTemplate-operationName", "list")], output=policies(HOST)),
        case("not a list", api_properties=api_properties(policyTemplateInstances={"templateId": "setheader"}),
             errors=[err(PTI, "must be a list")]),
    ],
)


def test_dangling_operation_names_are_warnings():
    rule = rules_by_id()["policy-template"]
    ctx = RuleContext(swagger=swagger(), api_properties=policies(host(**{"x-ms-apimTemplate-operationName": ["Zz"]})))
    assert [f.severity for f in run_rule(rule, ctx)] == [Severity.WARNING]
