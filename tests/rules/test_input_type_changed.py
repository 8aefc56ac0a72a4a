from breaking_pairs import pair, released, silent_pairs
from ruletester import case, err, rule_table

SENTENCE = "The type has been changed for the input field. Existing flows will continue to send the field with the old type."

def recursive_owner(email_type: str) -> dict:
    """Owner refers to itself (manager, deputies[]): the walk over the input must end."""
    doc = released()
    props = doc["definitions"]["Owner"]["properties"]
    props["manager"] = {"$ref": "#/definitions/Owner"}
    props["deputies"] = {"type": "array", "items": {"$ref": "#/definitions/Owner"}}
    props["email"]["type"] = email_type
    return doc


test_table = rule_table(
    "input-type-changed",
    valid=silent_pairs() + [
        pair("an output type is not an input", lambda d: d["definitions"]["Task"]["properties"]["id"].__setitem__("type", "integer")),
    ],
    invalid=[
        case("a recursive definition: reported once, and the walk ends", swagger=recursive_owner("object"),
             base_swagger=recursive_owner("string"),
             errors=[err("/definitions/Owner/properties/email/type", "'string' → 'object'",
                         value_path="operation/CreateTask/parameter/body/schema/owner/email/type")]),
        pair("query parameter", lambda d: d["paths"]["/tasks"]["get"]["parameters"][1].__setitem__("type", "integer"),
             errors=[err("/paths/~1tasks/get/parameters/1/type", SENTENCE,
                         value_path="operation/ListTasks/parameter/boardId/type")]),
        pair("body property through a $ref chain", lambda d: d["definitions"]["Owner"]["properties"]["email"].__setitem__("type", "object"),
             errors=[err("/definitions/Owner/properties/email/type", "'string' → 'object'",
                         value_path="operation/CreateTask/parameter/body/schema/owner/email/type")]),
        pair("compared as written: absent differs from object",
             lambda d: d["definitions"]["Owner"].pop("type"),
             errors=[err("/definitions/Owner", "'object' → none",
                         value_path="operation/CreateTask/parameter/body/schema/owner/type")]),
    ],
)
