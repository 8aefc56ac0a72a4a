from ruletester import case, err, rule_table, swagger

PTR = "/x-ms-connector-metadata/2/propertyValue"


def categories(value, name="Categories"):
    doc = swagger()
    doc["x-ms-connector-metadata"][2] = {"propertyName": name, "propertyValue": value}
    return doc


test_connector_categories = rule_table(
    "connector-categories",
    valid=[
        case("two categories", swagger=categories("Productivity;Collaboration")),
        case("one category with spaces", swagger=categories(" Sales and CRM ")),
        case("separator with a space", swagger=categories("AI; Data")),
        case("property name matched without case", swagger=categories("Data", name="categories")),
        case("no categories item: connector-metadata-required reports it",
             swagger=swagger(**{"x-ms-connector-metadata": []})),
    ],
    invalid=[
        case("unknown category with a near one", swagger=categories("Productivity;Colaboration"),
             errors=[err(PTR, "did you mean 'Collaboration'", span=(13, 25), code="InvalidConnectorCategory")],
             output=categories("Productivity;Collaboration")),
        case("unknown category with nothing near", swagger=categories("Blockchain"),
             errors=[err(PTR, "'Blockchain' is not an allowed category.")]),
        case("case variant is information with a safe fix", swagger=categories("Social media"),
             errors=[err(PTR, "written 'Social Media'", span=(0, 12))], output=categories("Social Media")),
        case("three categories: keep the first two (unsafe)", swagger=categories("AI;Data;Security"),
             errors=[err(PTR, "3 categories", span=(8, 16), code="TooManyConnectorCategories")], output=categories("AI;Data")),
        case("empty value", swagger=categories(" ; "), errors=[err(PTR, "no category", code="RequiredValueEmpty")]),
        case("trailing separator", swagger=categories("AI;Data;"), errors=[err(PTR, "empty entry")],
             output=categories("AI;Data")),
        case("commas instead of semicolons", swagger=categories("AI, data"),
             errors=[err(PTR, "use ';'", span=(0, 8))], output=categories("AI;Data")),
        case("not a string", swagger=categories(["AI"]), errors=[err(PTR, "must be a string")]),
    ],
)


def test_case_variants_are_information_and_unknown_ones_errors():
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import RuleContext, Severity

    rule = rules_by_id()["connector-categories"]
    findings = run_rule(rule, RuleContext(swagger=categories("website;Blockchain")))
    assert [f.severity for f in findings] == [Severity.INFORMATION, None]
    assert rule.severity is Severity.ERROR
