from ruletester import case, err, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import Applicability, RuleContext, Severity

test_title_trailing_character = rule_table(
    "title-trailing-character",
    valid=[
        case("letter", swagger=swagger(title="Contoso Tasks")),
        case("digit", swagger=swagger(title="Contoso 365")),
        case("non-ASCII letter", swagger=swagger(title="Contoso Café")),
        case("blank is title-required's", swagger=swagger(title="  ")),
        case("not a string", swagger=swagger(title=["Contoso."])),
    ],
    invalid=[
        case("period", swagger=swagger(title="Contoso Tasks."),
             errors=[err("/info/title", "'.'", span=(13, 14), code="ValueMustEndWithAlphanumeric")], output=swagger(title="Contoso Tasks")),
        case("trailing space and line break", swagger=swagger(title="Contoso \n"),
             errors=[err("/info/title", "line break", span=(7, 9))], output=swagger(title="Contoso")),
        case("symbol", swagger=swagger(title="Contoso++"), errors=[err("/info/title", "'++'")],
             output=swagger(title="Contoso")),
        case("closing bracket", swagger=swagger(title="Contoso (Preview)"), errors=[err("/info/title", "')'")],
             output=swagger(title="Contoso Preview")),
        case("space after a closing bracket: trim the space only", swagger=swagger(title="Contoso (Preview) "),
             errors=[err("/info/title", "a space", span=(17, 18))], output=swagger(title="Contoso (Preview)")),
        case("deprecated connector: no fix", swagger=swagger(title="Contoso (deprecated)"),
             errors=[err("/info/title", "')'")]),
        case("only symbols: no fix", swagger=swagger(title="!!!"), errors=[err("/info/title", "'!!!'")]),
    ],
)


def _finding(title):
    [finding] = run_rule(rules_by_id()["title-trailing-character"], RuleContext(swagger=swagger(title=title)))
    return finding


def test_fix_safety():
    assert _finding("Contoso.").fixes[0].applicability is Applicability.SAFE
    assert _finding("Contoso!").fixes[0].applicability is Applicability.UNSAFE
    assert _finding("Contoso (Canada)").fixes[0].applicability is Applicability.SUGGESTION


def test_bracket_is_only_a_warning():
    assert _finding("Asite (Canada)").severity is Severity.WARNING
    assert _finding("Asite.").severity is None
