from breaking_pairs import pair, released, silent_pairs
from ruletester import case, err, rule_table

SENTENCE = "The type has been changed for the output field."


def array_of_task(d):
    d["paths"]["/tasks/{taskId}"]["get"]["responses"]["200"]["schema"] = {"type": "array", "items": {"$ref": "#/definitions/Task"}}


def recursive_task(name_type: str) -> dict:
    """Task refers to itself three ways (as CardsForPowerApps' card schema does): the walk must end."""
    doc = released()
    props = doc["definitions"]["Task"]["properties"]
    props["parent"] = {"$ref": "#/definitions/Task"}
    props["next"] = {"$ref": "#/definitions/Task"}
    props["subtasks"] = {"type": "array", "items": {"$ref": "#/definitions/Task"}}
    props["name"]["type"] = name_type
    return doc


def recursive_errors():
    """Once per operation that reaches Task, at the first level, not again under parent/next/subtasks."""
    where = "/definitions/Task/properties/name/type"
    return [err(where, "'string' → 'integer'", value_path=f"operation/{vp}/name/type")
            for vp in ("GetTask/responses/200/schema", "ListTasks/responses/200/schema/value/items",
                       "CreateTask/responses/201/schema", "OnTaskCreated/responses/x-ms-notification-content/schema")]


test_table = rule_table(
    "output-type-changed",
    valid=silent_pairs() + [pair("an input type", lambda d: d["definitions"]["Owner"]["properties"]["team"].__setitem__("type", "integer")),
                            case("a recursive definition, unchanged", swagger=recursive_task("string"),
                                 base_swagger=recursive_task("string"))],
    invalid=[
        case("a recursive definition: reported once per path, and the walk ends", swagger=recursive_task("integer"),
             base_swagger=recursive_task("string"), errors=recursive_errors()),
        pair("a $ref to an object became an array of it", array_of_task,
             errors=[err("/paths/~1tasks~1{taskId}/get/responses/200/schema/type", "'object' → 'array'",
                         value_path="operation/GetTask/responses/200/schema/type")]),
        pair("webhook notification content", lambda d: d["paths"]["/hooks"]["x-ms-notification-content"].__setitem__(
            "schema", {"type": "array", "items": {"$ref": "#/definitions/Task"}}),
             errors=[err("/paths/~1hooks/x-ms-notification-content/schema/type", SENTENCE,
                         value_path="operation/OnTaskCreated/responses/x-ms-notification-content/schema/type")]),
        pair("array items of a list", lambda d: d["paths"]["/tasks"]["get"]["responses"]["200"]["schema"]["properties"]["value"].__setitem__(
            "items", {"type": "string"}),
             errors=[err("/paths/~1tasks/get/responses/200/schema/properties/value/items/type", "'object' → 'string'",
                         value_path="operation/ListTasks/responses/200/schema/value/items/type")]),
    ],
)
