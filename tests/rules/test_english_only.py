from ruletester import api_properties, case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"


def with_op(top=None, **changes) -> dict:
    doc = swagger(**(top or {}))
    doc["paths"]["/tasks/{taskId}"]["get"].update(changes)
    return doc


GERMAN = "Liefert die Liste aller offenen Aufgaben zurück."

test_english_only = rule_table(
    "english-only",
    valid=[
        case("clean connector", swagger=swagger(), api_properties=api_properties()),
        case("English with names and identifiers", swagger=with_op(
            {"title": "Zendexa Aufgaben"}, description="Zendexa Aufgaben returns the taskId and the QWRT code.")),
        case("short strings are not judged", swagger=with_op(summary="Liste abrufen")),
        case("one foreign phrase in English", swagger=with_op(
            description="Returns the list of open tasks, also called offene Aufgaben.")),
        case("the title is a name", swagger=swagger(title="Gestion de Tâches")),
        case("a lower threshold by option", swagger=with_op(description=GERMAN), options={"min_share": 0.1}),
    ],
    invalid=[
        case("German description", swagger=with_op(description=GERMAN),
             errors=[err(f"{OP}/description", "does not look like English", range=(28, 24, 28, 79), code="ValueMustBeInEnglish")]),
        case("another script", swagger=with_op(description="获取所有打开的任务列表。"),
             errors=[err(f"{OP}/description", "another script", range=(28, 24, 28, 98))]),
    ],
)
