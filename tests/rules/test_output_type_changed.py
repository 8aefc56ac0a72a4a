from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

SENTENCE = "The type has been changed for the output field."


def array_of_task(d):
    d["paths"]["/tasks/{taskId}"]["get"]["responses"]["200"]["schema"] = {"type": "array", "items": {"$ref": "#/definitions/Task"}}


test_table = rule_table(
    "output-type-changed",
    valid=silent_pairs() + [pair("an input type", lambda d: d["definitions"]["Owner"]["properties"]["team"].__setitem__("type", "integer"))],
    invalid=[
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
