"""The paths a dynamic extension reads exist in the called operation's response.

## What it does
Follows the property paths of `x-ms-dynamic-values` (`value-collection`, `value-path`,
`value-title`), `x-ms-dynamic-list` and `x-ms-dynamic-tree` (`itemsPath`, `itemValuePath`,
`itemTitlePath`, `itemFullTitlePath`), `x-ms-dynamic-schema` (`value-path`) and
`x-ms-dynamic-properties` (`itemValuePath`) into the success response schema of the called
operation (`$ref`s and `allOf` followed). Validator codes:
- `InvokedOperationShouldProduceArray`: the collection (or, without one, the response itself)
  is not an array;
- `InvokedOperationShouldProduceProperty`: a path names a property the schema does not have.

Schemas that do not list their properties (free-form, dynamic or combined) are not judged. The
finding links to the response schema it was checked against. A warning: response schemas are
often incomplete, and 6% of certified connectors ship such a path.

## Why is this bad?
The designer reads the drop-down's values and titles at these paths; when they are not there
the list stays empty. Microsoft's validator rejects the connector.

## Example
```json
{"x-ms-dynamic-values": {"operationId": "ListProjects", "value-collection": "items",
                         "value-path": "id", "value-title": "title"}}
```

## Use instead
```json
{"x-ms-dynamic-values": {"operationId": "ListProjects", "value-collection": "value",
                         "value-path": "id", "value-title": "name"}}
```

## Fix
None: the right path depends on what the service returns.
"""

import re

from ._api import Finding, Related, Rule, Severity
from ._extensions import OPEN, calls, is_array, operation_index, schema_at, success_schema

PATH = re.compile(r"^[\w@.$ -]+(/[\w@.$ -]+)*$")
COLLECTION = {"x-ms-dynamic-values": "value-collection", "x-ms-dynamic-list": "itemsPath",
              "x-ms-dynamic-tree/open": "itemsPath", "x-ms-dynamic-tree/browse": "itemsPath"}
ITEM_PATHS = {"x-ms-dynamic-values": ("value-path", "value-title"),
              "x-ms-dynamic-list": ("itemValuePath", "itemTitlePath"),
              "x-ms-dynamic-tree/open": ("itemValuePath", "itemTitlePath", "itemFullTitlePath"),
              "x-ms-dynamic-tree/browse": ("itemValuePath", "itemTitlePath", "itemFullTitlePath"),
              "x-ms-dynamic-schema": ("value-path",), "x-ms-dynamic-properties": ("itemValuePath",)}


def check(ctx):
    index = operation_index(ctx)
    for call in calls(ctx):
        oid = call.value.get("operationId")
        target = index.get(oid) if isinstance(oid, str) else None
        if target is None or call.kind not in ITEM_PATHS:
            continue
        ptr, schema = success_schema(ctx, target)
        if schema is None:
            continue
        related = (Related(ptr, f"The response schema of {target.value.get('operationId')}."),)
        if call.kind in COLLECTION:
            key = COLLECTION[call.kind]
            path = call.value.get(key)
            if path is not None and not isinstance(path, str) or path and not PATH.match(path):
                continue
            found = schema_at(ctx.swagger, ptr, schema, path) if path else (ptr, schema)
            where = f"{call.pointer}/{key}" if path else f"{call.pointer}/operationId"
            if found is None:
                yield Finding(where, f"The response of {target.value.get('operationId')} has no '{path}'.",
                              related=related, validator_code="InvokedOperationShouldProduceArray")
                continue
            if found is OPEN:
                continue
            if is_array(ctx.swagger, *found) is False:
                what = f"'{path}' in the response" if path else "the response"
                yield Finding(where, f"{what[0].upper()}{what[1:]} of {target.value.get('operationId')} is not "
                                     "an array" + ("" if path else f"; set '{key}' to the array's path") + ".",
                              related=related, validator_code="InvokedOperationShouldProduceArray")
                continue
            items = found[1].get("items") if isinstance(found[1], dict) else None
            if not isinstance(items, dict):
                continue
            ptr, schema = found[0] + "/items", items
        for key in ITEM_PATHS[call.kind]:
            path = call.value.get(key)
            if not isinstance(path, str) or not path or not PATH.match(path):
                continue
            if schema_at(ctx.swagger, ptr, schema, path) is None:
                yield Finding(f"{call.pointer}/{key}", f"The items of {target.value.get('operationId')}'s response "
                                                       f"have no '{path}'." if call.kind in COLLECTION else
                              f"The response of {target.value.get('operationId')} has no '{path}'.",
                              related=(Related(ptr, "The schema it was looked up in."),),
                              validator_code="InvokedOperationShouldProduceProperty")


RULE = Rule(
    id="dynamic-response-path",
    summary="The paths a dynamic extension reads exist in the called operation's response.",
    severity=Severity.WARNING,
    category="structure",
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
