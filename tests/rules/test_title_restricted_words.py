from ruletester import case, err, rule_table, swagger

test_title_restricted_words = rule_table(
    "title-restricted-words",
    valid=[
        case("plain name", swagger=swagger(title="Contoso Tasks")),
        case("inside a word", swagger=swagger(title="OptiAPI")),
        case("plural is another word", swagger=swagger(title="Contoso Connectors")),
        case("api in a word", swagger=swagger(title="Rapid Platform")),
        case("power as a word", swagger=swagger(title="Power Tools Pro")),
        case("not a string", swagger=swagger(title=None)),
    ],
    invalid=[
        case("API at the end", swagger=swagger(title="Contoso Tasks API"),
             errors=[err("/info/title", "'API'", span=(14, 17), code="ValueContainsRestrictedWords")], output=swagger(title="Contoso Tasks")),
        case("Connector at the start, any case", swagger=swagger(title="connector Contoso"),
             errors=[err("/info/title", "'Connector'", span=(0, 9))], output=swagger(title="Contoso")),
        case("in the middle", swagger=swagger(title="Contoso API Tasks"),
             errors=[err("/info/title", "'API'")], output=swagger(title="Contoso Tasks")),
        case("product name", swagger=swagger(title="Contoso for Power Automate"),
             errors=[err("/info/title", "product name 'Power Automate'", span=(12, 26))],
             output=swagger(title="Contoso")),
        case("run-together product name", swagger=swagger(title="Cards for PowerApps"),
             errors=[err("/info/title", "'Power Apps'")], output=swagger(title="Cards")),
        case("removal would leave brackets: suggestion tidies", swagger=swagger(title="Contoso (API)"),
             errors=[err("/info/title", "'API'")], output=swagger(title="Contoso")),
        case("nothing would be left: no fix", swagger=swagger(title="API"), errors=[err("/info/title", "'API'")]),
        case("two words, two findings", swagger=swagger(title="API Connector"),
             errors=[err("/info/title", "'API'", span=(0, 3)), err("/info/title", "'Connector'", span=(4, 13))]),
    ],
)


def test_safe_only_when_well_formed():
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import Applicability, RuleContext

    rule = rules_by_id()["title-restricted-words"]

    def applicability(title):
        [finding] = run_rule(rule, RuleContext(swagger=swagger(title=title)))
        return finding.fixes[0].applicability

    assert applicability("Contoso API") is Applicability.SAFE
    assert applicability("Robots for Power BI") is Applicability.SUGGESTION
    assert applicability("Contoso - API") is Applicability.SUGGESTION
