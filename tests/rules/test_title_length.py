from ruletester import case, err, rule_table, swagger

test_title_length = rule_table(
    "title-length",
    valid=[
        case("short", swagger=swagger(title="Contoso Tasks")),
        case("exactly 30", swagger=swagger(title="x" * 30)),
        case("no info", swagger={"swagger": "2.0"}),
        case("title not a string", swagger=swagger(title=42)),
        case("option raises the limit", swagger=swagger(title="x" * 35), options={"max": 40}),
    ],
    invalid=[
        case("31 characters", swagger=swagger(title="x" * 31),
             errors=[err("/info/title", "31 characters", code="FieldLengthExceeded", span=(30, 31))]),
        case("spaces around make it long", swagger=swagger(title="  Contoso Tasks" + " " * 20),
             errors=[err("/info/title", "35 characters", span=(30, 35))], output=swagger(title="Contoso Tasks")),
    ],
)
