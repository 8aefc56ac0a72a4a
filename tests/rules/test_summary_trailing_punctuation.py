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


test_summary_trailing_punctuation = rule_table(
    "summary-trailing-punctuation",
    valid=[
        case("ends with a letter", swagger=swagger()),
        case("ends with a digit", swagger=summarised("Get task V2")),
        case("deprecated marker", swagger=summarised("Get task (deprecated)")),
        case("only a restricted character: the other rule's", swagger=summarised("Is it done?")),
        case("blank", swagger=summarised("  ")),
    ],
    invalid=[
        case("period", swagger=summarised("Get a task."), errors=[err(f"{OP}/summary", "'.'", span=(10, 11), code="ValueMustEndWithAlphanumeric")],
             output=summarised("Get a task")),
        case("trailing space", swagger=summarised("Get a task  "), errors=[err(f"{OP}/summary", "a space")],
             output=summarised("Get a task")),
        case("question mark and space", swagger=summarised("Is it done? "), errors=[err(f"{OP}/summary", "'?'")],
             output=summarised("Is it done")),
        case("closing quote", swagger=summarised("Get 'open' tasks '"), errors=[err(f"{OP}/summary", "'''")],
             output=summarised("Get 'open' tasks")),
        case("internal operations too", swagger=summarised("Get a task.", **{"x-ms-visibility": "internal"}),
             errors=[err(f"{OP}/summary")], output=summarised("Get a task", **{"x-ms-visibility": "internal"})),
        case("nothing before it: no fix", swagger=summarised("..."), errors=[err(f"{OP}/summary", "'...'")]),
    ],
)


def test_fix_safety():
    rule = rules_by_id()["summary-trailing-punctuation"]
    [period] = run_rule(rule, RuleContext(swagger=summarised("Get a task:")))
    [quote] = run_rule(rule, RuleContext(swagger=summarised("Get \"task\"")))
    assert period.fixes[0].applicability is Applicability.SAFE
    assert quote.fixes[0].applicability is Applicability.UNSAFE
