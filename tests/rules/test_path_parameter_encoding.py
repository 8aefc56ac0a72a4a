from ruletester import case, err, rule_table, swagger

OP = "/paths/~1tasks~1{taskId}/get"
PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]
ENCODED = {**PARAM, "x-ms-url-encoding": "single"}
ENCODED = {k: ENCODED[k] for k in ("name", "in", "required", "type", "x-ms-url-encoding", "x-ms-summary", "description")}
QUERY = {"name": "q", "in": "query", "type": "string", "x-ms-summary": "Q", "description": "The query."}


def with_params(*params):
    doc = swagger()
    doc["paths"]["/tasks/{taskId}"]["get"]["parameters"] = list(params)
    return doc


test_table = rule_table(
    "path-parameter-encoding",
    valid=[case("encoded path, plain query", swagger=with_params(ENCODED, QUERY)),
           case("double encoding", swagger=with_params({**ENCODED, "x-ms-url-encoding": "double"}))],
    invalid=[
        case("path without encoding", swagger=with_params(PARAM, QUERY),
             errors=[err(f"{OP}/parameters/0", "does not say how it is URL-encoded", code="PathParameterMissingEncoding")], output=with_params(ENCODED, QUERY)),
        case("query with single encoding", swagger=with_params(ENCODED, {**QUERY, "x-ms-url-encoding": "single"}),
             errors=[err(f"{OP}/parameters/1/x-ms-url-encoding", "Query parameters cannot", code="QueryParameterEncodingNotSupported")],
             output=with_params(ENCODED, QUERY)),
    ],
)
