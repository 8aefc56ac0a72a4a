from breaking_pairs import silent_pairs
from ruletester import case, err, rule_table, swagger

test_table = rule_table(
    "base-unreadable",
    valid=silent_pairs(),
    invalid=[case("not JSON", swagger=swagger(), base_error="origin/dev:Contoso/apiDefinition.swagger.json is not valid JSON",
                  errors=[err("", "The breaking-change comparison was skipped: origin/dev:Contoso")])],
)
