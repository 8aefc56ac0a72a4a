"""Webhook triggers and notification operations are declared consistently.

## What it does
A webhook operation is one whose request has a property marked `"x-ms-notification-url": true`
(where the platform puts the callback URL). Validator codes:
- `OperationMustHaveNotificationContentExtension`: a webhook trigger whose path item has no
  `x-ms-notification-content` (the payload the trigger receives);
- `WebhookOperationsMissingNotificationUrlProperty`: a trigger with `x-ms-notification-content`
  but no `x-ms-notification-url` property in its request;
- `NotificationExtensionSupportedForTriggerOnly`: `x-ms-notification` on an operation that is
  not a trigger;
- `NotificationExtensionNotSupportedInWebhookOperation`: `x-ms-notification` on a webhook
  operation itself;
- `NotificationOperationMustBeWebhook`: `x-ms-notification.operationId` names an operation that
  is not a webhook;
- `ParamtersWithSameNameMustHaveSameTypeAndVisibility` (sic): a parameter of the operation and
  the same-named parameter of its `x-ms-notification` operation differ in type or visibility.

## Why is this bad?
Without the callback URL the service cannot call the flow back; without the notification
content the trigger has no outputs. Microsoft's validator rejects these connectors.

## Example
```json
{"/hooks": {"post": {"x-ms-trigger": "single", "operationId": "OnNewTask",
                     "parameters": [{"name": "body", "in": "body", "schema": {"type": "object",
                       "properties": {"url": {"type": "string", "x-ms-notification-url": true}}}}]}}}
```

## Use instead
```json
{"/hooks": {"x-ms-notification-content": {"description": "The new task.", "schema": {"$ref": "#/definitions/Task"}},
            "post": {"x-ms-trigger": "single", "operationId": "OnNewTask", "parameters": ["..."]}}}
```

## Fix
Removing `x-ms-notification` from a webhook operation is unsafe. The others have none.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Related, RemoveKey, Rule, Severity
from ._extensions import effective_parameters, operation_index, webhook_operations
from ._openapi import is_trigger, operations


def check(ctx):
    webhooks = webhook_operations(ctx)
    index = operation_index(ctx)
    for op in operations(ctx):
        content = isinstance(op.path_item.get("x-ms-notification-content"), dict)
        if is_trigger(op) and op.pointer in webhooks and not content:
            yield Finding(op.pointer, f"The webhook trigger {op.method.upper()} {op.path} has no "
                                      "'x-ms-notification-content' on its path item, so it has no outputs.",
                          target="key", related=(Related(webhooks[op.pointer], "The notification URL property."),),
                          validator_code="OperationMustHaveNotificationContentExtension")
        if is_trigger(op) and content and op.pointer not in webhooks and op.method != "get":
            yield Finding(op.pointer, f"The trigger {op.method.upper()} {op.path} receives notifications but no "
                                      "request property is marked \"x-ms-notification-url\": true.", target="key",
                          validator_code="WebhookOperationsMissingNotificationUrlProperty")
        notification = op.value.get("x-ms-notification")
        if not isinstance(notification, dict):
            continue
        ptr = f"{op.pointer}/x-ms-notification"
        if not is_trigger(op):
            yield Finding(ptr, "'x-ms-notification' is only for triggers (operations with x-ms-trigger).",
                          target="key", validator_code="NotificationExtensionSupportedForTriggerOnly")
        if op.pointer in webhooks:
            yield Finding(ptr, "A webhook operation cannot also have 'x-ms-notification'.", target="key",
                          fixes=(Fix("Remove x-ms-notification", (RemoveKey(ptr),), Applicability.UNSAFE),),
                          validator_code="NotificationExtensionNotSupportedInWebhookOperation")
        target = index.get(notification.get("operationId"))
        if target is None:
            continue  # unknown-operation-reference reports it
        if target.pointer not in webhooks:
            yield Finding(f"{ptr}/operationId", f"{notification['operationId']} is not a webhook operation (no "
                                                "x-ms-notification-url property in its request).",
                          related=(Related(target.pointer, "The named operation."),),
                          validator_code="NotificationOperationMustBeWebhook")
        yield from _same_parameters(ctx, op, target)


def _same_parameters(ctx, op, target):
    theirs = effective_parameters(ctx, target)
    for key, (ptr, param) in effective_parameters(ctx, op).items():
        if key not in theirs:
            continue
        tptr, other = theirs[key]
        for field in ("type", "x-ms-visibility"):
            if param.get(field) != other.get(field):
                yield Finding(ptr, f"'{key[0]}' has {field} {_shown(param.get(field))} here but {_shown(other.get(field))} in "
                                   f"{target.value.get('operationId')}.", target="key",
                              related=(Related(tptr, "The same parameter of the notification operation."),),
                              validator_code="ParamtersWithSameNameMustHaveSameTypeAndVisibility")
                break



def _shown(value) -> str:
    return "(none)" if value is None else repr(value)


RULE = Rule(
    id="invalid-webhook",
    summary="Webhook triggers and notification operations are declared consistently.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
