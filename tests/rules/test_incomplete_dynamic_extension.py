from ruletester import case, err, rule_table, swagger

GET = {"operationId": "GetFields", "parameters": [{"name": "table", "in": "query", "type": "string"}],
       "responses": {"200": {"description": "OK"}}}


def connector(extensions, body_property="table"):
    doc = swagger()
    doc["paths"]["/fields"] = {"get": GET}
    doc["paths"]["/tasks/{taskId}"]["post"] = {
        "operationId": "AddRow", "responses": {"200": {"description": "OK"}},
        "parameters": [doc["paths"]["/tasks/{taskId}"]["get"]["parameters"][0],
                       {"name": "body", "in": "body", "schema": {"type": "object", "properties": {
                           body_property: {"type": "string"}, "row": {"type": "object", **extensions}}}}]}
    return doc


VALUES = {"operationId": "GetFields", "parameters": {"table": {"parameter": "table"}}, "value-path": "name"}
LIST = {"operationId": "GetFields", "parameters": {"table": {"parameterReference": "table"}}, "itemValuePath": "name"}
SCHEMA = {"operationId": "GetFields", "parameters": {"table": {"parameter": "table"}}, "value-path": "schema/properties"}
PROPS = {"operationId": "GetFields", "parameters": {"table": {"parameterReference": "table"}},
         "itemValuePath": "schema"}
ROW = "/paths/~1tasks~1{taskId}/post/parameters/1/schema/properties/row"

test_table = rule_table(
    "incomplete-dynamic-extension",
    valid=[case("references a parameter", swagger=connector({"x-ms-dynamic-values": VALUES}, body_property="other")),
           case("with its companion", swagger=connector({"x-ms-dynamic-values": VALUES, "x-ms-dynamic-list": LIST})),
           case("schema with matching properties", swagger=connector({"x-ms-dynamic-schema": SCHEMA,
                                                                      "x-ms-dynamic-properties": PROPS}))],
    invalid=[
        case("refers to a body property", swagger=connector({"x-ms-dynamic-values": VALUES}),
             errors=[err(f"{ROW}/x-ms-dynamic-values", "needs 'x-ms-dynamic-list'", code="DynamicListExtensionRequiredForNonParameterReferences")],
             output=connector({"x-ms-dynamic-values": VALUES, "x-ms-dynamic-list": LIST})),
        case("properties value-path", swagger=connector({"x-ms-dynamic-schema": SCHEMA}, body_property="other"),
             errors=[err(f"{ROW}/x-ms-dynamic-schema", "points at 'properties'", code="DynamicPropertiesExtensionRequiredForPropertiesValuePath")],
             output=connector({"x-ms-dynamic-schema": SCHEMA, "x-ms-dynamic-properties": PROPS}, body_property="other")),
        case("item value path mismatch", swagger=connector({"x-ms-dynamic-schema": SCHEMA, "x-ms-dynamic-properties": {
            **PROPS, "itemValuePath": "schema/properties"}}),
             errors=[err(f"{ROW}/x-ms-dynamic-properties/itemValuePath", "should be 'schema'", code="DynamicPropertiesItemValuePathMismatch")],
             output=connector({"x-ms-dynamic-schema": SCHEMA, "x-ms-dynamic-properties": PROPS})),
        case("file picker without a tree", swagger=connector({"x-ms-dynamic-values": {"capability": "file-picker"}}),
             errors=[err(f"{ROW}/x-ms-dynamic-values", "needs 'x-ms-dynamic-tree'", code="DynamicTreeExtensionMissing")]),
    ],
)


def test_ambiguous_and_non_parameter_reference_codes():
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import RuleContext

    rule = rules_by_id()["incomplete-dynamic-extension"]

    def codes(extensions, body_property):
        doc = connector(extensions, body_property)
        return [f.validator_code or rule.validator_code for f in run_rule(rule, RuleContext(swagger=doc))]

    on_task_id = {"table": {"parameter": "taskId"}}
    assert codes({"x-ms-dynamic-values": {**VALUES, "parameters": on_task_id}}, "taskId") == [
        "DynamicListExtensionRequiredForAmbiguousReferences"]
    assert codes({"x-ms-dynamic-schema": {**SCHEMA, "value-path": "schema", "parameters": on_task_id}}, "taskId") == [
        "DynamicPropertiesExtensionRequiredForAmbiguousReferences"]
    assert codes({"x-ms-dynamic-schema": {**SCHEMA, "value-path": "schema"}}, "table") == [
        "DynamicPropertiesExtensionRequiredForNonParameterReferences"]
