from ruletester import api_properties, case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = f"{OP}/parameters/0"


def with_op(**changes) -> dict:
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"].update(changes)
    return doc


def with_param(**changes) -> dict:
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"][0].update(changes)
    return doc


def with_property(description: str) -> dict:
    doc = swagger()
    doc["definitions"]["Task"]["properties"]["name"]["description"] = description
    return doc


test_description_sentence = rule_table(
    "description-sentence",
    valid=[
        case("clean connector", swagger=swagger(), api_properties=api_properties()),
        case("other closing punctuation", swagger=with_op(description="Is the task done? Yes!")),
        case("punctuation inside closing brackets and quotes", swagger=with_op(description="Gets a task (by ID.)")),
        case("a colon before a list", swagger=with_op(description="Returns one of:\n- open\n- closed:")),
        case("one word needs no period", swagger=with_param(description="identifier")),
        case("ends with a URL", swagger=with_op(description="See https://contoso.com/docs")),
        case("starts with code or a name the dictionary does not know", swagger=with_op(
            description="`taskId` of the task. npm packages are listed.")),
        case("starts with a camelCase identifier", swagger=with_param(description="taskId of the task.")),
        case("property descriptions are not checked by default", swagger=with_property("the name")),
        case("other kinds by option", swagger=with_property("The name."),
             options={"kinds": ["property-description"]}),
    ],
    invalid=[
        case("no period", swagger=with_op(description="Gets one task by its identifier"),
             errors=[err(f"{OP}/description", "punctuation", span=(21, 31), range=(28, 46, 28, 56))],
             output=with_op(description="Gets one task by its identifier.")),
        case("lower-case start", swagger=with_param(description="the identifier of the task."),
             errors=[err(f"{PARAM}/description", "capital", span=(0, 3), range=(37, 29, 37, 32))],
             output=with_param(description="The identifier of the task.")),
        case("both, and trailing spaces kept", swagger=with_param(description="the identifier of the task  "),
             errors=[err(f"{PARAM}/description", "capital", range=(37, 29, 37, 32)),
                     err(f"{PARAM}/description", "punctuation", span=(22, 26), range=(37, 51, 37, 55))],
             output=with_param(description="The identifier of the task.  ")),
        case("a closing bracket is not punctuation", swagger=with_op(description="Gets a task (by ID)"),
             errors=[err(f"{OP}/description", "punctuation", range=(28, 41, 28, 44))],
             output=with_op(description="Gets a task (by ID).")),
        case("property descriptions by option", swagger=with_property("The name"),
             options={"kinds": ["property-description"]},
             errors=[err("/definitions/Task/properties/name/description", "punctuation", range=(62, 31, 62, 35))],
             output=with_property("The name.")),
    ],
)
