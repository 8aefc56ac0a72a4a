from ruletester import case, err, rule_table, swagger

P = "/paths/~1tasks~1{taskId}/get/parameters/1"


def with_param(**fields):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"].append({"name": "top", "in": "query", **fields})
    return doc


def with_property(**fields):
    doc = swagger()
    doc["definitions"]["Task"]["properties"]["done"] = fields
    return doc


test_table = rule_table(
    "value-type-mismatch",
    valid=[case("integer", swagger=with_param(type="integer", default=10, enum=[10, 50])),
           case("number accepts integers", swagger=with_param(type="number", default=1)),
           case("null is accepted", swagger=with_param(type="string", enum=[None, "a"])),
           case("no type", swagger=with_param(default="x"))],
    invalid=[
        case("string default for an integer", swagger=with_param(type="integer", default="10"),
             errors=[err(f"{P}/default", "is not a whole number", code="DefaultValueMustMatchType")], output=with_param(type="integer", default=10)),
        case("string enum for an integer", swagger=with_param(type="integer", enum=["10", 50]),
             errors=[err(f"{P}/enum/0", "enum value", code="InvalidEnumValue")], output=with_param(type="integer", enum=[10, 50])),
        case("string boolean", swagger=with_property(type="boolean", default="false"),
             errors=[err("/definitions/Task/properties/done/default", "true or false")],
             output=with_property(type="boolean", default=False)),
        case("number for a string", swagger=with_param(type="string", default=5),
             errors=[err(f"{P}/default", "not a string")], output=with_param(type="string", default="5")),
        case("no lossless conversion", swagger=with_param(type="integer", default="ten"),
             errors=[err(f"{P}/default")]),
    ],
)
