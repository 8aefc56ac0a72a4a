"""Dynamic extensions pass the called operation the parameters it takes.

## What it does
For `x-ms-dynamic-values`, `-list`, `-schema`, `-properties` and `x-ms-dynamic-tree`, compares the
`parameters` object with the called operation's parameters and with the parameters of the
operation the extension belongs to. Validator codes:
- `OperationParameterNameNotFound`: a key that is not a parameter of the called operation, or a
  reference to a parameter this operation does not have;
- `OperationMissingRequiredProperty`: a required parameter of the called operation (without a
  default) that is not passed;
- `OperationParameterStaticTypeMismatch`: a literal of the wrong JSON type for its parameter;
- `OperationParameterTypeMismatch`: a referenced parameter of another type than the one it feeds;
- `OperationParameterRequiredMismatch`: an optional parameter feeding a required one;
- `OperationParameterNameIsAmbiguous`: a `parameterReference` that names both a parameter and a
  body property;
- `SourcePropertyInternal`: a reference to an internal (hidden) parameter.

A finding links to the called operation's parameter when there is one. Two findings are
warnings, since certified connectors ship them: a reference to a name the operation does not
have, and an optional parameter feeding a required one.

## Why is this bad?
The designer calls the operation with exactly these values; a wrong name or type makes the call
fail at design time and the drop-down or schema stays empty. Microsoft's validator rejects the
connector.

## Example
```json
{"name": "listId", "in": "query", "type": "string",
 "x-ms-dynamic-values": {"operationId": "GetLists", "parameters": {"boardId": {"parameter": "board"}}}}
```

## Use instead
```json
{"name": "listId", "in": "query", "type": "string",
 "x-ms-dynamic-values": {"operationId": "GetLists", "parameters": {"boardId": {"parameter": "boardId"}}}}
```

## Fix
A suggestion when a name is close to an existing one. For a reference to an internal parameter
with a default, unsafe: the reference is replaced by that default value.
"""

from ._api import Applicability, Finding, Fix, FixAvailability, Related, RenameKey, Rule, SetValue, Severity, pointer
from ._extensions import hosts, body_properties, calls, effective_parameters, operation_index
from ._known_keys import did_you_mean

PY_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "array": (list,),
            "object": (dict,)}


def check(ctx):
    index = operation_index(ctx)
    seen = set()
    for call in calls(ctx):
        oid = call.value.get("operationId")
        target = index.get(oid) if isinstance(oid, str) else None
        if target is None or not (call.kind.startswith("x-ms-dynamic")):
            continue
        given = call.value.get("parameters")
        given = given if isinstance(given, dict) else {}
        reference = call.kind in ("x-ms-dynamic-list", "x-ms-dynamic-properties") or "tree" in call.kind
        tparams = {}
        for (name, _), entry in effective_parameters(ctx, target).items():
            tparams.setdefault(name, entry)
        for finding in _check_call(ctx, call, target, given, reference, tparams):
            if (finding.pointer, finding.message) not in seen:
                seen.add((finding.pointer, finding.message))
                yield finding


def _check_call(ctx, call, target, given, reference, tparams):
    base = f"{call.pointer}/parameters"
    for key, value in given.items():
        ptr = f"{base}/{pointer(key)[1:]}"
        name = key.split("/")[0] if reference else key
        if name not in tparams:
            best, _ = did_you_mean(name, [t for t in tparams if t not in given])
            fixes = tuple(Fix(f"Rename to '{b}'", (RenameKey(ptr, b + key[len(name):]),), Applicability.SUGGESTION)
                          for b in best[:3])
            yield Finding(ptr, f"'{name}' is not a parameter of {target.value.get('operationId')}"
                               + (f"; did you mean '{best[0]}'?" if best else "."), target="key", fixes=fixes,
                          related=(Related(target.pointer, "The called operation."),),
                          validator_code="OperationParameterNameNotFound")
            continue
        tptr, tparam = tparams[name]
        related = (Related(tptr, f"'{name}' of {target.value.get('operationId')}."),)
        literal, source = _split(value, reference)
        if literal is not _NONE and "/" not in key:
            wanted = tparam.get("type")
            if isinstance(wanted, str) and wanted in PY_TYPES and literal is not None and (
                    not isinstance(literal, PY_TYPES[wanted]) or isinstance(literal, bool) and wanted != "boolean"):
                yield Finding(ptr, f"'{name}' takes {wanted} values, but {literal!r} is given.", related=related,
                              validator_code="OperationParameterStaticTypeMismatch")
        if isinstance(source, str) and "/" not in source and "." not in source:
            for host in hosts(ctx, call.node):
                yield from _check_source(ctx, host, ptr, value, source, name, tparam, related, reference)
    for name, (tptr, tparam) in tparams.items():
        if tparam.get("required") is True and "default" not in tparam and not any(
                k.split("/")[0] == name for k in given):
            yield Finding(call.pointer, f"The called operation {target.value.get('operationId')} requires '{name}', "
                                        "which is not passed.", target="key",
                          related=(Related(tptr, "The required parameter."),),
                          validator_code="OperationMissingRequiredProperty")


_NONE = object()


def _split(value, reference):
    """(literal or _NONE, referenced parameter name or None) of one entry of `parameters`."""
    if reference:
        if isinstance(value, dict) and "value" in value:
            return value["value"], None
        if isinstance(value, dict) and isinstance(value.get("parameterReference"), str):
            return _NONE, value["parameterReference"]
        return _NONE, None
    if isinstance(value, dict):
        return _NONE, value.get("parameter")
    return value, None


def _check_source(ctx, host, ptr, value, source, name, tparam, related, reference):
    sparams = {}
    for (pname, _), entry in effective_parameters(ctx, host).items():
        sparams.setdefault(pname, entry)
    in_body = source in body_properties(ctx, host)
    if source not in sparams:
        if not in_body:
            yield Finding(ptr, f"'{source}' is neither a parameter nor a body property of "
                               f"{host.method.upper()} {host.path}.", severity=Severity.WARNING,
                          validator_code="OperationParameterNameNotFound")
        return
    if reference and in_body:
        yield Finding(ptr, f"'{source}' names both a parameter and a body property of {host.method.upper()} "
                           f"{host.path}.", validator_code="OperationParameterNameIsAmbiguous")
    sptr, sparam = sparams[source]
    if sparam.get("x-ms-visibility") == "internal":
        fixes = ()
        if "default" in sparam:
            new = {"value": sparam["default"]} if reference else sparam["default"]
            fixes = (Fix("Pass its default value instead", (SetValue(ptr, new),), Applicability.UNSAFE),)
        yield Finding(ptr, f"'{source}' is internal: users never set it, so pass its value directly.", fixes=fixes,
                      related=(Related(sptr, "The internal parameter."),), validator_code="SourcePropertyInternal")
        return
    stype, ttype = sparam.get("type"), tparam.get("type")
    if stype and ttype and stype != ttype and not (stype == "integer" and ttype == "number"):
        yield Finding(ptr, f"'{source}' is {stype} but '{name}' of the called operation is {ttype}.",
                      related=related + (Related(sptr, "The referenced parameter."),),
                      validator_code="OperationParameterTypeMismatch")
    if tparam.get("required") is True and sparam.get("required") is not True and "default" not in sparam:
        yield Finding(ptr, f"'{source}' is optional but feeds '{name}', which the called operation requires.",
                      related=related + (Related(sptr, "The referenced parameter."),), severity=Severity.WARNING,
                      validator_code="OperationParameterRequiredMismatch")


RULE = Rule(
    id="dynamic-parameter-mismatch",
    summary="Dynamic extensions pass the called operation the parameters it takes.",
    severity=Severity.ERROR,
    category="structure",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
