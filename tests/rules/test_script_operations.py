from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules._api import FileKind

SW = swagger()  # one operation: GetTask
SCRIPT = 'public class Script : ScriptBase { void F() { if (Context.OperationId == "GetTask") { } } }'
PTR = "/properties/scriptOperations"

test_script_operations = rule_table(
    "script-operations",
    valid=[
        case("listed and handled", swagger=SW, api_properties=api_properties(scriptOperations=["GetTask"]), script=SCRIPT),
        case("an empty list runs the script for every operation", swagger=SW,
             api_properties=api_properties(scriptOperations=[]), script=SCRIPT),
        case("no list", swagger=SW, api_properties=api_properties(), script=SCRIPT),
        case("no script and no list", swagger=SW, api_properties=api_properties()),
        case("an empty list without a script", swagger=SW, api_properties=api_properties(scriptOperations=[])),
    ],
    invalid=[
        case("a listed operation that does not exist", swagger=SW, script=SCRIPT,
             api_properties=api_properties(scriptOperations=["GetTask", "GetTaks"]),
             errors=[err(f"{PTR}/1", "did you mean 'GetTask'")],
             output=api_properties(scriptOperations=["GetTask", "GetTask"])),
        case("a list without a script", swagger=SW, api_properties=api_properties(scriptOperations=["GetTask"]),
             errors=[err(PTR, "no script.csx")]),
        case("the script handles an unlisted operation", swagger=swagger(paths={
                 **swagger()["paths"], "/other": {"get": {"operationId": "Other", "responses": {}}}}),
             api_properties=api_properties(scriptOperations=["Other"]), script=SCRIPT,
             errors=[err("", "never runs", span=(SCRIPT.index("GetTask"), SCRIPT.index("GetTask") + 7),
                         file=FileKind.SCRIPT)]),
    ],
)
