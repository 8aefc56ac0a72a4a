from ruletester import case, err, rule_table, swagger

from connector_lint_rules._api import Preset


def without_title(**top):
    doc = swagger(**top)
    del doc["info"]["title"]
    return doc


def fixed(title, **top):
    doc = swagger(**top)
    doc["info"].pop("title")
    doc["info"]["title"] = title
    return doc


test_title_required = rule_table(
    "title-required",
    valid=[
        case("a title", swagger=swagger()),
        case("not a string is the structure rule's", swagger=swagger(title=7)),
        case("no info object", swagger={"swagger": "2.0", "paths": {}}),
        case("no swagger", api_properties={"properties": {}}),
    ],
    invalid=[
        case("missing, named from the host", swagger=without_title(),
             errors=[err("/info", "no title", code="RequiredPropertyMissing")], output=fixed("Contoso")),
        case("missing, country domain", swagger=without_title(host="tasks.contoso.co.uk"),
             errors=[err("/info", "no title")], output=fixed("Contoso", host="tasks.contoso.co.uk")),
        case("missing, host gives no name", swagger=without_title(host="10.0.0.1"), errors=[err("/info", "no title")]),
        case("missing, templated host", swagger=without_title(host="{region}.contoso.com"),
             errors=[err("/info", "no title")]),
        case("empty", swagger=swagger(title=""), errors=[err("/info/title", "empty", code="RequiredValueEmpty")], output=swagger(title="Contoso")),
        case("only spaces", swagger=swagger(title="   ", host="api.fabrikam.com"), errors=[err("/info/title", "empty")],
             output=swagger(title="Fabrikam", host="api.fabrikam.com")),
        case("custom connectors too", swagger=swagger(title="", host="localhost"), preset=Preset.CUSTOM,
             errors=[err("/info/title")]),
    ],
)
