from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

test_table = rule_table(
    "host-changed",
    valid=silent_pairs(),
    invalid=[
        pair("host", lambda d: d.__setitem__("host", "api.contoso.net"), errors=[err("/host", "'api.contoso.com' to 'api.contoso.net'")]),
        pair("basePath removed", lambda d: d.pop("basePath"), errors=[err("", "The basePath has changed from '/v1' to none")]),
    ],
)
