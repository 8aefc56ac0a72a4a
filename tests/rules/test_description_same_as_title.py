from ruletester import case, err, rule_table, swagger


def info(title, description):
    doc = swagger(title=title)
    doc["info"]["description"] = description
    return doc


test_description_same_as_title = rule_table(
    "description-same-as-title",
    valid=[
        case("different", swagger=swagger()),
        case("starts with the title", swagger=info("Contoso", "Contoso helps teams track their daily work.")),
        case("both blank", swagger=info("", " ")),
        case("not strings", swagger=info(None, "Contoso")),
    ],
    invalid=[
        case("same", swagger=info("Contoso Tasks", "Contoso Tasks"), errors=[err("/info/description", "repeats")]),
        case("same but case and punctuation", swagger=info("Contoso Tasks", " contoso  tasks. "),
             errors=[err("/info/description", "repeats the title")]),
    ],
)
