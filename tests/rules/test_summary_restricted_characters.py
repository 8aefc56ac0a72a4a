from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import Applicability, RuleContext

OP = "/paths/~1tasks~1{taskId}/get"


def summarised(summary, **changes):
    doc = swagger()
    op = doc["paths"]["/tasks/{taskId}"]["get"]
    op["summary"] = summary
    op.update(changes)
    return doc


test_summary_restricted_characters = rule_table(
    "summary-restricted-characters",
    valid=[
        case("clean", swagger=swagger()),
        case("other punctuation is summary-characters'", swagger=summarised("Get a task's details - fast, now (v2)")),
        case("not a string", swagger=summarised(["/"])),
    ],
    invalid=[
        case("slash and ampersand", swagger=summarised("Create/update a task & notify"),
             errors=[err(f"{OP}/summary", "'/', '&'", span=(6, 22), code="RestrictedCharactersInSummary")],
             output=summarised("Create or update a task and notify")),
        case("question mark", swagger=summarised("Is the task done?"), errors=[err(f"{OP}/summary", "'?'")],
             output=summarised("Is the task done")),
        case("percent after a number", swagger=summarised("Get 50% of tasks"), errors=[err(f"{OP}/summary", "'%'")],
             output=summarised("Get 50 percent of tasks")),
        case("angle brackets and star", swagger=summarised("Get <all> tasks*"),
             errors=[err(f"{OP}/summary", "'<', '>', '*'")], output=summarised("Get all tasks")),
        case("backslash", swagger=summarised("Read\\write"), errors=[err(f"{OP}/summary", "'\\'")],
             output=summarised("Read or write")),
        case("internal operations too", swagger=summarised("A & B", **{"x-ms-visibility": "internal"}),
             errors=[err(f"{OP}/summary")], output=summarised("A and B", **{"x-ms-visibility": "internal"})),
        case("nothing left: no fix", swagger=summarised("???"), errors=[err(f"{OP}/summary")]),
    ],
)


def test_fix_is_never_safe():
    rule = rules_by_id()["summary-restricted-characters"]
    [a] = run_rule(rule, RuleContext(swagger=summarised("Tasks & notes")))
    [b] = run_rule(rule, RuleContext(swagger=summarised("Tasks <new>")))
    assert a.fixes[0].applicability is Applicability.UNSAFE
    assert b.fixes[0].applicability is Applicability.SUGGESTION
