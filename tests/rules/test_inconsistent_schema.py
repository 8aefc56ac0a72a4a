from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, Severity

T = "/definitions/Task"


def with_task(**fields):
    doc = swagger()
    doc["definitions"]["Task"].update(fields)
    return doc


def with_id(**fields):
    doc = swagger()
    doc["definitions"]["Task"]["properties"]["id"].update(fields)
    return doc


def as_input(schema):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["post"] = {
        "operationId": "Add", "responses": {"200": {"description": "OK"}},
        "parameters": [{"name": "body", "in": "body", "schema": schema}]}
    return doc


LOOP = swagger()
LOOP["definitions"] = {"A": {"type": "object", "required": ["b"], "properties": {"b": {"$ref": "#/definitions/B"}}},
                       "B": {"type": "object", "required": ["a"], "properties": {"a": {"$ref": "#/definitions/A"}}}}

test_table = rule_table(
    "inconsistent-schema",
    valid=[case("consistent", swagger=with_id(minLength=1, maxLength=5, pattern="^(?<id>[0-9]+)\\z")),
           case("required name from additional properties", swagger=with_task(required=["x"],
                                                                              additionalProperties=True)),
           case("read-only required in a response", swagger=with_task(required=["id"])),
           case(".NET unicode classes are not judged", swagger=with_id(pattern="^\\p{L}+$")),
           case("recursion through an optional property", swagger=swagger() | {"definitions": {
               "A": {"type": "object", "properties": {"a": {"$ref": "#/definitions/A"}}}}})],
    invalid=[
        case("min above max", swagger=with_id(minLength=5, maxLength=3), errors=[err(f"{T}/properties/id/minLength", code="MinLengthShouldBeLessThanOrEqualToMaxLength")]),
        case("bad pattern", swagger=with_id(pattern="(["), errors=[err(f"{T}/properties/id/pattern", "not a valid", code="PatternShouldBeValidRegularExpression")]),
        case("repetition count past the engine's limit: the other findings stay",
             swagger=with_id(pattern="a{4294967296}", minLength=5, maxLength=3),
             errors=[err(f"{T}/properties/id/minLength"), err(f"{T}/properties/id/pattern", "too large")]),
        case("a thousand nested groups", swagger=with_id(pattern="(" * 1000 + "a" + ")" * 1000),
             errors=[err(f"{T}/properties/id/pattern", "not a valid")]),  # RecursionError or re.error
        case("required name without property", swagger=with_task(required=["id", "owner"]),
             errors=[err(f"{T}/required/1", "'owner' is required", code="RequiredPropertyDefinitionMissing")], output=with_task(required=["id"])),
        case("discriminator not required", swagger=with_task(discriminator="name"),
             errors=[err(f"{T}/discriminator", "required string property", code="DiscriminatorMustBeARequiredStringProperty")]),
        case("read-only required input", swagger=as_input({"type": "object", "required": ["id"], "properties": {
            "id": {"type": "string", "readOnly": True}}}),
             errors=[err("/paths/~1tasks~1{taskId}/post/parameters/0/schema/properties/id/readOnly", "read-only", code="RequiredReadOnlyPropertyNotAllowedAsInput")]),
        case("required loop", swagger=LOOP, errors=[err("/definitions/B/required/0", "loop", code="RequiredLoopInSchemaNotAllowed")]),
        case("nested file content", swagger=as_input({"type": "object", "properties": {
            "file": {"type": "string", "format": "binary"}}}),
             errors=[err("/paths/~1tasks~1{taskId}/post/parameters/0/schema/properties/file/format", "File content", code="InvalidStringBinaryProperty")]),
        case("dictionary editor on a string", swagger=with_id(**{"x-ms-editor": "dictionary"}),
             errors=[err(f"{T}/properties/id/x-ms-editor", "dictionary editor", code="InvalidCustomEditorExtensionDictionaryValue")]),
        case("filter functions in a request", swagger=as_input({"type": "object", "filterFunctions": ["eq"]}),
             errors=[err("/paths/~1tasks~1{taskId}/post/parameters/0/schema/filterFunctions", "response schemas", code="FilterFunctionsPropertyInInputSchema")]),
    ],
)


def test_bound_checks_are_warnings():
    (finding,) = run_rule(rules_by_id()["inconsistent-schema"], RuleContext(swagger=with_id(minimum=5, maximum=1)))
    assert finding.validator_code == "MinimumShouldBeLessThanOrEqualToMaximum"
    assert finding.severity is Severity.WARNING


def test_min_items_above_max_items():
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import RuleContext
    from ruletester import swagger

    doc = swagger()
    doc["definitions"]["Task"]["properties"]["id"] = {"type": "array", "items": {"type": "string"}, "minItems": 3,
                                                      "maxItems": 1}
    rule = rules_by_id()["inconsistent-schema"]
    codes = [f.validator_code or rule.validator_code for f in run_rule(rule, RuleContext(swagger=doc))]
    assert codes == ["MinItemsShouldBeLessThanOrEqualToMaxItems"]
