from ruletester import case, err, rule_table

from connector_lint_rules._api import FileKind

GOOD = """using Newtonsoft.Json.Linq;

public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        return await this.Context.SendAsync(this.Context.Request, this.CancellationToken);
    }
}
"""


def script_err(contains, text, needle):
    start = text.index(needle)
    return err("", contains, span=(start, start + len(needle)), file=FileKind.SCRIPT)


LOWER = GOOD.replace("class Script", "class script")
OTHER = GOOD.replace("class Script", "class Transformer")
INTERNAL = GOOD.replace("public class", "class")
NO_OVERRIDE = GOOD.replace("public override async Task<HttpResponseMessage> ExecuteAsync()",
                           "public async Task<HttpResponseMessage> ExecuteAsync()")
RUN = GOOD.replace("ExecuteAsync()", "RunAsync()")
COMMENTED = "// public class Script : ScriptBase\n" + GOOD.replace("ScriptBase\n{", "Base\n{", 1)

test_script_structure = rule_table(
    "script-structure",
    valid=[
        case("the documented shape", script=GOOD),
        case("no script", swagger={"swagger": "2.0"}),
        case("fully qualified types and a byte-order mark",
             script="\ufeff" + GOOD.replace("Task<HttpResponseMessage>", "System.Threading.Tasks.Task<System.Net.Http.HttpResponseMessage>")),
        case("helper classes beside Script", script=GOOD + "\npublic class Helper { }\n"),
        case("synchronous override", script=GOOD.replace("override async Task", "override Task")),
    ],
    invalid=[
        case("class named in lower case", script=LOWER, errors=[script_err("must be named 'Script'", LOWER, "script")]),
        case("another class name", script=OTHER, errors=[script_err("'Transformer'", OTHER, "Transformer")]),
        case("not public", script=INTERNAL, errors=[script_err("not public", INTERNAL, "Script")]),
        case("ExecuteAsync without override", script=NO_OVERRIDE,
             errors=[script_err("does not override", NO_OVERRIDE, "ExecuteAsync")]),
        case("no ExecuteAsync at all", script=RUN, errors=[script_err("does not override", RUN, "Script")]),
        case("no ScriptBase class (only in a comment)", script=COMMENTED,
             errors=[err("", "no class deriving from ScriptBase", span=(0, 1))]),
        case("1 MB or more", script=GOOD + "// " + "x" * (1024 * 1024) + "\n",
             errors=[err("", "less than 1 MB", span=(0, 1))]),
    ],
)


def test_lower_case_class_is_a_warning_and_other_names_are_errors():
    from connector_lint_rules import rules_by_id, run_rule
    from connector_lint_rules._api import RuleContext, Severity

    rule = rules_by_id()["script-structure"]
    assert [f.severity for f in run_rule(rule, RuleContext(script=LOWER))] == [Severity.WARNING]
    assert [f.severity for f in run_rule(rule, RuleContext(script=OTHER))] == [None]
