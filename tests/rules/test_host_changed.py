from breaking_pairs import base_path_into_paths, pair, released, silent_pairs
from ruletester import case, err, rule_table

test_table = rule_table(
    "host-changed",
    valid=silent_pairs() + [
        case("basePath '/' and none are the same (Plumsail HelpDesk, Actsoft)",
             swagger={k: v for k, v in released().items() if k != "basePath"}, base_swagger={**released(), "basePath": "/"}),
        pair("basePath moved into every path (Dynatrace)", base_path_into_paths),
    ],
    invalid=[
        pair("host", lambda d: d.__setitem__("host", "api.contoso.net"), errors=[err("/host", "'api.contoso.com' to 'api.contoso.net'")]),
        pair("basePath removed", lambda d: d.pop("basePath"), errors=[err("", "The basePath has changed from '/v1' to none")]),
    ],
)
