from ruletester import case, err, rule_table, swagger


def described(text):
    doc = swagger()
    doc["info"]["description"] = text
    return doc


test_description_length = rule_table(
    "description-length",
    valid=[
        case("in range", swagger=swagger()),
        case("exactly 30", swagger=described("x" * 30)),
        case("exactly 500", swagger=described("x" * 500)),
        case("blank is description-required's", swagger=described("")),
        case("not a string", swagger=described(None)),
        case("options", swagger=described("x" * 10), options={"min": 5, "max": 20}),
    ],
    invalid=[
        case("too short", swagger=described("Stormboard Connector"),
             errors=[err("/info/description", "20 characters long; it must be between 30 and 500", code="FieldLengthNotInRange")]),
        case("too long", swagger=described("x" * 501), errors=[err("/info/description", "501 characters")]),
        case("spaces push it over: trimmed", swagger=described("  " + "x" * 499 + "\n"),
             errors=[err("/info/description", "502 characters")], output=described("x" * 499)),
    ],
)
