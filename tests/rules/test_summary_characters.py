from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"


def summarised(summary, **changes):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    op["summary"] = summary
    op.update(changes)
    return doc


test_summary_characters = rule_table(
    "summary-characters",
    valid=[
        case("letters, digits, spaces, parentheses", swagger=summarised("Get task 2 (deprecated)")),
        case("non-ASCII letters", swagger=summarised("Créer une tâche")),
        case("restricted characters are the other rule's", swagger=summarised("Create/update a task")),
        case("trailing period is summary-trailing-punctuation's", swagger=summarised("Get a task.")),
        case("internal operation", swagger=summarised("Get task - raw", **{"x-ms-visibility": "internal"})),
        case("not a string", swagger=summarised(None)),
    ],
    invalid=[
        case("hyphen", swagger=summarised("Get task - detailed"), errors=[err(f"{OP}/summary", "'-'", span=(9, 10), range=(27, 30, 27, 31))]),
        case("several, listed once", swagger=summarised("Get user's tasks, user's notes."),
             errors=[err(f"{OP}/summary", "''', ','", span=(8, 9), range=(27, 29, 27, 30))]),
    ],
)
