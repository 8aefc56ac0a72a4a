from ruletester import case, err, rule_table, swagger


def with_info(**changes):
    doc = swagger()
    for key, value in changes.items():
        if value is None:
            doc["info"].pop(key, None)
        else:
            doc["info"][key] = value
    return doc


test_description_required = rule_table(
    "description-required",
    valid=[
        case("a description", swagger=swagger()),
        case("short is description-length's", swagger=with_info(description="Tasks.")),
        case("not a string is the structure rule's", swagger=with_info(description=3)),
        case("no info object", swagger={"swagger": "2.0"}),
    ],
    invalid=[
        case("missing", swagger=with_info(description=None), errors=[err("/info", "no description", code="RequiredPropertyMissing")]),
        case("empty", swagger=with_info(description=""), errors=[err("/info/description", "empty", code="RequiredValueEmpty")]),
        case("blank", swagger=with_info(description=" \n "), errors=[err("/info/description", "empty")]),
    ],
)
