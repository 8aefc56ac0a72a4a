from ruletester import api_properties, case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = f"{OP}/parameters/0"


def with_op(top=None, **changes) -> dict:
    doc = swagger(**(top or {}))
    doc["paths"]["/tasks/{taskId}"]["get"].update(changes)
    return doc


def with_param(**changes) -> dict:
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"][0].update(changes)
    return doc


def with_definition(name: str, description: str) -> dict:
    doc = with_op(description=description)
    doc["definitions"] = {name: {"type": "object", "properties": {"id": {"type": "string"}}}}
    return doc


def default_response_property(name: str, description: str) -> dict:
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["responses"]["default"] = {"description": "An error.", "schema": {
        "type": "object", "properties": {name: {"type": "string", "description": description}}}}
    return doc


test_camelcase_string = rule_table(
    "camelcase-string",
    valid=[
        case("clean connector", swagger=swagger(), api_properties=api_properties()),
        case("in code, quotes, URLs and placeholders", swagger=with_op(
            description="Set `minimumHighways`, 'avoidTolls' or \"maxSpeed\" at https://contoso.com/routePlanner "
                        "with {routeId}.")),
        case("product names", swagger=with_op(description="Saves the file to SharePoint, OneDrive or LinkedIn.")),
        case("the connector's own name", swagger=with_op({"title": "RoutePlanner"},
                                                         description="RoutePlanner plans routes.")),
        case("prefixed names and acronyms", swagger=with_op(description="Signs with eSignature on an iPhone or IoT.")),
        case("the title is a name", swagger=swagger(title="ContosoTasks")),
        case("a description naming the connector's identifiers", swagger=with_param(
            description="The taskId of the GetTask result.")),
        case("an identifier of a default response", swagger=default_response_property("dueDate", "Set the dueDate.")),
        case("a definition's name in prose", swagger=with_definition("PropertyValue", "Returns the PropertyValue#ID.")),
        case("schema keywords quoted in prose", swagger=with_op(
            description="The MinLength is 3 and the maxLength is 10; readOnly values are ignored.")),
        case("capitals and plain words", swagger=with_op(description="Returns the PDF and the URL of the task.")),
    ],
    invalid=[
        case("a label spelling an identifier is still checked", swagger=with_param(**{"x-ms-summary": "taskId"}),
             errors=[err(f"{PARAM}/x-ms-summary", "'taskId'", span=(0, 6), range=(36, 30, 36, 36))],
             output=with_param(**{"x-ms-summary": "Task ID"})),
        case("camelCase in a description", swagger=with_op(description="Set minimumHighways to avoid tolls."),
             errors=[err(f"{OP}/description", "'minimumHighways'", span=(4, 19), range=(28, 29, 28, 44))],
             output=with_op(description="Set minimum highways to avoid tolls.")),
        case("PascalCase in an x-ms-summary becomes title case", swagger=with_param(**{"x-ms-summary": "MinimumHighways"}),
             errors=[err(f"{PARAM}/x-ms-summary", "'MinimumHighways'", span=(0, 15), range=(36, 30, 36, 45))],
             output=with_param(**{"x-ms-summary": "Minimum Highways"})),
        case("acronym parts are written in capitals", swagger=with_op(description="The userId of the owner."),
             errors=[err(f"{OP}/description", "'userId'", span=(4, 10), range=(28, 29, 28, 35))],
             output=with_op(description="The user ID of the owner.")),
        case("possessive keeps its ending", swagger=with_op(description="The taskList's owner."),
             errors=[err(f"{OP}/description", "'taskList's'", span=(4, 14), range=(28, 29, 28, 39))],
             output=with_op(description="The task list's owner.")),
        case("several strings", swagger=with_op(summary="Get endDate", description="Uses startDate."),
             errors=[err(f"{OP}/summary", "'endDate'", span=(4, 11), range=(27, 25, 27, 32)),
                     err(f"{OP}/description", "'startDate'", span=(5, 14), range=(28, 30, 28, 39))],
             output=with_op(summary="Get end date", description="Uses start date.")),
    ],
)


def test_descriptions_also_offer_marking_as_code():
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import Applicability, apply_edits

    ctx = case("x", swagger=with_op(description="Set minimumHighways to avoid tolls.")).context()
    [finding] = run_rule(rules_by_id()["camelcase-string"], ctx)
    split, code = finding.fixes
    assert {split.applicability, code.applicability} == {Applicability.SUGGESTION}
    fixed = apply_edits(with_op(description="Set minimumHighways to avoid tolls."), code.edits)
    assert fixed == with_op(description="Set `minimumHighways` to avoid tolls.")
    ctx = case("x", swagger=with_param(**{"x-ms-summary": "MinimumHighways"})).context()
    [finding] = run_rule(rules_by_id()["camelcase-string"], ctx)
    assert len(finding.fixes) == 1  # no backticks in a label
