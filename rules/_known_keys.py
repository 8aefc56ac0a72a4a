"""The x-ms-* extensions Power Platform knows, and "did you mean" for misspelled keys and names.

EXTENSIONS documents each known key: where it may appear and what it does (the schema in
data/swagger-connector.schema.json says the same in machine form; a test keeps the two in step).
The language server can use it for hover text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extension:
    where: str  # the objects it may appear in, in plain words
    summary: str  # what it does
    values: str = ""  # allowed values or shape, when short
    ignored: bool = False  # accepted, but Power Platform ignores it (AutoRest)
    anchor: str = ""  # its heading on Microsoft's extensions page (EXTENSIONS_PAGE), when documented there
    note: str = ""  # the one-line rule the validator or that page adds about it


EXTENSIONS_PAGE = "https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions"
_VALUES = "x-ms-dynamic-values-and-x-ms-dynamic-list"  # anchors of the page's headings
_SCHEMA = "x-ms-dynamic-schema-and-x-ms-dynamic-properties"


EXTENSIONS: dict[str, Extension] = {
    "x-ms-summary": Extension("parameters, schemas and their properties, responses, headers and operations",
                              "The display name the designer shows (Title Case).",
                              anchor="x-ms-summary",
                              note="Required on parameters for certification; Title Case, at most 80 characters."),
    "x-ms-visibility": Extension("operations, parameters, schemas and their properties, and headers",
                                 "Where the designer shows the item.", "important, advanced or internal",
                                 anchor="x-ms-visibility",
                                 note="An `internal` value that is also required needs a `default`."),
    "x-ms-api-annotation": Extension("'info' and operations",
                                     "Life cycle of the connector (status) or of an operation (family, revision, "
                                     "status, replacement).",
                                     anchor="x-ms-api-annotation",
                                     note="`status` is `Production` or `Preview`; `revision` is an integer of 1 or more; "
                                          "`replacement` only on deprecated operations."),
    "x-ms-operation-context": Extension("operations", "How to simulate the operation (simulate.operationId).",
                                        anchor="x-ms-operation-context",
                                        note="`simulate.operationId` must name an operation of the connector."),
    "x-ms-capabilities": Extension("the document root (testConnection, file-picker) and operations (chunkTransfer)",
                                   "Connector or operation capabilities.",
                                   anchor="x-ms-capabilities",
                                   note="`testConnection.operationId` must name a `get` operation callable with no or only "
                                        "literal parameters."),
    "x-ms-trigger": Extension("operations", "Marks the operation as a trigger.", "batch or single",
                              anchor="x-ms-trigger",
                              note="`batch` triggers return an array, `single` triggers an object."),
    "x-ms-trigger-hint": Extension("operations", "A hint shown for a trigger.",
                                   anchor="x-ms-trigger-hint",
                                   note="Only on operations with `x-ms-trigger`."),
    "x-ms-trigger-metadata": Extension("operations", "Polling trigger metadata.",
                                       '{"kind": "query", "mode": "polling"}'),
    "x-ms-trigger-value": Extension("non-body parameters", "Where a trigger's value comes from.",
                                    "value-collection and/or value-path"),
    "x-ms-notification-content": Extension("path items", "The payload a webhook trigger receives (description, schema).",
                                           anchor="x-ms-notification-content",
                                           note="On the path item of a webhook trigger; needs a `schema`."),
    "x-ms-notification-url": Extension("properties of a request body schema",
                                       "Marks the property that receives the webhook callback URL.", "true",
                                       anchor="x-ms-notification-url",
                                       note="A required, internal string property of the request body."),
    "x-ms-notification": Extension("operations", "The operation that fetches a notification (operationId)."),
    "x-ms-url-encoding": Extension("path parameters", "How the value is URL-encoded.", "single (default) or double",
                                   anchor="x-ms-url-encoding",
                                   note="Path parameters should say it; query parameters must not."),
    "x-ms-dynamic-values": Extension("parameters and schema properties",
                                     "Fills a drop-down from another operation's response.",
                                     anchor=_VALUES,
                                     note="The `operationId` must exist and its `parameters` must resolve."),
    "x-ms-dynamic-list": Extension("parameters and schema properties",
                                   "Newer form of x-ms-dynamic-values that can reference body properties.",
                                   anchor=_VALUES,
                                   note="Each parameter is `{value}` or `{parameterReference}`."),
    "x-ms-dynamic-schema": Extension("body-parameter schemas and response schemas",
                                     "Gets the schema of a value from another operation.",
                                     anchor=_SCHEMA,
                                     note="On the body parameter's `schema` or a response `schema`, not on the parameter itself."),
    "x-ms-dynamic-properties": Extension("body-parameter schemas and response schemas",
                                         "Newer form of x-ms-dynamic-schema.",
                                         anchor=_SCHEMA,
                                         note="`itemValuePath` must match the dynamic schema's `value-path`."),
    "x-ms-dynamic-tree": Extension("query and path parameters and schemas",
                                   "A hierarchical picker (settings, open, browse)."),
    "x-ms-enum-values": Extension("non-body parameters and schemas",
                                  "Display names for the values of 'enum'.", "[{value, displayName}]"),
    "x-ms-test-value": Extension("parameters and schemas", "A sample value for tests (never a secret)."),
    "x-ms-no-generic-test": Extension("operations", "Excludes the operation from generic tests.", "true or false"),
    "x-ms-pageable": Extension("operations", "The response is paged.",
                               '{"nextLinkName": "nextLink" or "@odata.nextLink"}'),
    "x-ms-safe-operation": Extension("operations", "Marks an operation (such as a POST) as side-effect free.",
                                     "true or false"),
    "x-ms-localizeDefaultValue": Extension("non-body parameters and schemas", "Localizes the default value.",
                                           "true or false"),
    "x-ms-media-kind": Extension("schemas", "The kind of media a value holds.", "image or audio"),
    "x-ms-editor": Extension("non-body parameters and schemas", "The designer's editor for the value.",
                             "for example dictionary"),
    "x-ms-editor-options": Extension("non-body parameters and schemas", "Options of the designer's editor."),
    "x-ms-connector-metadata": Extension("the document root", "Certification metadata: Website, Privacy policy, "
                                         "Categories.", "[{propertyName, propertyValue}]"),
    "x-ms-docs": Extension("the document root", "Links to documentation.", "[{url, description}]"),
    "x-ms-deployment-version": Extension("'info'", "The deployment version.", "a dotted number such as 1.0.2"),
    "x-ms-keywords": Extension("'info'", "Search keywords of the connector.", "a string or a list of strings"),
    "x-ms-openai-data": Extension("operations", "Copilot (AI plugin) settings of the operation."),
    "x-ms-openai-manifest": Extension("the document root", "The Copilot plugin manifest."),
    "x-ms-openai-published-to-copilots": Extension("'info'", "The copilots the connector is published to."),
    "x-ms-require-user-confirmation": Extension("operations", "Copilot asks the user before calling the operation.",
                                                "true or false"),
    "x-ms-enum": Extension("non-body parameters and schemas", "AutoRest extension.", ignored=True),
    "x-ms-parameter-location": Extension("parameters", "AutoRest extension.", ignored=True),
    "x-ms-skip-url-encoding": Extension("path parameters", "AutoRest extension.", ignored=True),
}


def distance(a: str, b: str, limit: int | None = None) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    neighbouring characters each cost 1. With `limit`, any distance above it comes back as
    `limit + 1`, found without finishing the table (a cell is at least the smaller of the previous
    row's minimum and one more than the row before's)."""
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    if limit is not None and (len(set(a).difference(b)) > limit or len(set(b).difference(a)) > limit):
        # Each edit brings in or takes out at most one distinct character (a swap none): at
        # least that many edits, found at C speed (most candidates are far from the key)
        return limit + 1
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
        if limit is not None and min(row) > limit and min(rows[-2]) >= limit:
            return limit + 1
    return rows[-1][-1] if limit is None else min(rows[-1][-1], limit + 1)


def did_you_mean(key: str, candidates) -> tuple[list[str], bool]:
    """The candidates closest to `key` (case and stray spaces ignored), and whether the best one
    is unambiguous: a single candidate at distance <= 2 (<= 1 for short keys)."""
    norm = "".join(key.split()).lower()
    limit = 2 if len(norm) >= 6 else 1
    scored = sorted((distance(norm, c.lower(), limit), c) for c in candidates if c != key)
    scored = [(d, c) for d, c in scored if d <= limit]
    if not scored:
        return [], False
    best = [c for d, c in scored if d == scored[0][0]]
    return best, len(best) == 1
