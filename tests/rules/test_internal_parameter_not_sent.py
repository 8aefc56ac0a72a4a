from ruletester import case, err, rule_table, swagger


def with_param(**fields):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"].append(
        {"name": "api-version", "in": "query", "type": "string", "default": "1", "x-ms-visibility": "internal", **fields})
    return doc


def with_property(required=None):
    doc = swagger()
    doc["definitions"]["Task"]["properties"]["kind"] = {"type": "string", "default": "task",
                                                        "x-ms-visibility": "internal"}
    if required is not None:
        doc["definitions"]["Task"]["required"] = required
    return doc


test_table = rule_table(
    "internal-parameter-not-sent",
    valid=[case("required", swagger=with_param(required=True)),
           case("visible optional parameter", swagger=with_param(**{"x-ms-visibility": "advanced"})),
           case("required property", swagger=with_property(required=["kind"]))],
    invalid=[
        case("optional parameter", swagger=with_param(),
             errors=[err("/paths/~1tasks~1{taskId}/get/parameters/1", "never sent", code="InternalPropertyWithDefaultOptional")], output=with_param(required=True)),
        case("optional property", swagger=with_property(),
             errors=[err("/definitions/Task/properties/kind", "never sent", code="PropertyMustBeRequired")], output=with_property(required=["kind"])),
        case("property missing from an existing list", swagger=with_property(required=["id"]),
             errors=[err("/definitions/Task/properties/kind")], output=with_property(required=["id", "kind"])),
    ],
)
