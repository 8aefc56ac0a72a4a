from ruletester import case, err, rule_table, swagger

test_https_required = rule_table(
    "https-required",
    valid=[
        case("https only", swagger=swagger(schemes=["https"])),
        case("no schemes: the platform uses https", swagger=swagger(schemes=None)),
        case("upper-case HTTPS", swagger=swagger(schemes=["HTTPS"])),
        case("schemes is not a list", swagger=swagger(schemes="http")),
    ],
    invalid=[
        case("http only", swagger=swagger(schemes=["http"]), errors=[err("/schemes/0", "plain http")],
             output=swagger(schemes=["https"])),
        case("http beside https", swagger=swagger(schemes=["https", "http"]), errors=[err("/schemes/1", "also allows")],
             output=swagger(schemes=["https"])),
        case("upper-case HTTP", swagger=swagger(schemes=["HTTP"]), errors=[err("/schemes/0", "plain http")],
             output=swagger(schemes=["https"])),
    ],
)
