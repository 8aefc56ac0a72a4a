from breaking_pairs import changed, pair, silent_pairs
from ruletester import case, err, rule_table

SENTENCE = "The output field has been deleted."


def get_task_200(d):
    return d["paths"]["/tasks/{taskId}"]["get"]["responses"]["200"]


def drop_label_color(d):
    d["definitions"]["Label"]["properties"].pop("color")


test_table = rule_table(
    "output-deleted",
    valid=silent_pairs() + [
        pair("a field of the default response", lambda d: d["paths"]["/tasks"]["post"]["responses"]["default"]["schema"]["properties"].pop("error")),
        pair("a new output field", lambda d: d["definitions"]["Task"]["properties"].__setitem__("done", {"type": "boolean"})),
        pair("an input field removed", lambda d: d["definitions"]["Owner"]["properties"].pop("team")),
        case("an empty success schema `{}` removed: flows had only the whole body, as before (Impexium, Data8)",
             swagger=changed(lambda d: get_task_200(d).pop("schema")),
             base_swagger=changed(lambda d: get_task_200(d).__setitem__("schema", {"description": "The task."}))),
    ],
    invalid=[
        pair("a field of a shared definition: once per operation that returns it, array items included", drop_label_color,
             errors=[err("/definitions/Label/properties", SENTENCE,
                         value_path="operation/GetTask/responses/200/schema/labels/items/color"),
                     err("/definitions/Label/properties", SENTENCE,
                         value_path="operation/ListTasks/responses/200/schema/value/items/labels/items/color"),
                     err("/definitions/Label/properties", SENTENCE,
                         value_path="operation/CreateTask/responses/201/schema/labels/items/color"),
                     err("/definitions/Label/properties", SENTENCE,
                         value_path="operation/OnTaskCreated/responses/x-ms-notification-content/schema/labels/items/color")]),
        pair("the success response's schema", lambda d: d["paths"]["/tasks/{taskId}"]["get"]["responses"]["200"].pop("schema"),
             errors=[err("/paths/~1tasks~1{taskId}/get/responses/200", SENTENCE,
                         value_path="operation/GetTask/responses/200/schema")]),
    ],
)


def on_the_operation(doc):
    """`x-ms-notification-content` on the operation rather than its path item is read there too."""
    doc["paths"]["/hooks"]["post"]["x-ms-notification-content"] = doc["paths"]["/hooks"].pop("x-ms-notification-content")


def test_notification_content_on_the_operation_is_compared_too():
    from breaking_pairs import changed

    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import RuleContext

    old = changed(on_the_operation)
    new = changed(lambda d: (on_the_operation(d), d["definitions"]["Task"]["properties"].pop("name")))
    found = run_rule(rules_by_id()["output-deleted"], RuleContext(swagger=new, base=RuleContext(swagger=old)))
    assert "operation/OnTaskCreated/responses/x-ms-notification-content/schema/name" in [f.value_path for f in found]
