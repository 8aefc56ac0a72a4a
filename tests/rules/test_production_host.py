from ruletester import case, err, rule_table, swagger

test_production_host = rule_table(
    "production-host",
    valid=[
        case("production host", swagger=swagger(host="api.contoso.com")),
        case("developer is not dev", swagger=swagger(host="developer.contoso.com")),
        case("substring in a word", swagger=swagger(host="latest.contoso.com")),
        case("dev top-level domain", swagger=swagger(host="swapi.dev")),
        case("port is ignored", swagger=swagger(host="api.contoso.com:8443")),
        case("no host", swagger=swagger(host=None)),
        case("the word list is an option", swagger=swagger(host="qa.contoso.com"), options={"words": ["dev"]}),
    ],
    invalid=[
        case("staging label", swagger=swagger(host="staging.contoso.com"),
             errors=[err("/host", "'staging' environment", span=(0, 7))]),
        case("dev word inside a label", swagger=swagger(host="api-dev.contoso.com"),
             errors=[err("/host", "'dev'", span=(4, 7))]),
        case("numbered test environment", swagger=swagger(host="contoso-test01.azurewebsites.net"),
             errors=[err("/host", "'test01'", span=(8, 14))]),
        case("sandbox with underscore and upper case", swagger=swagger(host="API_SANDBOX.contoso.com"),
             errors=[err("/host", "'SANDBOX'", span=(4, 11))]),
        case("localhost with port", swagger=swagger(host="localhost:4433"), errors=[err("/host", "local machine")]),
        case("IPv4 address", swagger=swagger(host="10.1.2.3:8080"), errors=[err("/host", "IP address")]),
        case("IPv6 address", swagger=swagger(host="[2001:db8::1]:443"), errors=[err("/host", "IP address")]),
    ],
)
