from breaking_pairs import pair, silent_pairs
from ruletester import err, rule_table

test_table = rule_table(
    "dynamic-source-changed",
    valid=silent_pairs() + [
        pair("only the title changed", lambda d: d["paths"]["/tasks"]["get"]["parameters"][1]["x-ms-dynamic-values"].__setitem__("value-title", "label")),
        pair("dynamic values removed", lambda d: d["paths"]["/tasks"]["get"]["parameters"][1].pop("x-ms-dynamic-values")),
    ],
    invalid=[pair("another operation", lambda d: d["paths"]["/tasks"]["get"]["parameters"][1]["x-ms-dynamic-values"].__setitem__("operationId", "ListProjects"),
                  errors=[err("/paths/~1tasks/get/parameters/1/x-ms-dynamic-values", "(operationId)")])],
)
