from ruletester import case, err, rule_table, swagger

GET = swagger()["paths"]["/tasks/{taskId}"]["get"]


def with_operations(n):
    doc = swagger()
    doc["paths"] = {f"/t{i}": {"get": {**GET, "operationId": f"Op{i}", "parameters": []}} for i in range(n)}
    return doc


def with_body(width):
    doc = swagger()
    doc["definitions"]["Wide"] = {"type": "object", "properties": {f"p{i}": {"type": "string"} for i in range(width)}}
    doc["paths"]["/tasks/{taskId}"]["post"] = {**GET, "operationId": "Add", "parameters": [
        {"name": "body", "in": "body", "schema": {"type": "object", "properties": {
            "a": {"$ref": "#/definitions/Wide"}, "b": {"$ref": "#/definitions/Wide"}}}}]}
    return doc


test_table = rule_table(
    "size-limit-exceeded",
    valid=[case("few operations", swagger=with_operations(3)),
           case("limits from options", swagger=with_operations(5), options={"max_operations": 5}),
           case("a recursive definition counts once per path", swagger=swagger() | {"definitions": {
               "Node": {"type": "object", "properties": {"child": {"$ref": "#/definitions/Node"}}}}})],
    invalid=[
        case("too many operations", swagger=with_operations(6), options={"max_operations": 5},
             errors=[err("/paths", "6 operations; the limit is 5", code="TotalOperationsCountExceedsMaxAllowed")]),
        case("body too large", swagger=with_body(10), options={"max_body_schemas": 20},
             errors=[err("/paths/~1tasks~1{taskId}/post", "request body", code="BodySchemaCountExceedsMaxAllowed")]),
        case("operation too large", swagger=with_body(10), options={"max_schemas_per_operation": 20},
             errors=[err("/paths/~1tasks~1{taskId}/post", "has 26 schemas", code="OperationSchemaCountExceedsMaxAllowed")]),
        case("all operations too large", swagger=with_body(10), options={"max_total_schemas": 20},
             errors=[err("/paths", "in all", code="TotalSchemaCountExceedsMaxAllowed")]),
    ],
)


def test_a_kept_lint_recounts_only_the_operations_that_changed(monkeypatch):
    """Where lints keep state (`RuleContext.store`, the language server), an operation's counts are
    kept while it is the same object; an operation referring to another's parameter is recounted."""
    from connector_lint_rules import size_limit_exceeded as rule
    from connector_lint_rules._api import RuleContext

    counted = []
    real = rule._counts
    monkeypatch.setattr(rule, "_counts", lambda counter, op: (counted.append(op["operationId"]), real(counter, op))[1])
    doc = with_body(10)
    doc["paths"]["/other"] = {"get": {**GET, "operationId": "Other", "parameters": [
        {"$ref": "#/paths/~1tasks~1{taskId}/post/parameters/0"}]}}
    options = {**rule.RULE.options, "max_schemas_per_operation": 20}
    store: dict = {}

    def lint():
        counted.clear()
        ctx = RuleContext(swagger=doc, store=store, options=options)
        return sorted(f.message for f in rule.check(ctx))

    first = lint()
    assert sorted(counted) == ["Add", "GetTask", "Other"] and len(first) == 2
    assert lint() == first and counted == ["Other"]
    doc["paths"]["/tasks/{taskId}"] = {**doc["paths"]["/tasks/{taskId}"], "post": {
        **doc["paths"]["/tasks/{taskId}"]["post"], "parameters": [{"name": "body", "in": "body", "schema": {}}]}}
    assert lint() == [] and sorted(counted) == ["Add", "Other"]
