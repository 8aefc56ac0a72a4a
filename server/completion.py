"""Completion in connector files: the keys valid where the cursor is, enumerated values, `$ref`
targets, operationIds, dynamic-extension parameters, apiProperties.json values, and snippets.

What is valid where comes from the connector schema the structural rules validate with
(rules/data/swagger-connector.schema.json) and the extension catalogue (rules/_known_keys.py);
apiProperties.json from the catalogues of its rules (connection parameter types, identity
providers, policy templates). The cursor's place comes from `cursor.cursor_at`, which reads
broken text too. Every insert text is valid JSON in its place: a key gets its colon and an
opened value, a missing comma before or after is added.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from lsprotocol import types

from connector_lint_rules._api import FileKind, Operation, escape, pointer
from connector_lint_rules._openapi import METHODS, parameters, swagger_operations
from connector_lint_rules._schema import schema_document
from connector_lint_rules._apiprops import CONNECTION_PARAMETER_TYPES, IDENTITY_PROVIDERS, REDIRECT_MODES
from connector_lint_rules._policy_templates import PREFIX as TEMPLATE_PARAMETER
from connector_lint_rules._policy_templates import SECTIONS as POLICY_SECTIONS
from connector_lint_rules._policy_templates import TEMPLATES
from connector_lint_rules._policy_templates import VALUES as POLICY_VALUES

from .authoring import Snapshot
from .lsp_diagnostics import lsp_range
from .cursor import Cursor, cursor_at
from .extensions_help import hover_markdown
from .names import OPERATION_LISTS
from .navigation import _parameters_at

K = types.CompletionItemKind
FORMATS = ("int32", "int64", "float", "double", "byte", "binary", "date", "date-time", "password", "email", "uri",
           "uuid")
MEDIA_TYPES = ("application/json", "application/xml", "text/plain", "text/html", "text/csv", "multipart/form-data",
               "application/x-www-form-urlencoded", "application/octet-stream")
KEY_DOCS = {
    "summary": "A short summary of the operation (certification: required, sentence case, at most 80 characters).",
    "description": "What it does, in full sentences (certification: required).",
    "operationId": "The operation's unique name: letters, digits and underscores.",
    "parameters": "The operation's inputs.",
    "responses": "The responses by HTTP status code (certification: a success response with a schema).",
    "schema": "The structure of the value.",
    "$ref": "A reference to #/definitions, #/parameters or #/responses.",
    "in": "Where the parameter goes: path, query, header, body or formData.",
    "name": "The parameter's name as the API takes it.",
    "required": "Whether a value must be given.",
    "type": "The value's JSON type.",
    "format": "A refinement of the type (int32, date-time, …).",
    "consumes": "The media types the operation accepts.",
    "produces": "The media types the operation returns.",
    "properties": "The object's properties.",
    "items": "The schema of each item of the array.",
    "enum": "The values allowed.",
    "default": "The value used when none is given.",
    "deprecated": "Marks the operation as deprecated.",
}

# apiProperties.json in the shape of a JSON schema, from the rules' catalogues.
_UI = {"type": "object", "properties": {
    "displayName": {"type": "string"}, "description": {"type": "string"}, "tooltip": {"type": "string"},
    "constraints": {"type": "object", "properties": {"required": {"enum": ["true", "false"]},
                                                     "tabIndex": {"type": "integer"}, "clearText": {"type": "boolean"},
                                                     "hidden": {"enum": ["true", "false"]},
                                                     "allowedValues": {"type": "array"}}}}}
_OAUTH = {"type": "object", "properties": {
    "identityProvider": {"enum": list(IDENTITY_PROVIDERS)}, "clientId": {"type": "string"}, "scopes": {"type": "array"},
    "redirectMode": {"enum": list(REDIRECT_MODES)}, "redirectUrl": {"type": "string"},
    "properties": {"type": "object"}, "customParameters": {"type": "object"}}}
_CONNECTION_PARAMETER = {"type": "object", "properties": {
    "type": {"enum": list(CONNECTION_PARAMETER_TYPES)}, "uiDefinition": _UI, "oAuthSettings": _OAUTH,
    "allowedValues": {"type": "array"}, "defaultValue": {"type": "string"}, "metadata": {"type": "object"}}}
_POLICY = {"type": "object", "x-policy": True, "properties": {
    "templateId": {"enum": list(TEMPLATES)}, "title": {"type": "string"}, "parameters": {"type": "object"}}}
API_PROPERTIES_SCHEMA = {"type": "object", "properties": {"properties": {"type": "object", "properties": {
    "connectionParameters": {"type": "object", "additionalProperties": _CONNECTION_PARAMETER},
    "connectionParameterSets": {"type": "object", "properties": {
        "uiDefinition": _UI, "values": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "uiDefinition": _UI,
            "parameters": {"type": "object", "additionalProperties": _CONNECTION_PARAMETER}}}}}},
    "iconBrandColor": {"type": "string"}, "capabilities": {"type": "array", "items": {"enum": ["actions", "triggers"]}},
    "policyTemplateInstances": {"type": "array", "items": _POLICY}, "publisher": {"type": "string"},
    "stackOwner": {"type": "string"}, "scriptOperations": {"type": "array", "items": {"type": "string"}},
    "isCustomApi": {"type": "boolean"}, "externalDocs": {"type": "object"}}}}}


@lru_cache(maxsize=1)
def _swagger_schema() -> dict:
    return schema_document()


def completions(snap: Snapshot, uri: str, offset: int, snippets: bool) -> list[types.CompletionItem]:
    kind = snap.kind_of(uri)
    doc = snap.docs.get(kind) if kind in (FileKind.SWAGGER, FileKind.API_PROPERTIES) else None
    if doc is None:
        return []
    cursor = cursor_at(doc.parsed, offset)
    if cursor is None:
        return []
    swagger = snap.docs.get(FileKind.SWAGGER)
    ctx = _Context(snap, doc, cursor, snippets, swagger.value if swagger is not None and swagger.is_json else None)
    root_schema = _swagger_schema() if kind is FileKind.SWAGGER else API_PROPERTIES_SCHEMA
    schemas = _schemas_at(root_schema, cursor.path, cursor.root)
    if cursor.where == "key":
        return ctx.keys(schemas)
    return ctx.values(schemas)


# ---------------------------------------------------------------------------------------------
# The schema at a path


def _resolve(schema, root: dict):
    seen = 0
    while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#/definitions/") \
            and seen < 16:
        schema = root["definitions"].get(schema["$ref"][len("#/definitions/"):])
        seen += 1
    return schema


def _expand(schema, value, decided: bool, root: dict, out: list, depth: int = 0) -> list:
    """The schemas that apply to `value`: `schema`, its allOf parts and the branches of its ifs
    (both branches, undecided, when the value does not tell yet)."""
    schema = _resolve(schema, root)
    if not isinstance(schema, dict) or depth > 12:
        return out
    out.append((schema, decided))
    for part in schema.get("allOf") or ():
        _expand(part, value, decided, root, out, depth + 1)
    for part in [*(schema.get("anyOf") or ()), *(schema.get("oneOf") or ())]:
        _expand(part, value, False, root, out, depth + 1)
    if "if" in schema:
        test = _test(_resolve(schema["if"], root), value)
        if test is not False and "then" in schema:
            _expand(schema["then"], value, decided and test is True, root, out, depth + 1)
        if test is not True and "else" in schema:
            _expand(schema["else"], value, decided and test is False, root, out, depth + 1)
    return out


def _test(cond, value) -> bool | None:
    """Whether `value` meets an `if` schema: True, False, or None while the value does not say."""
    if not isinstance(cond, dict):
        return None
    props = cond.get("properties") if isinstance(cond.get("properties"), dict) else {}
    if "const" in cond or "enum" in cond:
        return value in (cond.get("enum") or [cond.get("const")])
    if cond.get("type") == "object" and not isinstance(value, dict):
        return False
    if not isinstance(value, dict):
        return None if value is None else False
    for key in cond.get("required") or ():
        if key not in value:
            return None if key in props else False
    for key, sub in props.items():
        if key in value and isinstance(sub, dict):
            allowed = sub.get("enum") or ([sub["const"]] if "const" in sub else None)
            if allowed is not None and value[key] not in allowed:
                return False
    return True


def _child(schema: dict, part, parent) -> object:
    if isinstance(part, int):
        return schema.get("items") if isinstance(schema.get("items"), dict) else None
    if schema.get("x-policy") and part == "parameters":
        return _policy_parameters(parent.get("templateId") if isinstance(parent, dict) else None)
    props = schema.get("properties")
    if isinstance(props, dict) and part in props:
        return props[part]
    for pattern, sub in (schema.get("patternProperties") or {}).items():
        if re.search(pattern, part):
            return sub
    extra = schema.get("additionalProperties")
    return extra if isinstance(extra, dict) else None


def _schemas_at(root: dict, path: tuple, value) -> list[tuple[dict, bool]]:
    current = _expand(root, value, True, root, [])
    for part in path:
        child_value = value.get(part) if isinstance(value, dict) else \
            value[part] if isinstance(value, list) and isinstance(part, int) and part < len(value) else None
        following: list = []
        for schema, decided in current:
            sub = _child(schema, part, value)
            if sub is not None:
                _expand(sub, child_value, decided, root, following)
        current, value = following, child_value
    return current


def _policy_parameters(template_id) -> dict:
    """The `parameters` of a policy template instance: the template's own, the operations it applies to."""
    lowered = template_id.lower() if isinstance(template_id, str) else None
    names = TEMPLATES.get(lowered) or ((), ())
    known = [n for group in names for n in group] if lowered in TEMPLATES else \
        sorted({n for required, optional in TEMPLATES.values() for n in required + optional})
    props = {TEMPLATE_PARAMETER + n: {"enum": list(POLICY_VALUES[n])} if n in POLICY_VALUES else {"type": "string"}
             for n in known}
    props["x-ms-apimTemplate-operationName"] = {"type": "array", "items": {"type": "string"}}
    props["x-ms-apimTemplate-policySection"] = {"enum": list(POLICY_SECTIONS)}
    return {"type": "object", "properties": props}


# ---------------------------------------------------------------------------------------------
# Items


class _Context:
    def __init__(self, snap: Snapshot, doc, cursor: Cursor, snippets: bool, swagger):
        self.snap, self.doc, self.cursor, self.snippets, self.swagger = snap, doc, cursor, snippets, swagger
        self.range = lsp_range(doc.lines, cursor.start, cursor.end)
        self.comma_before = [types.TextEdit(range=lsp_range(doc.lines, cursor.comma_before, cursor.comma_before),
                                            new_text=",")] if cursor.comma_before is not None else None

    # -- keys ---------------------------------------------------------------------------------

    def keys(self, schemas) -> list[types.CompletionItem]:
        cursor = self.cursor
        allowed: dict[str, object] = {}
        forbidden: set[str] = set()
        responses = False
        for schema, decided in schemas:
            for key, sub in (schema.get("properties") or {}).items():
                if isinstance(sub, dict) and "not" in sub:
                    if decided:
                        forbidden.add(key)
                elif key not in allowed:
                    allowed[key] = sub
            responses = responses or any("default" in p for p in schema.get("patternProperties") or {})
        present = set(cursor.container) if isinstance(cursor.container, dict) else set()
        typed = cursor.prefix
        items = []
        for n, (key, sub) in enumerate(allowed.items()):
            if key in forbidden or (key in present and key != typed):
                continue
            if key in METHODS and cursor.path[:1] == ("paths",) and len(cursor.path) == 2:
                items.append(self._snippet_item(key, f"{key} (new operation)", _operation_snippet(key), n))
                continue
            items.append(self._key_item(key, sub, n))
        if responses:
            for code in ("200", "201", "202", "204", "400", "default"):
                if code not in present:
                    items.append(self._snippet_item(code, f"{code} (response)", _response_snippet(code), len(items)))
        items += self._special_keys(present)
        return items

    def _special_keys(self, present: set) -> list[types.CompletionItem]:
        path = self.cursor.path
        items = []
        at = _parameters_at([str(p) for p in path] + ["?"])
        if at is not None and len(path) == at and self.swagger is not None:  # a dynamic extension's parameters
            extension = _value_at(self.swagger, path[:-1]) if self.doc.kind is FileKind.SWAGGER else None
            oid = extension.get("operationId") if isinstance(extension, dict) else None
            for name, param in _called_parameters(self.swagger, oid):
                if name not in present:
                    detail = f"a parameter of {oid} ({param.get('in')})"
                    items.append(self._snippet_item(name, name, (json.dumps(name), '{"parameter": "$1"}'), len(items),
                                                    detail, K.Variable))
        if self.doc.kind is FileKind.API_PROPERTIES and (path[-1:] == ("connectionParameters",) or (
                path[-1:] == ("parameters",) and path[:3] == ("properties", "connectionParameterSets", "values"))):
            items.append(self._snippet_item("connection parameter", "new connection parameter",
                                            _connection_snippet(), len(items), kind=K.Snippet))
        return items

    def _key_item(self, key: str, sub, order: int) -> types.CompletionItem:
        doc = hover_markdown(key) or KEY_DOCS.get(key) or (sub.get("description") if isinstance(sub, dict) else None)
        value = _skeleton(sub, self.snippets) if not self.cursor.has_colon else None
        return self._item(key, json.dumps(key), value, K.Property, order, documentation=doc)

    def _snippet_item(self, key, label, snippet, order, detail=None, kind=K.Snippet) -> types.CompletionItem:
        """A key with a value written as a snippet: `snippet` is (key text, value snippet)."""
        key_text, value = snippet if isinstance(snippet, tuple) else (json.dumps(key), snippet)
        if not self.snippets:
            value = _plain(value)
        return self._item(label, key_text, None if self.cursor.has_colon else value, kind, order, detail=detail,
                          filter_key=key)

    def _item(self, label: str, key_text: str, value: str | None, kind, order: int, detail=None, documentation=None,
              filter_key=None) -> types.CompletionItem:
        cursor = self.cursor
        text = key_text if value is None else f"{key_text}: {value}"
        if cursor.comma_after:
            text += ","
        doc = types.MarkupContent(kind=types.MarkupKind.Markdown, value=documentation) if documentation else None
        filter_text = json.dumps(filter_key if filter_key is not None else label) if cursor.quoted else \
            (filter_key or label)
        return types.CompletionItem(
            label=label, kind=kind, detail=detail, documentation=doc, sort_text=f"{order:04d}", filter_text=filter_text,
            text_edit=types.TextEdit(range=self.range, new_text=text if self.snippets else _plain(text)),
            insert_text_format=types.InsertTextFormat.Snippet if self.snippets else types.InsertTextFormat.PlainText,
            additional_text_edits=self.comma_before)

    # -- values -------------------------------------------------------------------------------

    def values(self, schemas) -> list[types.CompletionItem]:
        cursor = self.cursor
        key = cursor.key
        if cursor.in_object:
            value_schemas = []
            for schema, decided in schemas:
                sub = _child(schema, key, cursor.container) if key is not None else None
                if sub is not None:
                    _expand(sub, None, decided, _swagger_schema(), value_schemas)
        else:
            key = cursor.path[-1] if cursor.path else None
            value_schemas = [(s, d) for schema, d in schemas
                             if isinstance(schema.get("items"), dict)
                             for s, _ in _expand(schema["items"], None, d, _swagger_schema(), [])]
        choices: list[tuple[object, str | None]] = []  # (value, detail)
        for schema, _ in value_schemas:
            for value in schema.get("enum") or ([schema["const"]] if "const" in schema else []):
                if value not in (None, "") and (value, None) not in choices:
                    choices.append((value, None))
            if schema.get("type") == "boolean":
                choices += [(True, None), (False, None)]
        if key == "format":
            choices += [(f, None) for f in FORMATS]
        if key in ("consumes", "produces") and not cursor.in_object:
            choices += [(m, None) for m in MEDIA_TYPES]
        choices += self._names(key)
        items = []
        seen = set()
        for n, (value, detail) in enumerate(choices):
            if json.dumps(value) in seen:
                continue
            seen.add(json.dumps(value))
            text = json.dumps(value, ensure_ascii=False)
            items.append(self._value_item(text, detail, n))
        if not cursor.in_object and cursor.path[-1:] == ("parameters",) and self.doc.kind is FileKind.SWAGGER:
            items += self._parameter_snippets(len(items))
        return items

    def _names(self, key) -> list[tuple[object, str | None]]:
        """Values that name something of the connector."""
        cursor, names, path = self.cursor, self.snap.names, self.cursor.path
        if key == "$ref" and self.doc.kind is FileKind.SWAGGER:
            section = "definitions"
            if len(path) >= 2 and path[-2] == "parameters" and isinstance(path[-1], int):
                section = "parameters"
            elif len(path) >= 4 and path[-2] == "responses" and path[0] == "paths":
                section = "responses"
            kind = {"definitions": "definition", "parameters": "parameter", "responses": "response"}[section]
            return [(f"#/{section}/{escape(n)}", None) for n in names.declared(kind)]
        in_extension = any(isinstance(p, str) and p.startswith("x-ms-") for p in path)
        if (key == "operationId" and in_extension) or (key in OPERATION_LISTS and not cursor.in_object):
            return [(oid, _operation_detail(self.swagger, oid)) for oid in names.declared("operation")]
        if key in ("parameter", "parameterReference") and self.doc.kind is FileKind.SWAGGER:
            at = _parameters_at([str(p) for p in path])
            if at is not None and path[:1] == ("paths",) and len(path) > 3 and path[2] in METHODS:
                host = _value_at(self.swagger, path[:3])
                return [(name, f"a parameter of this operation ({param.get('in')})")
                        for name, param in _own_parameters(self.swagger, path[:3], host)]
        if key == "family" and "x-ms-api-annotation" in path and isinstance(self.swagger, dict):
            families = {op.value["x-ms-api-annotation"].get("family") for op in swagger_operations(self.swagger)
                        if isinstance(op.value.get("x-ms-api-annotation"), dict)}
            return [(f, "an operation family of this connector") for f in sorted(f for f in families if isinstance(f, str))]
        if isinstance(key, str) and key.startswith(TEMPLATE_PARAMETER):
            return [(f"@connectionParameters('{n}')", "a connection parameter") for n in names.declared("connection")]
        return []

    def _value_item(self, text: str, detail: str | None, order: int) -> types.CompletionItem:
        cursor = self.cursor
        new_text = text + ("," if cursor.comma_after else "")
        label = json.loads(text) if text.startswith('"') else text
        return types.CompletionItem(
            label=str(label), kind=K.Value if not text.startswith('"#') else K.Reference, detail=detail,
            sort_text=f"{order:04d}", filter_text=text if cursor.quoted else str(label),
            text_edit=types.TextEdit(range=self.range, new_text=new_text if not self.snippets else _escape(new_text)),
            insert_text_format=types.InsertTextFormat.Snippet if self.snippets else types.InsertTextFormat.PlainText,
            additional_text_edits=self.comma_before)

    def _parameter_snippets(self, start: int) -> list[types.CompletionItem]:
        items = []
        for n, where in enumerate(("query", "path", "header", "body")):
            snippet = _parameter_snippet(where)
            text = (snippet if self.snippets else _plain(snippet)) + ("," if self.cursor.comma_after else "")
            items.append(types.CompletionItem(
                label=f"{where} parameter", kind=K.Snippet, detail="a new parameter", sort_text=f"{start + n:04d}",
                filter_text="{" if not self.cursor.prefix else self.cursor.prefix,
                text_edit=types.TextEdit(range=self.range, new_text=text),
                insert_text_format=types.InsertTextFormat.Snippet if self.snippets else types.InsertTextFormat.PlainText,
                additional_text_edits=self.comma_before))
        for n, name in enumerate(self.snap.names.declared("parameter")):
            ref = json.dumps({"$ref": "#/parameters/" + escape(name)})
            items.append(self._value_item(ref, "a shared parameter", start + 4 + n))
            items[-1].label = f"$ref {name}"
        return items


# ---------------------------------------------------------------------------------------------
# Text


def _skeleton(sub, snippets: bool) -> str:
    """An opened value for a key: a choice of its enumerated values, or an empty string, object or array."""
    schema = _resolve(sub, _swagger_schema()) if isinstance(sub, dict) else None
    if not isinstance(schema, dict):
        return "$1" if snippets else "null"
    values = [v for v in schema.get("enum") or ([schema["const"]] if "const" in schema else []) if v not in (None, "")]
    if values and snippets:
        if all(isinstance(v, str) for v in values):
            return '"${1|' + ",".join(_choice(v) for v in values) + '|}"'
        return "${1|" + ",".join(_choice(json.dumps(v)) for v in values) + "|}"
    if values:
        return json.dumps(values[0])
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "object" or "properties" in schema:
        return "{$1}"
    if kind == "array" or "items" in schema:
        return "[$1]"
    if kind == "boolean":
        return "${1|true,false|}" if snippets else "false"
    if kind in ("integer", "number"):
        return "${1:0}"
    return '"$1"'


def _choice(text: str) -> str:
    return re.sub(r"([,|\\$}])", r"\\\1", text)


def _escape(text: str) -> str:
    """Text inserted as a snippet literally."""
    return re.sub(r"([$}\\])", r"\\\1", text)


_TABSTOP = re.compile(r"\$\{\d+\|([^,|]*)[^|]*\|\}|\$\{\d+:([^}]*)\}|\$\d+")


def _plain(snippet: str) -> str:
    """A snippet as plain text: each placeholder becomes its first choice or default."""
    return _TABSTOP.sub(lambda m: m.group(1) or m.group(2) or "", snippet).replace("\\$", "$").replace("\\}", "}")


def _operation_snippet(method: str) -> str:
    return ('{\n\t"summary": "${1:Summary in sentence case}",\n\t"description": "${2:What the operation does.}",\n'
            '\t"operationId": "${3:OperationName}",\n\t"parameters": [$4],\n\t"responses": {\n\t\t"200": {\n'
            '\t\t\t"description": "${5:OK}",\n\t\t\t"schema": {\n\t\t\t\t"type": "object",\n'
            '\t\t\t\t"properties": {$6}\n\t\t\t}\n\t\t}\n\t}\n}')


def _response_snippet(code: str) -> str:
    return ('{\n\t"description": "${1:OK}",\n\t"schema": {\n\t\t"type": "${2|object,array,string|}",\n'
            '\t\t"properties": {$3}\n\t}\n}') if code.startswith("2") and code != "204" else \
        '{\n\t"description": "${1:Description}"\n}'


def _parameter_snippet(where: str) -> str:
    if where == "body":
        return ('{\n\t"name": "${1:body}",\n\t"in": "body",\n\t"required": ${2|true,false|},\n'
                '\t"schema": {\n\t\t"type": "object",\n\t\t"properties": {$3}\n\t}\n}')
    required = "true" if where == "path" else "${3|false,true|}"
    extra = ',\n\t"x-ms-url-encoding": "single"' if where == "path" else ""
    return ('{\n\t"name": "${1:name}",\n\t"in": "' + where + '",\n\t"required": ' + required + ',\n'
            '\t"type": "${2|string,integer,number,boolean,array|}",\n\t"x-ms-summary": "${4:Title Case Name}",\n'
            '\t"description": "${5:What the parameter is.}"' + extra + '\n}')


def _connection_snippet() -> tuple[str, str]:
    return ('"${1:name}"', '{\n\t"type": "${2|string,securestring,int,bool|}",\n\t"uiDefinition": {\n'
            '\t\t"displayName": "${3:Display Name}",\n\t\t"description": "${4:What to enter.}",\n'
            '\t\t"tooltip": "${5:Where to find it.}",\n\t\t"constraints": {\n\t\t\t"required": "${6|true,false|}"\n'
            '\t\t}\n\t}\n}')


# ---------------------------------------------------------------------------------------------
# The swagger's operations and parameters


def _value_at(root, path):
    for part in path:
        if isinstance(root, dict):
            root = root.get(part)
        elif isinstance(root, list) and isinstance(part, int) and part < len(root):
            root = root[part]
        else:
            return None
    return root


def _own_parameters(swagger, op_path, op) -> list[tuple[str, dict]]:
    """(name, parameter) of an operation and of its path item, `$ref`s followed (`_openapi.parameters`)."""
    out, seen = [], set()
    item = _value_at(swagger, op_path[:2])
    operation = Operation(pointer(*op_path), str(op_path[1]), str(op_path[2]), op if isinstance(op, dict) else {},
                          item if isinstance(item, dict) else {})
    for _, param in parameters(swagger, operation):
        if isinstance(param.get("name"), str) and param["name"] not in seen:
            seen.add(param["name"])
            out.append((param["name"], param))
    return out


def _called_parameters(swagger, oid) -> list[tuple[str, dict]]:
    if not isinstance(oid, str) or not isinstance(swagger, dict):
        return []
    for op in swagger_operations(swagger):
        if op.value.get("operationId") == oid:
            return _own_parameters(swagger, ("paths", op.path, op.method), op.value)
    return []


def _operation_detail(swagger, oid: str) -> str | None:
    if not isinstance(swagger, dict):
        return None
    for op in swagger_operations(swagger):
        if op.value.get("operationId") == oid:
            summary = op.value.get("summary")
            return f"{op.method.upper()} {op.path}" + (f" — {summary}" if isinstance(summary, str) else "")
    return None

