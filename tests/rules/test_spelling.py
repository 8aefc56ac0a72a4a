from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules._api import FileKind

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


def with_ui(description: str) -> dict:
    doc = api_properties()
    doc["properties"]["connectionParameters"]["api_key"]["uiDefinition"]["description"] = description
    return doc


def with_response(code: str, name: str, sibling: str = "") -> dict:
    """A response schema whose property `Waers` (or `sibling` inside property `name`) is described by name."""
    inner = {"type": "string", "description": "The Waers field holds the currency key."}
    prop = {"type": "object", "properties": {sibling: inner}} if sibling else inner
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["responses"][code] = {"description": "The task.", "schema": {
        "type": "object", "properties": {name: prop}}}
    return doc


def with_path(path: str, description: str) -> dict:
    doc = with_op(description=description)
    doc["paths"][path] = doc["paths"].pop("/tasks/{taskId}")
    return doc


def with_two_descriptions(operation: str, parameter: str) -> dict:
    doc = with_op(description=operation)
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]["description"] = parameter
    return doc


TYPO = "Retrieves the attachements of a task."
FIXED = with_op(description="Retrieves the attachments of a task.")

test_spelling = rule_table(
    "spelling",
    valid=[
        case("clean connector", swagger=swagger(), api_properties=api_properties()),
        case("British and American spellings", swagger=with_op(
            description="Organises the colours and behaviour of the catalogue; the centre's licence was cancelled, "
                        "and the organization analyzes the color of the travelled centres.")),
        case("technical vocabulary", swagger=with_op(
            description="Sends the webhook payload as JSON over HTTP with OAuth, with the SKU of the CRM record, "
                        "its metadata and a timestamp.")),
        case("brand words from the title and the host", swagger=with_op(
            {"title": "Zendexa Tasks", "host": "api.quorvio.com"}, description="Zendexa reads tasks from Quorvio.")),
        case("identifiers the prose mentions", swagger=with_param(
            name="orderref", description="Set orderref to the order's reference.")),
        case("a property of a default response names itself", swagger=with_response("default", "Waers")),
        case("a property of a named response named in a sibling", swagger=with_response("200", "Waers")),
        case("a property called default", swagger=with_response("200", "default", "waers")),
        case("everyday words of real connectors the English list lacks", swagger=with_op(
            description="Returns the emojis of the user's bio and a high-res image.")),
        case("place names", swagger=with_op(description="Returns the time zone of Los Angeles or San Francisco.")),
        case("maintained lists of software terms and companies, and their inflections", swagger=with_op(
            description="Deploys to Kubernetes, counts upvotes and reads localizable strings from Wikidata.")),
        case("the connector's path segments", swagger=with_path("/apistaging/tasks", "Sends it to apistaging first.")),
        case("a name the descriptions capitalise in mid-sentence", swagger=with_two_descriptions(
            "Reads the Zorbeta devices.", "Pairs a Zorbeta hub.")),
        case("words of the user's dictionary", swagger=with_op(description="Runs the frobnicator."),
             words=("Frobnicator",)),
        case("protected tokens", swagger=with_op(
            description="See https://contoso.com/docz or mail halp@contoso.com; use `fooBarz`, 'qwzx', \"zzyzx "
                        "qwrt\", {taskIdd}, @{trigerBody()}, /v1/tsks, report.pdfx, v2.3.1, 0x1F, my_varr, "
                        "yyyy-MM-ddTHH:mm:ss, x-ms-summry and <tenent>.")),
        case("compounds, prefixes and plurals", swagger=with_op(
            description="Choose the subfolder, the firstname field and the logins to unarchive.")),
        case("a word cut off by an ellipsis", swagger=with_op(description="Returns the descrip...")),
        case("acronyms in capitals and camelCase are other rules' business", swagger=with_op(
            description="Returns the QWRTZ code and the taskIdd field.")),
        case("a string in another language is left to english-only", swagger=with_op(
            description="Liefert die Liste aller offenen Aufgaben zurück.")),
        case("no swagger", swagger=None, api_properties=api_properties()),
        case("broken shapes", swagger={"swagger": "2.0", "info": "x", "paths": {"/a": {"get": []}}}),
    ],
    invalid=[
        case("misspelled word in an operation description", swagger=with_op(description=TYPO),
             errors=[err(f"{OP}/description", "'attachements'", span=(14, 26), range=(28, 39, 28, 51))]),
        case("two words, in order", swagger=with_op(description="Retreives the attachements."),
             errors=[err(f"{OP}/description", "'Retreives'", span=(0, 9), range=(28, 25, 28, 34)),
                     err(f"{OP}/description", "'attachements'", span=(14, 26), range=(28, 39, 28, 51))]),
        case("x-ms-summary of a parameter", swagger=with_param(**{"x-ms-summary": "Task Identifer"}),
             errors=[err(f"{PARAM}/x-ms-summary", "'Identifer'", span=(5, 14), range=(36, 35, 36, 44))]),
        case("a slipped shift key", swagger=with_op(description="Gets the tSatus of the task."),
             errors=[err(f"{OP}/description", "'tSatus'", span=(9, 15), range=(28, 34, 28, 40))]),
        case("a doubled capital", swagger=with_op(summary="Get a task", description="OOrder the tasks."),
             errors=[err(f"{OP}/description", "'OOrder'", span=(0, 6), range=(28, 25, 28, 31))]),
        case("a wrong British form", swagger=with_op(description="Sets the colur of the task."),
             errors=[err(f"{OP}/description", "'colur'", span=(9, 14), range=(28, 34, 28, 39))]),
        case("a name is not one once written in lower case", swagger=with_two_descriptions(
            "Reads the Zorbeta devices.", "Pairs a zorbeta hub."),
             errors=[err(f"{OP}/description", "'Zorbeta'", range=(28, 35, 28, 42)), err(f"{PARAM}/description", "'zorbeta'", range=(37, 37, 37, 44))]),
        case("user words accept only themselves", swagger=with_op(description="Runs the frobnicatr."),
             words=("frobnicator",), errors=[err(f"{OP}/description", "'frobnicatr'", range=(28, 34, 28, 44))]),
        case("connection parameter tooltip text", swagger=swagger(), api_properties=with_ui("Your API kee for Contoso."),
             errors=[err("/properties/connectionParameters/api_key/uiDefinition/description", "'kee'",
                         file=FileKind.API_PROPERTIES, range=(8, 36, 8, 39))]),
        case("suggestions attached on request", swagger=with_op(description=TYPO), options={"suggestions": 3},
             errors=[err(f"{OP}/description", "'attachements'", span=(14, 26), range=(28, 39, 28, 51))], output=FIXED),
    ],
)


def test_suggestion_fixes_for_the_editor():
    from connector_lint_rules._api import Applicability, Finding, apply_edits
    from connector_lint_rules.spelling import suggestion_fixes

    finding = Finding(f"{OP}/description", "m", span=(14, 26))
    fixes = suggestion_fixes(finding, TYPO, limit=3)
    assert fixes and all(f.applicability is Applicability.SUGGESTION for f in fixes)
    assert fixes[0].title == "Change to 'attachments'"
    assert apply_edits(with_op(description=TYPO), fixes[0].edits) == FIXED


def test_the_rule_does_not_compute_suggestions_while_linting(monkeypatch):
    from connector_lint_rules import rules_by_id, run_rule, spelling

    def boom(*args, **kwargs):
        raise AssertionError("suggest() called while linting")

    monkeypatch.setattr(spelling, "suggest", boom)
    ctx = case("x", swagger=with_op(description=TYPO)).context()
    findings = run_rule(rules_by_id()["spelling"], ctx)
    assert len(findings) == 1 and findings[0].fixes == ()
