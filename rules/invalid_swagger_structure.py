"""The swagger document follows the OpenAPI 2.0 connector schema (everything but the operations).

## What it does
Validates the document against connector-lint's JSON Schema for OpenAPI 2.0 plus the Power
Platform extensions (`rules/data/swagger-connector.schema.json`): the root, `info`, path items,
`definitions`, `parameters`, `responses`, `securityDefinitions` and `tags`. Operations are checked
by [invalid-operation-structure](invalid-operation-structure.md), which applies the same schema to
one operation at a time.

It reports keys that are not allowed where they are (a misspelled or misplaced `x-ms-*` key gets a
"did you mean" rename), values of the wrong type, values outside an allowed set, and missing
required keys. Each finding carries Microsoft's validator code (the same list for both rules):
`AdditionalPropertyNotAllowed`, `AdditionalPropertyNotAllowedAdjacentToRef`,
`AllowEmptyValueOnlyValidForQueryFormData`, `ArrayDuplicateValue`,
`ArrayHasNoItems`, `BasePathNotValid`, `BodyParameterPropertyNotValid`,
`BodyParameterSchemaRequired`, `CollectionFormatValueNotSupported`,
`DynamicExtensionDefinitionNotAllowedInParameter`, `EnumMustContainAtLeastOneElement`,
`ExclusiveMaximumRequiresMaximum`, `ExclusiveMinimumRequiresMinimum`, `ExtensionNameNotValid`,
`FileParameterMustBeInFormData`, `FilterFunctionsPropertyEmpty`,
`FilterFunctionsPropertyHasDuplicates`, `HostNameNotValid`, `InvalidFormDataParameterName`,
`InvalidNextLinkNameValue`,
`JsonTypeIncorrect`, `JsonValueNotInEnum`, `MaxItemsMustBeGreaterThanOrEqualToZero`,
`MaxLengthMustBeGreaterThanOrEqualToZero`, `MaxPropertiesMustBeGreaterThanOrEqualToZero`,
`MimeTypeNotValid`, `MinItemsMustBeGreaterThanOrEqualToZero`,
`MinLengthMustBeGreaterThanOrEqualToZero`, `MinPropertiesMustBeGreaterThanOrEqualToZero`,
`MissingEnumValuesDisplayName`, `MultipleOfMustBeGreaterThanZero`, `NonBodyParameterSchemaNotValid`,
`OneOfPropertiesRequired`, `OperationMustHaveResponse`, `PathItemRefNotSuppored`,
`PathParameterMustBeRequired`, `RequiredPropertyArrayEmpty`, `RequiredPropertyMissing`,
`RequiredPropertyNotOnObject`, `RequiredValueEmpty` (an empty list or object where one is
required, such as `x-ms-docs: []`), `ResponseMustBeDefaultOrHttpStatusCode`,
`SchemaTypeFileNotValid`, `SchemeNotSupported`, `SchemeNotValid`, `SchemesArrayEmpty`,
`SecuritySchemePropertyNotValid`, `SecuritySchemePropertyRequired`, `SelectedItemValuePathNotAllowedInThisPosition`,
`SpecificationVersionIncorrect`, `SwaggerKeywordNotSupported`, `UnrecognizedTypeFormat`.

Findings that certified connectors commonly ship are reported one level lower: unknown or
misplaced `x-ms-*` keys, keys next to `$ref`, `required` on a non-object schema, and
`uniqueItems` (warnings), and formats Power Platform does not know (information).

## Why is this bad?
Microsoft's validator rejects a connector whose document does not have this structure, and the
designer silently ignores keys it does not know: a misspelled `x-ms-visibilty` leaves the
parameter visible.
Certification reports an invalid swagger as policy 5000.2.6.2, and a version other than 2.0 as 5000.2.6.3.

## Example
```json
{"swagger": "2.0", "basepath": "/v1", "schemes": ["https", "wss"]}
```

## Use instead
```json
{"swagger": "2.0", "basePath": "/v1", "schemes": ["https"]}
```

## Fix
Several, by finding: renaming a misspelled key is safe when exactly one allowed key is that
close (otherwise a suggestion); correcting the case of an allowed value (`"Advanced"` ->
`"advanced"`), removing a duplicate list item, adding `"required": true` to a path parameter and
prefixing `basePath` with `/` are safe; removing keys the platform ignores is unsafe; adding
missing `items`, `schema` or `displayName` stubs is a suggestion.
"""

from ._api import FixAvailability, Rule, Severity
from ._schema import document_findings, validators_


def check(ctx):
    if ctx.swagger is None:
        return
    yield from document_findings(ctx)


RULE = Rule(
    id="invalid-swagger-structure",
    summary="The swagger document follows the OpenAPI 2.0 connector schema.",
    severity=Severity.ERROR,
    category="structure",
    policy_code="5000.2.6.2",
    fixable=FixAvailability.SOMETIMES,
    docs=__doc__,
    check=check,
    warm_up=validators_,
)
