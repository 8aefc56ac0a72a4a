from ruletester import case, err, rule_table, swagger

OAUTH = {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://a.com", "tokenUrl": "https://t.com",
         "scopes": {"read": "Read tasks."}}


def with_security(requirements, op_requirements=None):
    doc = swagger()
    doc["securityDefinitions"]["oauth"] = OAUTH
    doc["security"] = requirements
    if op_requirements is not None:
        doc["paths"]["/tasks/{taskId}"]["get"]["security"] = op_requirements
    return doc


test_table = rule_table(
    "invalid-security-requirement",
    valid=[case("api key", swagger=swagger()),
           case("oauth with declared scope", swagger=with_security([{"oauth": ["read"]}])),
           case("operation-level", swagger=with_security([], [{"api_key": []}]))],
    invalid=[
        case("undefined name", swagger=with_security([{"apikey": []}]),
             errors=[err("/security/0/apikey", "did you mean 'api_key'", code="SecurityRequirementMustBeDefined")],
             output=with_security([{"api_key": []}])),
        case("scopes on an api key", swagger=with_security([{"api_key": ["read"]}]),
             errors=[err("/security/0/api_key", "has no scopes", code="SecurityRequirementMustHaveEmptyValue")], output=with_security([{"api_key": []}])),
        case("null value", swagger=with_security([{"api_key": None}]),
             errors=[err("/security/0/api_key", "needs a list", code="SecurityRequirementMustHaveValue")], output=with_security([{"api_key": []}])),
        case("undeclared oauth scope", swagger=with_security([], [{"oauth": ["write"]}]),
             errors=[err("/paths/~1tasks~1{taskId}/get/security/0/oauth/0", "'write' is not declared", code="OAuthSecurityRequirementValueMustBeScopeName")]),
    ],
)
