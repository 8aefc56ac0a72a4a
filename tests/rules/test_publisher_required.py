from ruletester import api_properties, case, err, rule_table

from connector_lint_rules import rules_by_id
from connector_lint_rules._api import Preset, Severity


def props(**changes):
    doc = api_properties()
    for key, value in changes.items():
        if value is None:
            del doc["properties"][key]
        else:
            doc["properties"][key] = value
    return doc


def renamed(old, new):
    doc = api_properties()
    doc["properties"] = {(new if k == old else k): v for k, v in doc["properties"].items()}
    return doc


test_publisher_required = rule_table(
    "publisher-required",
    valid=[
        case("publisher given", api_properties=api_properties()),
        case("company name with punctuation", api_properties=props(publisher="Contoso, Inc.")),
        case("no properties object is another rule's", api_properties={"$schema": "x"}),
    ],
    invalid=[
        case("missing: suggest the stack owner", api_properties=props(publisher=None),
             errors=[err("/properties", "no 'publisher'")],
             output=props(publisher=None) | {"properties": {**props(publisher=None)["properties"], "publisher": "Contoso"}}),
        case("missing, no stack owner to copy", api_properties=props(publisher=None, stackOwner=None),
             errors=[err("/properties", "no 'publisher'")]),
        case("independent publishers get no suggestion", api_properties=props(publisher=None),
             preset=Preset.INDEPENDENT_PUBLISHER, errors=[err("/properties", "no 'publisher'")]),
        case("empty", api_properties=props(publisher=" "), errors=[err("/properties/publisher", "empty")]),
        case("template text left in", api_properties=props(publisher="Name of company or organization."),
             errors=[err("/properties/publisher", "template text")]),
        case("miscased key: unsafe rename", api_properties=renamed("publisher", "Publisher"),
             errors=[err("/properties/Publisher", "written 'publisher'")], output=api_properties()),
    ],
)


def test_severity_per_preset():
    rule = rules_by_id()["publisher-required"]
    assert rule.severity_for(Preset.CERTIFIED) is Severity.WARNING
    assert rule.severity_for(Preset.INDEPENDENT_PUBLISHER) is Severity.ERROR
    assert rule.severity_for(Preset.CUSTOM) is Severity.OFF
