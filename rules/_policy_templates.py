"""The policy templates of apiProperties.json (`policyTemplateInstances`): their ids, the
parameters each takes and the values of the enumerated ones. The `policy-template` rule checks
instances against them; the editor completes from them."""

PREFIX = "x-ms-apimTemplateParameter."  # of each template parameter's key
SECTIONS = ("Request", "Response")  # x-ms-apimTemplate-policySection (setheader: also "Failure")
TEMPLATES = {  # id -> (required, optional) parameter names without the prefix
    "convertarraytoobject": (("propertyParentPath", "keyWithinCollectionPath", "newPropertyPath"),
                             ("propertySubPath", "retainKey")),
    "convertobjecttoarray": (("propertyParentPath", "newPropertyPath"), ("propertySubPath", "keyName", "valueName")),
    "dynamichosturl": (("urlTemplate",), ()),
    "encodepropertyvalue": (("propertyParentPath", "newPropertyPath"), ("propertySubPath",)),
    "pollingtrigger": (("triggerConfig", "triggerDataPath"), ()),
    "routerequesttoendpoint": (("newPath",), ("httpMethod",)),
    "setheader": (("name", "value"), ("existsAction",)),
    "setproperty": (("newPropertyParentPathTemplate", "newPropertySubPathTemplate", "propertyValuePathTemplate"), ()),
    "setqueryparameter": (("name", "value"), ("existsAction",)),
    "setvaluefromurl": (("parameterTemplate", "parameterValueUrl", "parameterValuePathTemplate"), ("httpMethod",)),
    "stringreplace": (("propertyParentPath", "sourceString", "replacementString", "newPropertyPath"),
                      ("propertySubPath",)),
    "stringtoarray": (("propertyParentPath", "delimiterList", "childPropertyName", "newPropertyPath"),
                      ("propertySubPath",)),
    "updatenextlink": (("nextLinkPropertyName",), ("nextLinkParentPropertyPath",)),
}
# Ids certified connectors use that Microsoft does not document.
UNDOCUMENTED = ("dynamicsubdomain", "moveproperties", "setconnectionstatustounauthenticated")
# Template parameters (without the prefix) that take one of a few values.
VALUES = {"httpMethod": ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "@Request.OriginalHTTPMethod"),
          "existsAction": ("override", "skip", "append"), "retainKey": ("true", "false")}
