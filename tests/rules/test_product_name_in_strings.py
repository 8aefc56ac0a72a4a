from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules._api import FileKind

OP = "/paths/~1tasks~1{taskId}/get"


def with_op(**changes):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"].update(changes)
    return doc


def with_property_description(text):
    doc = swagger()
    doc["definitions"]["Task"]["properties"]["name"]["description"] = text
    return doc


def ui_description(text):
    props = api_properties()
    props["properties"]["connectionParameters"]["api_key"]["uiDefinition"]["description"] = text
    return props


test_product_name_in_strings = rule_table(
    "product-name-in-strings",
    valid=[
        case("no product", swagger=swagger(), api_properties=api_properties()),
        case("title and description have their own rules", swagger=swagger(
            title="Contoso for Power BI", info={"title": "Contoso", "description": "Works with Power Automate.",
                                                "version": "1.0"})),
        case("the connector's own name", swagger=with_op(summary="Get a report from Robots for Power BI",
                                                        **{"x-ms-visibility": "advanced"}) | {
            "info": {"title": "Robots for Power BI", "version": "1.0"}}),
        case("operationIds and keys are not text", swagger=with_op(operationId="PowerAutomateGetTask")),
        case("words apart", swagger=with_op(description="Gets a task to power your automated apps.")),
    ],
    invalid=[
        case("summary", swagger=with_op(summary="Send a Power Automate approval"),
             errors=[err(f"{OP}/summary", "'Power Automate'", span=(7, 21))]),
        case("operation description, legacy name", swagger=with_op(description="Gets a task for your Microsoft Flow."),
             errors=[err(f"{OP}/description", "(Microsoft Flow)", span=(21, 35))]),
        case("property description, run together", swagger=with_property_description("Name shown in PowerApps."),
             errors=[err("/definitions/Task/properties/name/description", "'PowerApps'")]),
        case("connection parameter tooltip", swagger=swagger(),
             api_properties=ui_description("Key for Copilot Studio."),
             errors=[err("/properties/connectionParameters/api_key/uiDefinition/description", "Copilot Studio",
                         file=FileKind.API_PROPERTIES)]),
        case("two in one string", swagger=with_op(description="Gets a task for Power Apps and Logic Apps."),
             errors=[err(f"{OP}/description", "Power Apps"), err(f"{OP}/description", "Logic Apps")]),
    ],
)
