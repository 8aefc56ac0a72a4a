from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

test_table = rule_table(
    "trigger-kind-changed",
    valid=silent_pairs(),
    invalid=[
        pair("single to batch", lambda d: d["paths"]["/hooks"]["post"].__setitem__("x-ms-trigger", "batch"),
             errors=[err("/paths/~1hooks/post/x-ms-trigger", "from 'single' to 'batch'")]),
        pair("trigger made an action", lambda d: d["paths"]["/hooks"]["post"].pop("x-ms-trigger"),
             errors=[err("/paths/~1hooks/post", "from 'single' to an action")]),
    ],
)
