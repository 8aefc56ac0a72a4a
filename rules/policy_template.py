"""Policy template instances use a known template with its required parameters and real operations.

## What it does
Checks each item of `policyTemplateInstances` in apiProperties.json:
- `templateId` is one of the 13 documented templates, compared without case as the platform does
  (`SetProperty`, `dynamicHostUrl`); the undocumented ids seen in certified connectors
  (`dynamicsubdomain`, `moveproperties`, `setconnectionstatustounauthenticated`) are information;
- `parameters` holds every `x-ms-apimTemplateParameter.*` the template requires (for example
  `urlTemplate` for `dynamichosturl`, `name` and `value` for `setheader`), and no parameter the
  template does not take (a warning);
- enumerated parameters have a documented value: `httpMethod`, `existsAction`, `retainKey` and
  `x-ms-apimTemplate-policySection` (`Request`, `Response`; `setheader` also `Failure`);
- `x-ms-apimTemplate-operationName` is a list of operationIds that exist in the swagger.

## Why is this bad?
Policies rewrite requests and responses at run time. An unknown template or a missing required
parameter fails when the connector is deployed; no certified connector has either. A policy
naming an operation that does not exist silently never runs for it, which is usually a renamed
operationId; the platform accepts it (5 certified connectors, 0.8%, have one), so that part is
a warning.

## Example
```json
{"templateId": "dynamichosturl", "title": "Set host",
 "parameters": {"x-ms-apimTemplate-operationName": ["GetTasks"]}}
```

## Use instead
```json
{"templateId": "dynamichosturl", "title": "Set host",
 "parameters": {"x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('region').contoso.com",
                "x-ms-apimTemplate-operationName": ["GetTask"]}}
```

## Fix
An unknown template id, or an operation name the swagger lacks, can be replaced by the nearest
known one (a suggestion). A single operation name written as a string is wrapped in a list
(safe).
"""

from ._api import Applicability, FileKind, Finding, Fix, FixAvailability, Rule, SetValue, Severity, pointer
from ._apiprops import PROPS, canonical, nearest
from ._openapi import api_properties, operation_ids as operation_ids_in_use
from ._policy_templates import PREFIX, SECTIONS, TEMPLATES, UNDOCUMENTED, VALUES



def check(ctx):
    items = (api_properties(ctx) or {}).get("policyTemplateInstances")
    if items is None:
        return
    base = f"{PROPS}/policyTemplateInstances"
    if not isinstance(items, list):
        yield Finding(base, "'policyTemplateInstances' must be a list.")
        return
    operation_ids = operation_ids_in_use(ctx) if isinstance(ctx.swagger, dict) else None
    for i, item in enumerate(items):
        ptr = f"{base}/{i}"
        if not isinstance(item, dict):
            yield Finding(ptr, "A policy template instance must be an object with a templateId.")
            continue
        tid = item.get("templateId")
        if not isinstance(tid, str) or not tid.strip():
            yield Finding(ptr, "The policy template instance has no templateId.")
            continue
        template = tid.lower()
        if template in UNDOCUMENTED:
            yield Finding(f"{ptr}/templateId", f"'{tid}' is not a documented policy template.",
                          severity=Severity.INFORMATION)
            continue
        if template not in TEMPLATES:
            guess = nearest(tid, TEMPLATES)
            fixes = (Fix(f"Use '{guess}'", (SetValue(f"{ptr}/templateId", guess),), Applicability.SUGGESTION),) \
                if guess else ()
            yield Finding(f"{ptr}/templateId", f"'{tid}' is not a policy template" +
                          (f"; did you mean '{guess}'?" if guess else "."), fixes=fixes)
            continue
        params = item.get("parameters")
        if not isinstance(params, dict):
            yield Finding(ptr if params is None else f"{ptr}/parameters",
                          f"The {template} policy needs 'parameters' with its template parameters.")
            continue
        yield from _parameters(f"{ptr}/parameters", template, params, operation_ids)


def _parameters(ptr, template, params, operation_ids):
    required, optional = TEMPLATES[template]
    for name in required:
        if PREFIX + name not in params:
            same = canonical(PREFIX + name, params)
            yield Finding(ptr, f"The {template} policy needs '{PREFIX}{name}'" +
                          (f" (it has '{same}', in another case)." if same else "."))
    sections = SECTIONS + (("Failure",) if template == "setheader" else ())
    for key, value in params.items():
        kptr = ptr + pointer(key)
        if key == "x-ms-apimTemplate-operationName":
            yield from _operation_names(kptr, value, operation_ids)
        elif key == "x-ms-apimTemplate-policySection":
            if value not in sections:
                yield Finding(kptr, f"The policy section is one of {', '.join(sections)}.")
        elif not key.startswith(PREFIX) or key[len(PREFIX):] not in required + optional:
            if canonical(key, [PREFIX + n for n in required]) is None:
                yield Finding(kptr, f"The {template} policy takes no parameter '{key}'.", target="key",
                              severity=Severity.WARNING)
        elif key[len(PREFIX):] in VALUES and value not in VALUES[key[len(PREFIX):]]:
            yield Finding(kptr, f"'{key}' is one of {', '.join(VALUES[key[len(PREFIX):]])}.")


def _operation_names(ptr, value, operation_ids):
    if isinstance(value, str):
        yield Finding(ptr, "'x-ms-apimTemplate-operationName' is a list of operationIds.",
                      fixes=(Fix("Make it a list", (SetValue(ptr, [value]),)),))
        return
    if not isinstance(value, list):
        yield Finding(ptr, "'x-ms-apimTemplate-operationName' is a list of operationIds.")
        return
    for j, name in enumerate(value):
        if not isinstance(name, str):
            yield Finding(f"{ptr}/{j}", "An operation name is a string.")
        elif operation_ids is not None and name not in operation_ids:
            guess = nearest(name, sorted(operation_ids), cutoff=0.8)
            fixes = (Fix(f"Use '{guess}'", (SetValue(f"{ptr}/{j}", guess),), Applicability.SUGGESTION),) \
                if guess else ()
            yield Finding(f"{ptr}/{j}", f"The swagger has no operation '{name}'" +
                          (f"; did you mean '{guess}'?" if guess else "; the policy never runs for it."),
                          severity=Severity.WARNING, fixes=fixes)


RULE = Rule(
    id="policy-template",
    summary="Policy template instances use a known template with its required parameters and real operations.",
    severity=Severity.ERROR,
    category="structure",
    file=FileKind.API_PROPERTIES,
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    reads_display_text=False,
)
