from ruletester import case, err, rule_table, swagger

P = "/definitions/Task/properties/status"


def with_values(values, enum=("open", "closed")):
    doc = swagger()
    doc["definitions"]["Task"]["properties"]["status"] = {"type": "string", "enum": list(enum),
                                                           "x-ms-enum-values": values}
    return doc


OPEN, CLOSED = {"value": "open", "displayName": "Open"}, {"value": "closed", "displayName": "Closed"}
test_table = rule_table(
    "invalid-enum-values",
    valid=[case("matching", swagger=with_values([OPEN, CLOSED])),
           case("partial", swagger=with_values([OPEN]))],
    invalid=[
        case("value not in enum", swagger=with_values([OPEN, {"value": "done", "displayName": "Done"}]),
             errors=[err(f"{P}/x-ms-enum-values/1/value", "not in 'enum'", code="InvalidEnumValuesExtensionValue")],
             output=with_values([OPEN, {"value": "done", "displayName": "Done"}], enum=("open", "closed", "done"))),
        case("identical twice", swagger=with_values([OPEN, CLOSED, OPEN]),
             errors=[err(f"{P}/x-ms-enum-values/2/value", "already has an item", code="DuplicateEnumValuesInExtension")], output=with_values([OPEN, CLOSED])),
        case("same value, other name", swagger=with_values([OPEN, {"value": "open", "displayName": "New"}]),
             errors=[err(f"{P}/x-ms-enum-values/1/value", "already has an item")]),
    ],
)
