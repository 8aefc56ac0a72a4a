from ruletester import api_properties, case, err, rule_table, swagger

from connector_lint_rules.title_not_unique import titles


def connector(title, host="api.contoso.com", publisher="Contoso"):
    return {"swagger": swagger(title=title, host=host), "api_properties": api_properties(publisher=publisher)}


test_title_not_unique = rule_table(
    "title-not-unique",
    valid=[
        case("a new title", **connector("Contoso Tasks")),
        case("the listed connector itself (same host)", **connector("DocuSign", host="WWW.DocuSign.net:443", publisher="X")),
        case("a sibling by the same publisher",
             **connector("Snowflake", host="other.example.com", publisher="Snowflake Inc.")),
        case("publisher compared without case", **connector("Snowflake", publisher="SNOWFLAKE INC.")),
        case("no title", swagger={"swagger": "2.0", "info": {}}),
    ],
    invalid=[
        case("another company's title", **connector("DocuSign"),
             errors=[err("/info/title", "'DocuSign' already has the title 'Docusign'")]),
        case("compared without case, spaces and punctuation", **connector("docu-sign"),
             errors=[err("/info/title", "'DocuSign'")]),
        case("no apiProperties and another host", swagger=swagger(title="Encodian", host="api.contoso.com"),
             errors=[err("/info/title", "Encodian")]),
    ],
)


def test_the_data_file_lists_the_corpus_titles():
    table = titles()
    assert sum(len(v) for v in table.values()) == 619
    assert all(len(entry) == 4 and entry[0] and entry[1] for entries in table.values() for entry in entries)
