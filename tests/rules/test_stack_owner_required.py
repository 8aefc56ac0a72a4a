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


def lowercase_key():
    doc = api_properties()
    doc["properties"]["stackowner"] = doc["properties"].pop("stackOwner")
    return doc


test_stack_owner_required = rule_table(
    "stack-owner-required",
    valid=[
        case("stack owner given", api_properties=api_properties()),
        case("independent publisher names the service's owner",
             api_properties=props(publisher="Nirmal Kumar", stackOwner="ITGlue"), preset=Preset.INDEPENDENT_PUBLISHER),
        case("apiProperties absent", swagger={"swagger": "2.0"}),
    ],
    invalid=[
        case("missing: suggest the publisher", api_properties=props(stackOwner=None, publisher="Contoso Ltd"),
             errors=[err("/properties", "no 'stackOwner'")], output=props(publisher="Contoso Ltd", stackOwner="Contoso Ltd")),
        case("independent publisher: no suggestion", api_properties=props(stackOwner=None, publisher="Nirmal Kumar"),
             preset=Preset.INDEPENDENT_PUBLISHER, errors=[err("/properties", "no 'stackOwner'")]),
        case("publisher still the template text: nothing to copy",
             api_properties=props(stackOwner=None, publisher="Name of company or organization."),
             errors=[err("/properties", "no 'stackOwner'")]),
        case("not a string", api_properties=props(stackOwner=["Contoso"]), errors=[err("/properties/stackOwner", "must be a string")]),
        case("template text", api_properties=props(stackOwner="Name of the owner of the service or product."),
             errors=[err("/properties/stackOwner", "template text")]),
        case("lower-case key", api_properties=lowercase_key(), errors=[err("/properties/stackowner", "'stackOwner'")],
             output=api_properties()),
    ],
)


def test_severity_per_preset():
    rule = rules_by_id()["stack-owner-required"]
    assert rule.severity_for(Preset.CERTIFIED) is Severity.WARNING
    assert rule.severity_for(Preset.INDEPENDENT_PUBLISHER) is Severity.ERROR
    assert rule.severity_for(Preset.CUSTOM) is Severity.OFF
