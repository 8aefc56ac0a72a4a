from ruletester import case, err, rule_table

from connector_lint_rules._api import FileKind

BODY = "\npublic class Script : ScriptBase { }\n"
USINGS = "using System;\nusing System.Net.Http;\nusing Newtonsoft.Json.Linq;\nusing static System.Math;\n"
BAD = "using System.Data.SqlClient;\nusing System.Linq;\n"

test_script_namespace = rule_table(
    "script-namespace",
    valid=[
        case("supported namespaces", script=USINGS.replace("using static System.Math;\n", "") + BODY),
        case("no usings", script=BODY),
        case("a using statement is not a directive", script=BODY + "void F() { using (var s = new MemoryStream()) { } }"),
        case("an alias is not checked", script="using Json = Newtonsoft.Json.Linq.JObject;" + BODY),
        case("in a comment", script="// using System.Data;\n" + BODY),
    ],
    invalid=[
        case("an unsupported namespace", script=BAD + BODY,
             errors=[err("", "'System.Data.SqlClient'", span=(6, 27), file=FileKind.SCRIPT)]),
        case("using static of an unsupported class", script=USINGS + BODY,
             errors=[err("", "'System.Math'", file=FileKind.SCRIPT)]),
    ],
)
