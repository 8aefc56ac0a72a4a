from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext, Severity


def described(text):
    doc = swagger()
    doc["info"]["description"] = text
    return doc


test_description_product_names = rule_table(
    "description-product-names",
    valid=[
        case("no product", swagger=swagger()),
        case("power and apps apart", swagger=described("Power your apps and automate your logic with Contoso.")),
        case("inside other words", swagger=described("Contoso SuperPowerBIg handles logicapps2 for teams daily.")),
        case("not a string", swagger=described(["Power Apps"])),
    ],
    invalid=[
        case("validator name", swagger=described("Use Contoso Tasks in Power Automate to track your work."),
             errors=[err("/info/description", "'Power Automate'", span=(21, 35), code="ValueContainsRestrictedWords")]),
        case("any case and spacing", swagger=described("Build power  apps and LOGIC APPS with Contoso data."),
             errors=[err("/info/description", "'Power Apps'", span=(6, 17)),
                     err("/info/description", "'Logic Apps'", span=(22, 32))]),
        case("docs name", swagger=described("Contoso reports that refresh your Power BI dashboards."),
             errors=[err("/info/description", "'Power BI'")]),
        case("Copilot Studio", swagger=described("Contoso answers questions in Microsoft Copilot Studio agents."),
             errors=[err("/info/description", "'Copilot Studio'", span=(29, 53))]),
    ],
)


def test_tiers():
    rule = rules_by_id()["description-product-names"]
    text = "Contoso works with Power Automate, PowerApps and Microsoft Flow."
    findings = run_rule(rule, RuleContext(swagger=described(text)))
    assert [(f.span, f.severity) for f in findings] == [
        ((19, 33), None), ((35, 44), Severity.WARNING), ((49, 63), Severity.WARNING)]
