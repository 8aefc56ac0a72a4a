from ruletester import case, err, rule_table, swagger

URL_PROP = {"type": "string", "x-ms-notification-url": True, "x-ms-visibility": "internal"}
BODY = {"name": "body", "in": "body", "required": True,
        "schema": {"type": "object", "required": ["url"], "properties": {"url": URL_PROP}}}
CONTENT = {"description": "The new task.", "schema": {"$ref": "#/definitions/Task"}}


def connector(trigger=True, content=True, body=True, notification=None, fetch_is_webhook=False):
    doc = swagger()
    hook = {"operationId": "OnNewTask", "responses": {"201": {"description": "Created"}},
            "parameters": [BODY] if body else []}
    if trigger:
        hook["x-ms-trigger"] = "single"
    if notification:
        hook["x-ms-notification"] = {"operationId": notification}
    doc["paths"]["/hooks"] = {"post": hook}
    if content:
        doc["paths"]["/hooks"]["x-ms-notification-content"] = CONTENT
    if fetch_is_webhook:
        doc["paths"]["/fetch"] = {"post": {"operationId": "Fetch", "parameters": [BODY],
                                           "responses": {"200": {"description": "OK"}}}}
    return doc


SINCE = {"name": "since", "in": "query", "type": "string", "x-ms-summary": "Since", "description": "Since."}


def polling_with_fetch(fetch_since):
    """A polling trigger whose x-ms-notification names a webhook operation; both take `since`."""
    doc = connector(content=False, body=False, notification="Fetch", fetch_is_webhook=True)
    doc["paths"]["/hooks"]["post"]["parameters"].append(SINCE)
    doc["paths"]["/fetch"]["post"]["parameters"] = [BODY, fetch_since]
    return doc


H = "/paths/~1hooks/post"
test_table = rule_table(
    "invalid-webhook",
    valid=[case("a webhook trigger", swagger=connector()),
           case("a polling trigger", swagger=connector(content=False, body=False)),
           case("a notification operation with the same parameter", swagger=polling_with_fetch(SINCE))],
    invalid=[
        case("no notification content", swagger=connector(content=False),
             errors=[err(H, "has no 'x-ms-notification-content'", code="OperationMustHaveNotificationContentExtension")]),
        case("no notification url", swagger=connector(body=False),
             errors=[err(H, "no request property is marked", code="WebhookOperationsMissingNotificationUrlProperty")]),
        case("notification on an action", swagger=connector(trigger=False, content=False, body=False,
                                                            notification="GetTask"),
             errors=[err(f"{H}/x-ms-notification", "only for triggers", code="NotificationExtensionSupportedForTriggerOnly"),
                     err(f"{H}/x-ms-notification/operationId", "not a webhook operation", code="NotificationOperationMustBeWebhook")]),
        case("notification on a webhook", swagger=connector(notification="Fetch", fetch_is_webhook=True),
             errors=[err(f"{H}/x-ms-notification", "cannot also have", code="NotificationExtensionNotSupportedInWebhookOperation")],
             output=connector(fetch_is_webhook=True)),
        case("same-named parameter of another type", swagger=polling_with_fetch({**SINCE, "type": "integer"}),
             errors=[err(f"{H}/parameters/0", "has type 'string' here but 'integer' in Fetch",
                         code="ParamtersWithSameNameMustHaveSameTypeAndVisibility")]),
        case("same-named parameter of another visibility",
             swagger=polling_with_fetch({**SINCE, "x-ms-visibility": "internal"}),
             errors=[err(f"{H}/parameters/0", "has x-ms-visibility (none) here but 'internal' in Fetch",
                         code="ParamtersWithSameNameMustHaveSameTypeAndVisibility")]),
    ],
)
