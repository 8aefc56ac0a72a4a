from ruletester import case, err, rule_table, swagger

PARAM = swagger()["paths"]["/tasks/{taskId}"]["get"]["parameters"][0]
BODY = {"name": "body", "in": "body", "schema": {"type": "object"}}
FILE = {"name": "file", "in": "formData", "type": "file"}
P = "/paths/~1tasks~1{taskId}/post"


def post(params, consumes=None, root=("application/json",), responses=None):
    doc = swagger()
    item = doc["paths"]["/tasks/{taskId}"]
    item["post"] = {**item.pop("get"), "parameters": [PARAM, *params]}
    if consumes is not None:
        item["post"]["consumes"] = consumes
    if responses is not None:
        item["post"]["responses"] = responses
    if root is None:
        del doc["consumes"]
    else:
        doc["consumes"] = list(root)
    return doc


test_table = rule_table(
    "media-type-mismatch",
    valid=[case("json body, root consumes", swagger=post([BODY])),
           case("file upload", swagger=post([FILE], consumes=["multipart/form-data"])),
           case("no body needs no consumes", swagger=post([], root=None)),
           case("example for a produced type", swagger=post([BODY], responses={"200": {
               "description": "OK", "examples": {"application/json": {"id": 1}}}}))],
    invalid=[
        case("body without consumes", swagger=post([BODY], root=None), errors=[err(P, "no 'consumes'", code="ConsumesMissing")],
             output=post([BODY], root=None, consumes=["application/json"])),
        case("body with form types only", swagger=post([BODY], consumes=["multipart/form-data"]),
             errors=[err(f"{P}/consumes", "only form MIME types", code="MimeTypeNotCompatibleWithRequestContentSchemaType")]),
        case("form data with json only", swagger=post([FILE]), errors=[err("/consumes", "formData parameters need")]),
        case("file as url-encoded", swagger=post([FILE], consumes=["application/x-www-form-urlencoded"]),
             errors=[err(f"{P}/consumes", "use multipart/form-data", code="StringBinaryNotSupportedForFormUrlEncoded")]),
        case("example for another type", swagger=post([BODY], responses={"200": {
            "description": "OK", "examples": {"text/csv": "a,b"}}}),
             errors=[err(f"{P}/responses/200/examples/text~1csv", "does not produce", code="ResponseExampleMustBeProducedByOperation")]),
    ],
)
