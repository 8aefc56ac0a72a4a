from ruletester import case, err, rule_table, swagger

KEY = "x-ms-connector-metadata"
WEBSITE = {"propertyName": "Website", "propertyValue": "https://contoso.com"}
PRIVACY = {"propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy"}
CATEGORIES = {"propertyName": "Categories", "propertyValue": "Productivity"}


def metadata(*items):
    return swagger(**{KEY: list(items)})


def without_metadata():
    doc = swagger()
    del doc[KEY]
    return doc


def inserted():
    doc = without_metadata()
    items = [{"propertyName": n, "propertyValue": ""} for n in ("Website", "Privacy policy", "Categories")]
    out = {}
    for key, value in doc.items():
        out[key] = value
        if key == "paths":
            out[KEY] = items
    return out


test_connector_metadata_required = rule_table(
    "connector-metadata-required",
    valid=[
        case("all three items", swagger=swagger()),
        case("order does not matter", swagger=metadata(CATEGORIES, PRIVACY, WEBSITE)),
        case("URL with a space in its path", swagger=metadata(
            WEBSITE, {"propertyName": "Privacy policy", "propertyValue": "https://contoso.com/privacy policy.pdf"},
            CATEGORIES)),
        case("no swagger", swagger=None, api_properties={"properties": {}}),
    ],
    invalid=[
        case("no metadata: the skeleton is suggested after paths", swagger=without_metadata(),
             errors=[err("", "no 'x-ms-connector-metadata'", code="RequiredPropertyMissing")], output=inserted()),
        case("not an array", swagger=swagger(**{KEY: {"Website": "https://contoso.com"}}),
             errors=[err(f"/{KEY}", "must be an array", code="ConnectorMetadataPropertiesMissing")]),
        case("privacy policy missing", swagger=metadata(WEBSITE, CATEGORIES),
             errors=[err(f"/{KEY}", "no 'Privacy policy'")],
             output=metadata(WEBSITE, CATEGORIES, {"propertyName": "Privacy policy", "propertyValue": ""})),
        case("names match without case, documented spelling is a safe hint",
             swagger=metadata({"propertyName": "WebSite", "propertyValue": "https://contoso.com"}, PRIVACY, CATEGORIES),
             errors=[err(f"/{KEY}/0/propertyName", "documented spelling is 'Website'")],
             output=metadata(WEBSITE, PRIVACY, CATEGORIES)),
        case("empty value", swagger=metadata(WEBSITE, {"propertyName": "Privacy policy", "propertyValue": " "},
                                             CATEGORIES),
             errors=[err(f"/{KEY}/1/propertyValue", "has no value", code="RequiredValueEmpty")]),
        case("value missing points at the item", swagger=metadata(WEBSITE, PRIVACY, {"propertyName": "Categories"}),
             errors=[err(f"/{KEY}/2", "has no value")]),
        case("website is not a URL", swagger=metadata({"propertyName": "Website", "propertyValue": "www.contoso.com"},
                                                      PRIVACY, CATEGORIES),
             errors=[err(f"/{KEY}/0/propertyValue", "http(s) URL", code="UrlNotValid")]),
    ],
)
