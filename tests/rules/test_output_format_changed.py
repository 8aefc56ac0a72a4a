from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

SENTENCE = "The type format has been changed for the output field."

test_table = rule_table(
    "output-format-changed",
    valid=silent_pairs() + [pair("an input format", lambda d: d["definitions"]["TaskInput"]["properties"]["priority"].pop("format"))],
    invalid=[
        pair("format removed from a shared definition", lambda d: d["definitions"]["Task"]["properties"]["due"].pop("format"),
             errors=[err("/definitions/Task/properties/due", SENTENCE, value_path="operation/GetTask/responses/200/schema/due/format"),
                     err("/definitions/Task/properties/due", SENTENCE,
                         value_path="operation/ListTasks/responses/200/schema/value/items/due/format"),
                     err("/definitions/Task/properties/due", SENTENCE,
                         value_path="operation/CreateTask/responses/201/schema/due/format"),
                     err("/definitions/Task/properties/due", "'date-time' → none",
                         value_path="operation/OnTaskCreated/responses/x-ms-notification-content/schema/due/format")]),
    ],
)
