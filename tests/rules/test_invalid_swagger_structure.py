import copy

from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import Applicability, RuleContext, Severity, split_pointer


def put(doc, ptr, value):
    """A copy of `doc` with `value` at `ptr` (None removes the member)."""
    doc = copy.deepcopy(doc)
    *parents, last = split_pointer(ptr)
    node = doc
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is None:
        del node[last]
    else:
        node[last] = value
    return doc


def renamed(doc, ptr, new):
    doc = copy.deepcopy(doc)
    *parents, last = split_pointer(ptr)
    node = doc
    for key in parents:
        node = node[key]
    items = [(new if k == last else k, v) for k, v in node.items()]
    node.clear()
    node.update(items)
    return doc


BASE = swagger()
ID = "/definitions/Task/properties/id"
LEGIT = put(BASE, "/info/x-ms-keywords", ["tasks", "planning"])
LEGIT = put(LEGIT, "/x-ms-openai-manifest", {"humanName": "Contoso", "modelDescription": "Tasks.",
                                             "contactEmail": "a@contoso.com", "legalUrl": "https://contoso.com"})
LEGIT = put(LEGIT, "/x-ms-capabilities", {"testConnection": {"operationId": "GetTask", "parameters": {"taskId": "1"}}})
LEGIT = put(LEGIT, "/securityDefinitions/oauth", {"type": "oauth2", "flow": "accessCode", "scopes": {},
                                                  "authorizationUrl": "https://a.com", "tokenUrl": "https://t.com"})
LEGIT = put(LEGIT, "/paths/~1tasks~1{taskId}/x-ms-notification-content",
            {"description": "A task.", "schema": {"$ref": "#/definitions/Task"}, "headers": {"X-Sig": {"type": "string"}}})
LEGIT = put(LEGIT, "/definitions/Tags", {"type": "object", "x-ms-editor": "dictionary", "x-nullable": True,
                                         "additionalProperties": {"type": "string"}})
LEGIT = put(LEGIT, f"{ID}/x-ms-visibility", "")

TYPO = put(BASE, f"{ID}/x-ms-visibilty", "advanced")
BASEPATH = renamed(BASE, "/basePath", "basepath")
PARAM = {"name": "id", "in": "path", "type": "string", "x-ms-summary": "ID", "description": "The identifier."}
ARRAY_HEADER = {"name": "ids", "in": "header", "type": "array", "items": {"type": "string"},
                "x-ms-summary": "IDs", "description": "The identifiers."}
UPLOAD = {"name": "file", "in": "formData", "type": "file", "x-ms-summary": "File", "description": "The file."}
DYNAMIC_BODY = {"name": "body", "in": "body", "x-ms-summary": "Body", "description": "The body.",
                "schema": {"type": "object"}}
DYNAMIC_SCHEMA = {"operationId": "GetTask", "value-path": "schema"}
LOOKUP = {"name": "q", "in": "query", "type": "string", "x-ms-summary": "Q", "description": "Q."}
TREE_OPEN = {"operationId": "GetTask"}


def shared(param):
    """The base swagger with `param` as its one shared parameter."""
    return put(BASE, "/parameters", {"p": param})


TWICE = put(put(BASE, "/definitions/A", {"type": "object", "properties": {"x": {"type": "array"}}}),
            "/definitions/B", {"type": "object", "properties": {"x": {"type": "array"}}})
TWICE_FIXED = put(put(TWICE, "/definitions/A/properties/x/items", {"type": "string"}),
                  "/definitions/B/properties/x/items", {"type": "string"})

test_table = rule_table(
    "invalid-swagger-structure",
    valid=[
        case("a clean connector", swagger=BASE),
        case("keys certified connectors use", swagger=LEGIT),
        case("x- vendor extensions", swagger=put(BASE, f"{ID}/x-nullable", True)),
        case("no swagger file", swagger=None),
        case("collectionFormat multi on a query parameter",
             swagger=shared({**ARRAY_HEADER, "in": "query", "collectionFormat": "multi"})),
        case("x-ms-dynamic-schema inside a body parameter's schema",
             swagger=shared({**DYNAMIC_BODY, "schema": {"type": "object", "x-ms-dynamic-schema": DYNAMIC_SCHEMA}})),
        case("US-ASCII formData parameter name", swagger=shared(UPLOAD)),
        case("x-ms-dynamic-values with an operationId",
             swagger=shared({**LOOKUP, "x-ms-dynamic-values": {"operationId": "GetTask", "value-path": "id"}})),
        case("extension name in lower case", swagger=put(BASE, f"{ID}/x-custom", 1)),
        case("x-ms-docs with an item",
             swagger=put(BASE, "/x-ms-docs", [{"url": "https://contoso.com/docs", "description": "Docs."}])),
        case("selectedItemValuePath in browse", swagger=shared({**LOOKUP, "x-ms-dynamic-tree": {
            "open": TREE_OPEN, "browse": {"operationId": "GetTask", "selectedItemValuePath": "id"}}})),
    ],
    invalid=[
        case("misspelled extension renamed", swagger=TYPO,
             errors=[err(f"{ID}/x-ms-visibilty", "did you mean 'x-ms-visibility'")],
             output=put(BASE, f"{ID}/x-ms-visibility", "advanced")),
        case("misspelled root key", swagger=BASEPATH, errors=[err("/basepath", "did you mean 'basePath'")],
             output=BASE),
        case("allowed value in the wrong case", swagger=put(BASE, f"{ID}/x-ms-visibility", "Advanced"),
             errors=[err(f"{ID}/x-ms-visibility", "not 'Advanced'")],
             output=put(BASE, f"{ID}/x-ms-visibility", "advanced")),
        case("OpenAPI 3", swagger=put(BASE, "/swagger", "3.0"), errors=[err("/swagger", "OpenAPI 3")]),
        case("websocket scheme", swagger=put(BASE, "/schemes", ["https", "wss"]),
             errors=[err("/schemes/1", "WebSocket", code="SchemeNotSupported")], output=BASE),
        case("duplicate scheme", swagger=put(BASE, "/schemes", ["https", "https"]),
             errors=[err("/schemes/1", "listed twice")], output=BASE),
        case("info without version", swagger=put(BASE, "/info/version", None), errors=[err("/info", "needs 'version'")]),
        case("shared path parameter not required", swagger=put(BASE, "/parameters", {"id": PARAM}),
             errors=[err("/parameters/id", "\"required\": true", code="PathParameterMustBeRequired")],
             output=put(BASE, "/parameters", {"id": {**PARAM, "required": True}})),
        case("known extension misplaced", swagger=put(BASE, "/definitions/Task/x-ms-trigger", "single"),
             errors=[err("/definitions/Task/x-ms-trigger", "it belongs in operations")]),
        case("unknown extension", swagger=put(BASE, f"{ID}/x-ms-secret", True),
             errors=[err(f"{ID}/x-ms-secret", "not an extension Power Platform knows")],
             output=put(BASE, f"{ID}/x-secret", True)),
        case("apiKey scheme without 'in'", swagger=put(BASE, "/securityDefinitions/api_key/in", None),
             errors=[err("/securityDefinitions/api_key", "needs 'in'", code="SecuritySchemePropertyRequired")]),
        case("host with a scheme", swagger=put(BASE, "/host", "https://api.contoso.com"), errors=[err("/host", "host", code="HostNameNotValid")]),
        case("empty enum", swagger=put(BASE, f"{ID}/enum", []), errors=[err(f"{ID}/enum", "at least one value", code="EnumMustContainAtLeastOneElement")]),
        case("wrong type", swagger=put(BASE, f"{ID}/description", 3), errors=[err(f"{ID}/description", "a string")]),
        case("the same error in two identical places", swagger=TWICE,
             errors=[err("/definitions/A/properties/x", "needs 'items'", code="ArrayHasNoItems"),
                     err("/definitions/B/properties/x", "needs 'items'")], output=TWICE_FIXED),
        case("exclusiveMaximum without maximum", swagger=put(BASE, f"{ID}/exclusiveMaximum", True),
             errors=[err(f"{ID}/exclusiveMaximum", "needs 'maximum'", code="ExclusiveMaximumRequiresMaximum")], output=BASE),
        case("file type inside a schema", swagger=put(BASE, f"{ID}/type", "file"),
             errors=[err(f"{ID}/type", "Type 'file' is only allowed", code="SchemaTypeFileNotValid")]),
        case("collectionFormat multi on a header parameter",
             swagger=shared({**ARRAY_HEADER, "collectionFormat": "multi"}),
             errors=[err("/parameters/p/collectionFormat", "'multi' is only for query and formData",
                         code="CollectionFormatValueNotSupported")]),
        case("x-ms-dynamic-schema on a body parameter",
             swagger=shared({**DYNAMIC_BODY, "x-ms-dynamic-schema": DYNAMIC_SCHEMA}),
             errors=[err("/parameters/p/x-ms-dynamic-schema", "belongs inside the body parameter's 'schema'",
                         code="DynamicExtensionDefinitionNotAllowedInParameter")],
             output=shared({**DYNAMIC_BODY, "schema": {"type": "object", "x-ms-dynamic-schema": DYNAMIC_SCHEMA}})),
        case("non-ASCII formData parameter name", swagger=shared({**UPLOAD, "name": "fichier-joint-é"}),
             errors=[err("/parameters/p/name", "US-ASCII", code="InvalidFormDataParameterName")]),
        case("x-ms-dynamic-values without an operation",
             swagger=shared({**LOOKUP, "x-ms-dynamic-values": {"value-path": "id"}}),
             errors=[err("/parameters/p/x-ms-dynamic-values", "needs one of 'operationId'",
                         code="OneOfPropertiesRequired")]),
        case("extension name in upper case", swagger=put(BASE, f"{ID}/X-custom", 1),
             errors=[err(f"{ID}/X-custom", "start with a lower-case 'x-'", code="ExtensionNameNotValid")],
             output=put(BASE, f"{ID}/x-custom", 1)),
        case("empty x-ms-docs", swagger=put(BASE, "/x-ms-docs", []),
             errors=[err("/x-ms-docs", "must not be empty", code="RequiredValueEmpty")]),
        case("selectedItemValuePath in the tree settings", swagger=shared({**LOOKUP, "x-ms-dynamic-tree": {
            "open": TREE_OPEN, "settings": {"selectedItemValuePath": "id"}}}),
             errors=[err("/parameters/p/x-ms-dynamic-tree/settings/selectedItemValuePath", "only allowed in 'browse'",
                         code="SelectedItemValuePathNotAllowedInThisPosition")],
             output=shared({**LOOKUP, "x-ms-dynamic-tree": {"open": TREE_OPEN, "settings": {}}})),
    ],
)


def findings(doc):
    return run_rule(rules_by_id()["invalid-swagger-structure"], RuleContext(swagger=doc))


def test_findings_carry_the_validator_code_and_severity():
    (typo,) = findings(TYPO)
    assert typo.validator_code == "AdditionalPropertyNotAllowed"
    assert typo.severity is Severity.WARNING
    assert typo.fixes[0].applicability is Applicability.SAFE
    (version,) = findings(put(BASE, "/swagger", "3.0"))
    assert version.validator_code == "SpecificationVersionIncorrect" and version.severity is None
    (fmt,) = findings(put(BASE, f"{ID}/format", "guid"))
    assert fmt.validator_code == "UnrecognizedTypeFormat" and fmt.severity is Severity.INFORMATION


def test_no_rename_onto_a_key_that_is_already_there():
    doc = put(TYPO, f"{ID}/x-ms-visibility", "important")
    (finding,) = findings(doc)
    assert "did you mean" not in finding.message
    assert all(e.new_key != "x-ms-visibility" for f in finding.fixes for e in f.edits)


def test_did_you_mean_is_unambiguous_only_with_one_best_candidate():
    from connector_lint_rules._known_keys import did_you_mean

    assert did_you_mean("x-ms-visibilty", ["x-ms-visibility", "x-ms-summary"]) == (["x-ms-visibility"], True)
    assert did_you_mean("x-ms-summary:", ["x-ms-summary"]) == (["x-ms-summary"], True)
    assert did_you_mean("pats", ["path", "pass"]) == (["pass", "path"], False)
    assert did_you_mean("x-ms-mutability", ["x-ms-visibility"]) == ([], False)


def test_documents_of_any_shape_do_not_crash():
    for value in ([], "text", 3, {"paths": []}, {"paths": {"/a": []}, "definitions": {"A": 3}}):
        assert isinstance(findings(value), list)


def _schema_codes(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("x-code", "x-additional-code") and isinstance(value, str):
                found.add(value)
            elif key in ("x-codes", "x-dependency-codes"):
                found.update(value.values())
            else:
                _schema_codes(value, found)
    elif isinstance(node, list):
        for value in node:
            _schema_codes(value, found)
    return found


def test_the_docs_list_every_code_the_schema_reports():
    from connector_lint_rules._schema import schema_document

    codes = _schema_codes(schema_document(), {"AdditionalPropertyNotAllowed", "JsonTypeIncorrect",
                                              "JsonValueNotInEnum", "RequiredPropertyMissing", "ArrayDuplicateValue",
                                              "ExtensionNameNotValid", "OneOfPropertiesRequired"})
    docs = rules_by_id()["invalid-swagger-structure"].docs
    assert sorted(c for c in codes if f"`{c}`" not in docs) == []


def test_every_known_extension_is_in_the_schema_and_the_reverse():
    from connector_lint_rules._known_keys import EXTENSIONS
    from connector_lint_rules._schema import schema_document

    in_schema = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    in_schema.update(k for k in value if k.startswith("x-ms-"))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema_document())
    assert in_schema == set(EXTENSIONS)


def test_the_schema_is_a_valid_draft_7_schema():
    from jsonschema import Draft7Validator

    from connector_lint_rules._schema import schema_document

    Draft7Validator.check_schema(schema_document())


def test_validator_coverage_page_is_consistent_with_the_catalogue():
    """docs/validator-coverage.md: each code once; a named rule exists and documents the code; a code
    that is not checked says why; every rule's own validator code is on the page."""
    import re
    from pathlib import Path

    from connector_lint_rules import all_rules

    page = Path(__file__).resolve().parents[2] / "docs" / "validator-coverage.md"
    rows = [line.split("|")[1:-1] for line in page.read_text(encoding="utf-8").splitlines()
            if line.startswith("| `")]
    codes = [r[0].strip().strip("`") for r in rows]
    assert len(codes) == len(set(codes)) == 174
    rules = rules_by_id()
    for code, _, rule_cell, reason in ((c, *(x.strip() for x in r[1:])) for c, r in zip(codes, rows)):
        named = re.findall(r"\[([a-z0-9-]+)\]", rule_cell)
        if named:
            for rule_id in named:
                rule = rules.get(rule_id)
                assert rule is not None, f"{code}: no rule {rule_id}"
                assert rule.validator_code == code or re.search(rf"(?<![A-Za-z]){code}(?![A-Za-z])", rule.docs), \
                    f"{rule_id} does not document {code}"
        else:
            assert reason, f"{code} is not checked and gives no reason"
    for rule in all_rules():
        assert rule.validator_code is None or rule.validator_code in codes, rule.id


OP = "/paths/~1tasks~1{taskId}/get"
QUERY = {"name": "q", "in": "query", "type": "string", "x-ms-summary": "Q", "description": "Q."}
BODY = {"name": "body", "in": "body", "x-ms-summary": "B", "description": "B.", "schema": {"type": "object"}}
# One swagger per validator code this rule reports: (pointer, value) pairs set on the base swagger.
CODE_CASES = {
    "AdditionalPropertyNotAllowedAdjacentToRef": [(ID, {"$ref": "#/definitions/Task", "type": "string"})],
    "ArrayDuplicateValue": [("/schemes", ["https", "https"])],
    "JsonTypeIncorrect": [("/info/version", 5)],
    "JsonValueNotInEnum": [("/parameters/p", {**QUERY, "in": "cookie"})],
    "AllowEmptyValueOnlyValidForQueryFormData": [("/parameters/p", {**QUERY, "in": "header", "allowEmptyValue": True})],
    "BasePathNotValid": [("/basePath", "v1")],
    "BodyParameterPropertyNotValid": [("/parameters/p", {**BODY, "type": "string"})],
    "BodyParameterSchemaRequired": [("/parameters/p", {k: v for k, v in BODY.items() if k != "schema"})],
    "ExclusiveMinimumRequiresMinimum": [(f"{ID}/exclusiveMinimum", True)],
    "FileParameterMustBeInFormData": [("/parameters/p", {**QUERY, "type": "file"})],
    "FilterFunctionsPropertyEmpty": [("/definitions/Task/filterFunctions", [])],
    "FilterFunctionsPropertyHasDuplicates": [("/definitions/Task/filterFunctions", ["eq", "eq"])],
    "MaxItemsMustBeGreaterThanOrEqualToZero": [(f"{ID}/maxItems", -1)],
    "MaxLengthMustBeGreaterThanOrEqualToZero": [(f"{ID}/maxLength", -1)],
    "MaxPropertiesMustBeGreaterThanOrEqualToZero": [("/definitions/Task/maxProperties", -1)],
    "MimeTypeNotValid": [("/consumes", ["json"])],
    "MinItemsMustBeGreaterThanOrEqualToZero": [(f"{ID}/minItems", -1)],
    "MinLengthMustBeGreaterThanOrEqualToZero": [(f"{ID}/minLength", -1)],
    "MinPropertiesMustBeGreaterThanOrEqualToZero": [("/definitions/Task/minProperties", -1)],
    "MissingEnumValuesDisplayName": [("/parameters/p", {**QUERY, "enum": ["a"], "x-ms-enum-values": [{"value": "a"}]})],
    "MultipleOfMustBeGreaterThanZero": [(f"{ID}/multipleOf", 0)],
    "NonBodyParameterSchemaNotValid": [("/parameters/p", {**QUERY, "schema": {"type": "string"}})],
    "PathItemRefNotSuppored": [("/paths/~1other", {"$ref": "#/paths/~1tasks~1{taskId}"})],
    "RequiredPropertyArrayEmpty": [("/definitions/Task/required", [])],
    "RequiredPropertyNotOnObject": [(f"{ID}/required", ["x"])],
    "SchemeNotValid": [("/schemes", ["ftp"])],
    "SchemesArrayEmpty": [("/schemes", [])],
    "SecuritySchemePropertyNotValid": [("/securityDefinitions/api_key/flow", "implicit")],
    "SwaggerKeywordNotSupported": [(f"{ID}/uniqueItems", True)],
}


def test_each_validator_code_is_reported():
    rule = rules_by_id()["invalid-swagger-structure"]
    missed = {}
    for code, edits in sorted(CODE_CASES.items()):
        doc = {**BASE, "parameters": {}}
        for ptr, value in edits:
            doc = put(doc, ptr, value)
        found = [(f.pointer, f.validator_code or rule.validator_code) for f in run_rule(rule, RuleContext(swagger=doc))]
        where = edits[-1][0]
        if not any(c == code and (p == where or p.startswith(where + "/")) for p, c in found):
            missed[code] = found
    assert missed == {}
