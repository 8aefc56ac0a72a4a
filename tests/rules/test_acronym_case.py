from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules._api import FileKind

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = f"{OP}/parameters/0"


def with_op(**changes) -> dict:
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"].update(changes)
    return doc


def with_param(**changes) -> dict:
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"][0].update(changes)
    return doc


def with_url_property(description: str, label: str = "URL") -> dict:
    """A definition with a property `url` and a sibling whose description names it."""
    doc = swagger()
    doc["definitions"]["Task"]["properties"].update({
        "url": {"type": "string", "x-ms-summary": label, "description": "The link."},
        "title": {"type": "string", "x-ms-summary": "Title", "description": description},
    })
    return doc


def with_ui(display_name: str) -> dict:
    doc = api_properties()
    doc["properties"]["connectionParameters"]["api_key"]["uiDefinition"]["displayName"] = display_name
    return doc


test_acronym_case = rule_table(
    "acronym-case",
    valid=[
        case("clean connector", swagger=swagger(), api_properties=api_properties()),
        case("written forms", swagger=with_op(description="The ID, IDs, URL and OAuth token of the JSON task.")),
        case("names, code and paths", swagger=with_op(
            description="Send the x-api-key header and the api-version query; see `id`, 'url', {id}, "
                        "application/json and report.pdf.")),
        case("ordinary words that contain acronyms", swagger=with_op(description="The idea is valid.")),
        case("a description naming a sibling property is a reference", swagger=with_url_property(
            "A title for the URL specified as the url parameter.")),
        case("a description naming a connection parameter", swagger=with_op(description="Set the api field first."),
             api_properties={"properties": {"connectionParameters": {"api": {"type": "string"}}}}),
        case("a noun before the identifier", swagger=with_url_property("Copied from the property url.")),
        case("a string in another language", swagger=with_op(
            description="Liefert die id der offenen Aufgaben zurück.")),
    ],
    invalid=[
        case("a label is not a reference, even when it spells a property",
             swagger=with_url_property("A title for the URL.", label="url"),
             errors=[err("/definitions/Task/properties/url/x-ms-summary", "'URL'", span=(0, 3), range=(67, 28, 67, 31))],
             output=with_url_property("A title for the URL.", label="URL")),
        case("an identifier used as a word of prose is the acronym", swagger=with_url_property("The url of the title."),
             errors=[err("/definitions/Task/properties/title/description", "'URL'", span=(4, 7), range=(73, 31, 73, 34))],
             output=with_url_property("The URL of the title.")),
        case("only the identifier as written is a reference", swagger=with_url_property("The Url parameter."),
             errors=[err("/definitions/Task/properties/title/description", "'URL'", span=(4, 7), range=(73, 31, 73, 34))],
             output=with_url_property("The URL parameter.")),
        case("lower case", swagger=with_param(**{"x-ms-summary": "Task id"}),
             errors=[err(f"{PARAM}/x-ms-summary", "'id'", span=(5, 7), range=(36, 35, 36, 37))],
             output=with_param(**{"x-ms-summary": "Task ID"})),
        case("capitalised", swagger=with_op(description="Url of the task."),
             errors=[err(f"{OP}/description", "write it 'URL'", span=(0, 3), range=(28, 25, 28, 28))],
             output=with_op(description="URL of the task.")),
        case("plural and possessive", swagger=with_op(description="The ids and the api's limits."),
             errors=[err(f"{OP}/description", "'IDs'", span=(4, 7), range=(28, 29, 28, 32)),
                     err(f"{OP}/description", "'API'", span=(16, 19), range=(28, 41, 28, 44))],
             output=with_op(description="The IDs and the API's limits.")),
        case("mixed-case form", swagger=with_op(description="Uses oauth."),
             errors=[err(f"{OP}/description", "'OAuth'", span=(5, 10), range=(28, 30, 28, 35))], output=with_op(description="Uses OAuth.")),
        case("apiProperties display name", swagger=swagger(), api_properties=with_ui("Api key"),
             errors=[err("/properties/connectionParameters/api_key/uiDefinition/displayName", "'API'",
                         file=FileKind.API_PROPERTIES, range=(7, 27, 7, 30))],
             output=with_ui("API key")),
    ],
)


def test_the_fix_is_safe():
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import Applicability

    [finding] = run_rule(rules_by_id()["acronym-case"], case("x", swagger=with_op(description="Url.")).context())
    assert finding.fixes[0].applicability is Applicability.SAFE
