from ruletester import case, err, rule_table, swagger

from connector_lint_rules._api import FileKind
from connector_lint_rules._script import operation_id_comparisons

SW = swagger()  # one operation: GetTask

EQ = 'if (this.Context.OperationId == "GetTaks") { }'
SWITCH = 'switch (Context.OperationId) { case "GetTask": break; case "ListTasks": break; }'
REVERSED = 'if ("Gettask" != this.Context.OperationId) { }'
ALIAS = 'var op = this.Context.OperationId;\nif (op == "DeleteTask") { }'
CONST = 'private const string Op = "GetTasks";\nbool b = this.Context.OperationId.Equals(Op);'


def at(text, value):
    start = text.index(f'"{value}"') + 1
    return err("", f"'{value}'", span=(start, start + len(value)), file=FileKind.SCRIPT)


test_script_operation_id = rule_table(
    "script-operation-id",
    valid=[
        case("an existing operationId", swagger=SW, script='if (this.Context.OperationId == "GetTask") { }'),
        case("a string not compared with the operationId", swagger=SW, script='var s = "Nope"; if (s == "Other") { }'),
        case("a comparison in a comment", swagger=SW, script='// if (this.Context.OperationId == "Nope")'),
        case("no swagger to compare with", script=EQ),
        case("string.Equals with an existing id", swagger=SW,
             script='if (string.Equals(this.Context.OperationId, "GetTask", StringComparison.Ordinal)) { }'),
    ],
    invalid=[
        case("a misspelled operationId", swagger=SW, script=EQ, errors=[at(EQ, "GetTaks")]),
        case("a switch case", swagger=SW, script=SWITCH, errors=[at(SWITCH, "ListTasks")]),
        case("the literal on the left, in another case", swagger=SW, script=REVERSED, errors=[at(REVERSED, "Gettask")]),
        case("through a local variable", swagger=SW, script=ALIAS, errors=[at(ALIAS, "DeleteTask")]),
        case("through a constant", swagger=SW, script=CONST, errors=[at(CONST, "GetTasks")]),
    ],
)


def test_did_you_mean_names_the_closest_operation():
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import RuleContext

    [finding] = run_rule(rules_by_id()["script-operation-id"], RuleContext(swagger=SW, script=EQ))
    assert "did you mean 'GetTask'?" in finding.message
    assert finding.related[0].pointer == "/paths/~1tasks~1{taskId}/get/operationId"


def test_strings_with_escapes_and_verbatim_strings_keep_offsets():
    text = 'var a = "say \\"hi\\""; var b = @"C:\\path ""q"""; if (Context.OperationId == "X") {}'
    [(value, start, end)] = operation_id_comparisons(text)
    assert value == "X" and text[start:end] == "X"
