"""swagger-size reads ctx.swagger_size, which the table tester does not set: the triggering cases
build the context directly."""

from ruletester import case, rule_table, swagger

from connector_lint_rules import rules_by_id, run_rule
from connector_lint_rules._api import RuleContext

RULE = rules_by_id()["swagger-size"]


def findings(size, **options):
    return run_rule(RULE, RuleContext(swagger=swagger(), swagger_size=size, options=options))


test_swagger_size = rule_table(
    "swagger-size",
    valid=[case("size unknown (the tester sets none)", swagger=swagger())],
    invalid=[],
)


def test_exactly_one_mebibyte_passes():
    assert findings(1048576) == []


def test_one_byte_over_fails_at_the_root():
    (finding,) = findings(1048577)
    assert finding.pointer == "" and "1,048,577 bytes" in finding.message and "1.00 MB" in finding.message


def test_the_limit_is_an_option():
    assert findings(600_000, maxBytes=500_000)
    assert findings(400_000, maxBytes=500_000) == []
