from ruletester import api_properties, case, err, rule_table

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import Preset, RuleContext, Severity

PTR = "/properties/iconBrandColor"
IP = Preset.INDEPENDENT_PUBLISHER


def color(value):
    doc = api_properties()
    if value is None:
        del doc["properties"]["iconBrandColor"]
    else:
        doc["properties"]["iconBrandColor"] = value
    return doc


test_brand_color = rule_table(
    "brand-color",
    valid=[
        case("brand colour", api_properties=color("#0b6cbd")),
        case("upper-case hex", api_properties=color("#0B6CBD")),
        case("light grey is not white", api_properties=color("#f2f2f2")),
        case("independent publisher orange", api_properties=color("#da3b01"), preset=IP),
        case("independent publisher orange in upper case", api_properties=color("#DA3B01"), preset=IP),
        case("custom connectors may keep the default blue", api_properties=color("#007ee5"), preset=Preset.CUSTOM),
    ],
    invalid=[
        case("white", api_properties=color("#FFFFFF"), errors=[err(PTR, "white")]),
        case("default blue", api_properties=color("#007ee5"), errors=[err(PTR, "default custom-connector blue")]),
        case("white to the eye", api_properties=color("#fefefe"), errors=[err(PTR, "white to the eye")]),
        case("the independent-publisher colour on a certified connector", api_properties=color("#da3b01"),
             errors=[err(PTR, "independent-publisher")]),
        case("missing", api_properties=color(None), errors=[err("/properties", "no 'iconBrandColor'")]),
        case("missing for an independent publisher: safe insert", api_properties=color(None), preset=IP,
             errors=[err("/properties", "no 'iconBrandColor'")], output=color("#da3b01")),
        case("independent publisher with another colour: safe fix", api_properties=color("#0b6cbd"), preset=IP,
             errors=[err(PTR, "#da3b01")], output=color("#da3b01")),
        case("no hash", api_properties=color("0b6cbd"), errors=[err(PTR, "hex colour")], output=color("#0b6cbd")),
        case("short form", api_properties=color("#FA0"), errors=[err(PTR, "hex colour")], output=color("#ffaa00")),
        case("named colour: no fix", api_properties=color("orange"), errors=[err(PTR, "hex colour")]),
        case("format still checked for custom connectors", api_properties=color("blue"), preset=Preset.CUSTOM,
             errors=[err(PTR, "hex colour")]),
    ],
)


def test_tiers():
    rule = rules_by_id()["brand-color"]
    near_white = run_rule(rule, RuleContext(api_properties=color("#fdfdfd")))
    assert [f.severity for f in near_white] == [Severity.INFORMATION]
    assert rule.severity is Severity.ERROR and rule.severity_for(Preset.CUSTOM) is Severity.WARNING
